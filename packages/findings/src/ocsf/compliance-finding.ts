import type { Compliance, Control, Evaluation, Severity } from '@rampart/core';
import { AREA_TITLES, GLOBAL_REGION } from '@rampart/core';
import { defaultHomeRegion, relatedRequirements, TYPE_BEST_PRACTICES, TYPE_CIS } from '../asff/build.js';
import { controlMap, type FindingProblem, type RunLike } from '../asff/findings.js';
import { findingId, partitionOf } from '../asff/ids.js';

/** OCSF schema version the events follow (https://schema.ocsf.io/1.6.0/classes/compliance_finding). */
export const OCSF_VERSION = '1.6.0';

/** Findings category (2), Compliance Finding class (2003), activity Create (1): type_uid = class_uid × 100 + activity_id. */
export const OCSF_COMPLIANCE_FINDING = {
  categoryUid: 2,
  categoryName: 'Findings',
  classUid: 2003,
  className: 'Compliance Finding',
  activityId: 1,
  activityName: 'Create',
  typeUid: 200301,
  typeName: 'Compliance Finding: Create',
} as const;

/** OCSF `severity_id` (base event): 1 Informational … 5 Critical. */
export const OCSF_SEVERITY: Record<Severity, { id: number; name: string }> = {
  INFORMATIONAL: { id: 1, name: 'Informational' },
  LOW: { id: 2, name: 'Low' },
  MEDIUM: { id: 3, name: 'Medium' },
  HIGH: { id: 4, name: 'High' },
  CRITICAL: { id: 5, name: 'Critical' },
};

/**
 * `compliance.status_id` (1.6.0: 1 Pass, 2 Warning "did not yield a result due to missing
 * information", 3 Fail, 99 Other with the source's own `status`), and the finding's `status_id`
 * (1 New, 4 Resolved, 5 Archived), mirroring Security Hub: a passed control resolves its finding and a
 * resource that is no longer applicable has its finding archived.
 */
export const OCSF_COMPLIANCE_STATUS: Record<
  Compliance,
  { id: number; name: string; findingStatusId: number; findingStatus: string }
> = {
  COMPLIANT: { id: 1, name: 'Pass', findingStatusId: 4, findingStatus: 'Resolved' },
  NON_COMPLIANT: { id: 3, name: 'Fail', findingStatusId: 1, findingStatus: 'New' },
  INSUFFICIENT_DATA: { id: 2, name: 'Warning', findingStatusId: 1, findingStatus: 'New' },
  ERROR: { id: 99, name: 'Error', findingStatusId: 1, findingStatus: 'New' },
  NOT_APPLICABLE: { id: 99, name: 'Not Applicable', findingStatusId: 5, findingStatus: 'Archived' },
};

/** An OCSF 1.6.0 Compliance Finding event as Rampart writes it (the attributes it sets). */
export interface OcsfComplianceFinding {
  activity_id: number;
  activity_name: string;
  category_uid: number;
  category_name: string;
  class_uid: number;
  class_name: string;
  type_uid: number;
  type_name: string;
  severity_id: number;
  severity: string;
  time: number;
  message: string;
  status_id: number;
  status: string;
  metadata: {
    version: string;
    product: { name: string; vendor_name: string; version: string; uid: string };
    profiles: string[];
    log_name: string;
  };
  cloud: {
    provider: 'AWS';
    region?: string;
    cloud_partition: string;
    account: { uid: string; type_id: number; type: string };
  };
  finding_info: {
    uid: string;
    title: string;
    desc: string;
    types: string[];
    created_time: number;
    first_seen_time: number;
    last_seen_time: number;
    analytic: { uid: string; name: string; type_id: number; type: string };
  };
  compliance: {
    control: string;
    standards: string[];
    requirements: string[];
    status_id: number;
    status: string;
    status_code: Compliance;
    status_details: string[];
  };
  remediation: { desc: string; references: string[] };
  resources: {
    uid: string;
    uid_alt?: string;
    name: string;
    type: string;
    region: string;
    cloud_partition: string;
  }[];
  unmapped: { rampart: { area: string; controlId: string } };
}

export interface OcsfOptions {
  /** Region findings on global resources are reported in (default: the first region the run scanned). */
  homeRegion?: string;
  controls?: ReadonlyMap<string, Control<unknown>>;
  /** `metadata.product.version` (default 0.1.0). */
  productVersion?: string;
}

export interface BuiltOcsfEvents {
  events: OcsfComplianceFinding[];
  problems: FindingProblem[];
}

const STANDARDS = {
  wellArchitected: 'AWS Well-Architected Security Pillar',
  cis: 'CIS AWS Foundations Benchmark v3.0.0',
  fsbp: 'AWS Foundational Security Best Practices',
} as const;

/** One Compliance Finding event per evaluation, NOT_APPLICABLE included (archived), in the run's order. */
export function buildOcsfEvents(run: RunLike, options: OcsfOptions = {}): BuiltOcsfEvents {
  const controls = options.controls ?? controlMap();
  const homeRegion = defaultHomeRegion(run.scope, options.homeRegion);
  const events: OcsfComplianceFinding[] = [];
  const problems: FindingProblem[] = [];
  const time = Date.parse(run.scope.now);
  for (const e of run.evaluations) {
    const control = controls.get(e.controlId);
    if (control === undefined) {
      problems.push({
        id: findingId(e),
        code: 'UnknownControl',
        message: `Control ${e.controlId} is not in the catalog.`,
      });
      continue;
    }
    events.push(ocsfEvent(e, control, { time, homeRegion, productVersion: options.productVersion ?? '0.1.0' }));
  }
  return { events, problems };
}

export function ocsfEvent(
  e: Evaluation,
  control: Control<unknown>,
  options: { time: number; homeRegion: string | undefined; productVersion: string },
): OcsfComplianceFinding {
  const c = OCSF_COMPLIANCE_FINDING;
  const severity = OCSF_SEVERITY[control.severity];
  const status = OCSF_COMPLIANCE_STATUS[e.compliance];
  const region = e.region === GLOBAL_REGION ? options.homeRegion : e.region;
  const partition = partitionOf(region ?? 'us-east-1');
  const types = [`${TYPE_BEST_PRACTICES}/${AREA_TITLES[control.area]}`];
  if (control.references.cis.length > 0) types.push(TYPE_CIS);
  const standards: string[] = [];
  if (control.wellArchitected.length > 0) standards.push(STANDARDS.wellArchitected);
  if (control.references.cis.length > 0) standards.push(STANDARDS.cis);
  if (control.references.securityHub.length > 0) standards.push(STANDARDS.fsbp);
  const resource: OcsfComplianceFinding['resources'][number] = {
    uid: e.resourceArn ?? e.resourceId,
    name: e.resourceId,
    type: e.resourceType,
    region: e.region,
    cloud_partition: partition,
  };
  if (e.resourceArn !== null && e.resourceArn !== e.resourceId) resource.uid_alt = e.resourceId;
  return {
    activity_id: c.activityId,
    activity_name: c.activityName,
    category_uid: c.categoryUid,
    category_name: c.categoryName,
    class_uid: c.classUid,
    class_name: c.className,
    type_uid: c.typeUid,
    type_name: c.typeName,
    severity_id: severity.id,
    severity: severity.name,
    time: options.time,
    message: e.annotation,
    status_id: status.findingStatusId,
    status: status.findingStatus,
    metadata: {
      version: OCSF_VERSION,
      product: { name: 'Rampart', vendor_name: 'Rampart', version: options.productVersion, uid: 'rampart' },
      profiles: ['cloud'],
      log_name: 'rampart',
    },
    cloud: {
      provider: 'AWS',
      ...(region !== undefined ? { region } : {}),
      cloud_partition: partition,
      account: { uid: e.accountId, type_id: 10, type: 'AWS Account' },
    },
    finding_info: {
      // The ASFF finding Id: the same control on the same resource is the same finding in both formats.
      uid: findingId(e),
      title: control.title,
      desc: control.description,
      types,
      created_time: options.time,
      first_seen_time: options.time,
      last_seen_time: options.time,
      analytic: { uid: control.id, name: control.title, type_id: 1, type: 'Rule' },
    },
    compliance: {
      control: control.id,
      standards,
      requirements: relatedRequirements(control),
      status_id: status.id,
      status: status.name,
      status_code: e.compliance,
      status_details: e.annotation === '' ? [] : [e.annotation],
    },
    remediation: { desc: control.remediation.text, references: [control.remediation.url] },
    resources: [resource],
    unmapped: { rampart: { area: control.area, controlId: control.id } },
  };
}

/** `--format ocsf`: a JSON array, one event per line. */
export function renderOcsf(events: readonly OcsfComplianceFinding[]): string {
  const lines = events.map((e) => JSON.stringify(e));
  return lines.length === 0 ? '[]\n' : `[\n${lines.join(',\n')}\n]\n`;
}
