/** The five areas of the Security Pillar, as Rampart names them. */
export const AREAS = ['iam', 'detection', 'infrastructure', 'data-protection', 'incident-response'] as const;
export type Area = (typeof AREAS)[number];

export const AREA_TITLES: Readonly<Record<Area, string>> = {
  iam: 'Identity and access management',
  detection: 'Detection and monitoring',
  infrastructure: 'Infrastructure protection',
  'data-protection': 'Data protection',
  'incident-response': 'Incident response',
};

/** Ordered from most to least severe; the order is used for `--fail-on`. */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const COMPLIANCE_VALUES = [
  'COMPLIANT',
  'NON_COMPLIANT',
  'NOT_APPLICABLE',
  /** The data the control needs could not be read (the reason is in the annotation). */
  'INSUFFICIENT_DATA',
  /** The control threw (the message is in the annotation); never a silent pass. */
  'ERROR',
] as const;
export type Compliance = (typeof COMPLIANCE_VALUES)[number];

/** The resource type account-level controls report on. */
export const ACCOUNT_RESOURCE_TYPE = 'AWS::::Account';

/** Region value AWS Config uses for global resources (IAM, CloudFront, Route 53). */
export const GLOBAL_REGION = 'global';

/** One verdict of one control on one resource: the contract of `rampart evaluate --format json`. */
export interface Evaluation {
  controlId: string;
  resourceType: string;
  resourceId: string;
  resourceArn: string | null;
  accountId: string;
  region: string;
  compliance: Compliance;
  annotation: string;
}

/** `{accountId, region, resourceTypes}` that a run could not read. */
export interface IncompleteScope {
  accountId: string;
  region: string;
  resourceTypes: string[];
}

/** What a collector could not read, as recorded in a snapshot's `collectionError` line. */
export interface CollectionError {
  accountId: string;
  region: string;
  service: string;
  operation: string;
  resourceTypes: string[];
  code: string;
  message: string;
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
