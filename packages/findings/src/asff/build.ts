import type { AwsSecurityFinding, Resource } from '@aws-sdk/client-securityhub';
import {
  AREA_TITLES,
  type Compliance,
  type Control,
  type Evaluation,
  type EvaluationScope,
  GLOBAL_REGION,
} from '@rampart/core';
import { FindingTooLargeError, HomeRegionError } from '../errors.js';
import { findingId, generatorId, partitionOf, productArn } from './ids.js';
import { LIMITS, SCHEMA_VERSION } from './limits.js';
import { asffResourceType, OTHER_RESOURCE_TYPE, resourceIdentifier } from './resource-types.js';
import { jsonBytes, truncateText } from './truncate.js';

export type ComplianceStatus = 'PASSED' | 'FAILED' | 'NOT_AVAILABLE';

/** COMPLIANT → PASSED, NON_COMPLIANT → FAILED, the two non-verdicts → NOT_AVAILABLE; NOT_APPLICABLE has no finding. */
export function complianceStatus(compliance: Compliance): ComplianceStatus | undefined {
  switch (compliance) {
    case 'COMPLIANT':
      return 'PASSED';
    case 'NON_COMPLIANT':
      return 'FAILED';
    case 'INSUFFICIENT_DATA':
    case 'ERROR':
      return 'NOT_AVAILABLE';
    case 'NOT_APPLICABLE':
      return undefined;
  }
}

const STATUS_RANK: Record<ComplianceStatus, number> = { FAILED: 0, NOT_AVAILABLE: 1, PASSED: 2 };

export const TYPE_BEST_PRACTICES = 'Software and Configuration Checks/AWS Security Best Practices';
export const TYPE_CIS =
  'Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark';

/** Keys Rampart writes into `ProductFields`; the exporter reads them back to scope archiving. */
export const PRODUCT_FIELDS = {
  controlId: 'rampart/ControlId',
  resourceType: 'rampart/ResourceType',
  resourceId: 'rampart/ResourceId',
  compliance: 'rampart/Compliance',
  area: 'rampart/Area',
} as const;

export interface FindingTimes {
  /** When the resource was observed in this state (the run's "now"). */
  observedAt: string;
  /** When this finding record is written; defaults to `observedAt`. */
  updatedAt?: string;
  /** Kept from the finding Security Hub already holds, when there is one. */
  createdAt?: string;
  firstObservedAt?: string;
}

/** The Security Hub region a finding of this evaluation region lives in: global resources go to the home region. */
export function importRegion(region: string, homeRegion: string | undefined): string {
  if (region !== GLOBAL_REGION) return region;
  if (homeRegion === undefined) {
    throw new HomeRegionError(
      'Findings on global resources (IAM, CloudFront, Route 53) need a home region: pass --home-region, or scan at least one region.',
    );
  }
  return homeRegion;
}

/** The home region DESIGN.md names: the one given, else the first region the run scanned. */
export function defaultHomeRegion(scope: Pick<EvaluationScope, 'regions'>, homeRegion?: string): string | undefined {
  return homeRegion ?? scope.regions.find((r) => r !== GLOBAL_REGION);
}

/**
 * One ASFF finding for one or more evaluations of the same control on the same resource (a control
 * may return several verdicts for a resource: the worst status wins, every annotation is kept).
 * Returns undefined when every verdict is NOT_APPLICABLE: such a resource has no finding.
 * Throws {@link FindingTooLargeError} when the finding cannot be brought under 240 KB.
 */
export function buildFinding(
  evaluations: readonly Evaluation[],
  control: Control<unknown>,
  options: { homeRegion: string | undefined; times: FindingTimes },
): AwsSecurityFinding | undefined {
  const applicable = evaluations.filter((e) => complianceStatus(e.compliance) !== undefined);
  const first = applicable[0];
  if (first === undefined) return undefined;
  const status = applicable
    .map((e) => complianceStatus(e.compliance)!)
    .sort((a, b) => STATUS_RANK[a] - STATUS_RANK[b])[0]!;
  const worst = applicable.find((e) => complianceStatus(e.compliance) === status)!;
  const region = importRegion(first.region, options.homeRegion);
  const account = first.accountId;
  const id = findingId({
    accountId: account,
    region: first.region,
    controlId: control.id,
    resourceType: first.resourceType,
    resourceId: first.resourceId,
  });
  const annotations = [...new Set(applicable.map((e) => e.annotation))];
  const { observedAt } = options.times;
  const updatedAt = options.times.updatedAt ?? observedAt;
  const types = [`${TYPE_BEST_PRACTICES}/${AREA_TITLES[control.area]}`];
  if (control.references.cis.length > 0) types.push(TYPE_CIS);

  const resourceType = asffResourceType(first.resourceType);
  const resource: Resource = {
    Type: resourceType,
    Id: resourceIdentifier({ ...first, region }),
    Partition: partitionOf(region),
  };
  if (first.region !== GLOBAL_REGION) resource.Region = first.region;
  const details: Record<string, string> = { ConfigResourceType: first.resourceType };
  if (first.resourceId.length <= LIMITS.productFieldValue) details['ConfigResourceId'] = first.resourceId;
  if (resourceType === OTHER_RESOURCE_TYPE) resource.Details = { Other: details };

  const productFields: Record<string, string> = {
    [PRODUCT_FIELDS.controlId]: control.id,
    [PRODUCT_FIELDS.resourceType]: first.resourceType,
    [PRODUCT_FIELDS.compliance]: worst.compliance,
    [PRODUCT_FIELDS.area]: control.area,
  };
  // An id longer than a field value is left out rather than cut; the finding Id still names it (hashed).
  if (first.resourceId.length <= LIMITS.productFieldValue) productFields[PRODUCT_FIELDS.resourceId] = first.resourceId;

  const finding: AwsSecurityFinding = {
    SchemaVersion: SCHEMA_VERSION,
    Id: id,
    ProductArn: productArn(region, account),
    ProductName: 'Rampart',
    CompanyName: 'Rampart',
    GeneratorId: generatorId(control.id),
    AwsAccountId: account,
    Region: region,
    Types: types,
    CreatedAt: options.times.createdAt ?? observedAt,
    UpdatedAt: updatedAt,
    FirstObservedAt: options.times.firstObservedAt ?? options.times.createdAt ?? observedAt,
    LastObservedAt: observedAt,
    Severity: { Label: control.severity, Original: control.severity },
    Title: truncateText(control.title, LIMITS.title),
    Description: description(annotations, control.description),
    Remediation: {
      Recommendation: {
        Text: truncateText(control.remediation.text, LIMITS.recommendationText),
        Url: control.remediation.url,
      },
    },
    ProductFields: productFields,
    Resources: [resource],
    Compliance: { Status: status, RelatedRequirements: relatedRequirements(control) },
    FindingProviderFields: { Severity: { Label: control.severity, Original: control.severity }, Types: types },
    RecordState: 'ACTIVE',
  };
  return fitFinding(finding);
}

/** What is wrong with this resource first, then what the control checks; cut at a word boundary. */
function description(annotations: readonly string[], controlDescription: string): string {
  const annotation = annotations.join(' ');
  const full = `${annotation}\n\n${controlDescription}`;
  if (full.length <= LIMITS.description) return full;
  return truncateText(annotation, LIMITS.description);
}

/** Well-Architected best practices, CIS requirements and FSBP controls, in Security Hub's `Standard/requirement` style. */
export function relatedRequirements(control: Control<unknown>): string[] {
  const list = [
    ...control.wellArchitected.map((bp) => `AWS Well-Architected Security Pillar/${bp}`),
    ...control.references.cis.map((id) => `CIS AWS Foundations Benchmark v3.0.0/${id}`),
    ...control.references.securityHub.map((id) => `AWS Foundational Security Best Practices/${id}`),
  ];
  return list.slice(0, LIMITS.relatedRequirements);
}

/** Trims optional fields until the finding fits 240 KB; identifiers are never cut. */
function fitFinding(finding: AwsSecurityFinding): AwsSecurityFinding {
  if (jsonBytes(finding) <= LIMITS.findingBytes) return finding;
  for (const resource of finding.Resources ?? []) {
    const other = resource.Details?.Other;
    if (other) resource.Details = { Other: { ConfigResourceType: other['ConfigResourceType'] ?? OTHER_RESOURCE_TYPE } };
  }
  const kept = finding.ProductFields ?? {};
  finding.ProductFields = {
    [PRODUCT_FIELDS.controlId]: kept[PRODUCT_FIELDS.controlId]!,
    [PRODUCT_FIELDS.resourceType]: kept[PRODUCT_FIELDS.resourceType]!,
  };
  if (finding.Compliance) finding.Compliance.RelatedRequirements = finding.Compliance.RelatedRequirements?.slice(0, 3);
  const bytes = jsonBytes(finding);
  if (bytes > LIMITS.findingBytes) throw new FindingTooLargeError(finding.Id!, bytes, LIMITS.findingBytes);
  return finding;
}
