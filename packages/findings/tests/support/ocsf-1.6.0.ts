/**
 * Required attributes of the OCSF 1.6.0 Compliance Finding class (class_uid 2003) and of the objects
 * Rampart fills, as data. Source: github.com/ocsf/ocsf-schema at the v1.6.0 release commit
 * (d0cd8a0f, "v1.6.0 (#1474)", version.json = 1.6.0):
 * - events/base_event.json: activity_id, category_uid, class_uid, metadata, severity_id, time, type_uid
 *   are "required"; profiles/cloud.json makes `cloud` required when the cloud profile is applied.
 * - events/findings/finding.json: finding_info required; events/findings/compliance_finding.json:
 *   compliance required (uid 3 in category findings, uid 2 in categories.json: class_uid 2003).
 * - objects/metadata.json: product, version. objects/product.json extends _entity, whose constraint
 *   is at_least_one of name, uid. objects/finding_info.json: uid. objects/cloud.json: provider.
 *   objects/remediation.json: desc. objects/analytic.json: type_id (+ _entity's at_least_one).
 *   objects/account.json and objects/resource_details.json (→ _resource → _entity): at_least_one
 *   of name, uid. objects/compliance.json has no required attribute in 1.6.0 (control, standards,
 *   status, status_id recommended); Rampart sets status and status_id, so they are checked too.
 * Enumerations: compliance.status_id 1 Pass, 2 Warning, 3 Fail (+ 0 Unknown, 99 Other from the
 * dictionary); finding status_id 1 New … 6 Deleted (+ 0, 99); severity_id 0–6, 99; activity_id
 * 1 Create, 2 Update, 3 Close (+ 0, 99); type_uid = class_uid × 100 + activity_id.
 */
export const OCSF_SCHEMA_SOURCE = 'https://github.com/ocsf/ocsf-schema/tree/v1.6.0 (commit d0cd8a0f)';

export interface ObjectRule {
  required: string[];
  atLeastOne?: string[];
}

export const COMPLIANCE_FINDING_REQUIRED: ObjectRule = {
  required: [
    'activity_id',
    'category_uid',
    'class_uid',
    'metadata',
    'severity_id',
    'time',
    'type_uid',
    'finding_info',
    'compliance',
  ],
};

/** Required when the `cloud` profile is listed in metadata.profiles. */
export const CLOUD_PROFILE_REQUIRED = ['cloud'];

/** Object rules by attribute path in the event (`[]` marks array elements). */
export const OBJECT_RULES: Record<string, ObjectRule> = {
  metadata: { required: ['product', 'version'] },
  'metadata.product': { required: [], atLeastOne: ['name', 'uid'] },
  finding_info: { required: ['uid'] },
  'finding_info.analytic': { required: ['type_id'], atLeastOne: ['name', 'uid'] },
  compliance: { required: [] },
  cloud: { required: ['provider'] },
  'cloud.account': { required: [], atLeastOne: ['name', 'uid'] },
  remediation: { required: ['desc'] },
  'resources[]': { required: [], atLeastOne: ['name', 'uid'] },
};

export const ENUMS: Record<string, number[]> = {
  activity_id: [0, 1, 2, 3, 99],
  severity_id: [0, 1, 2, 3, 4, 5, 6, 99],
  status_id: [0, 1, 2, 3, 4, 5, 6, 99],
  'compliance.status_id': [0, 1, 2, 3, 99],
  'finding_info.analytic.type_id': [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 99],
  'cloud.account.type_id': [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 99],
};

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function at(event: Record<string, unknown>, path: string): unknown[] {
  let current: unknown[] = [event];
  for (const part of path.split('.')) {
    const isArray = part.endsWith('[]');
    const key = isArray ? part.slice(0, -2) : part;
    const next: unknown[] = [];
    for (const c of current) {
      const v = (c as Record<string, unknown> | undefined)?.[key];
      if (v === undefined) continue;
      if (isArray) next.push(...(Array.isArray(v) ? v : [v]));
      else next.push(v);
    }
    current = next;
  }
  return current;
}

/** Every way `event` breaks the class's required attributes, enumerations and fixed values. */
export function validateComplianceFinding(event: Record<string, unknown>): string[] {
  const errors: string[] = [];
  for (const key of COMPLIANCE_FINDING_REQUIRED.required) if (!present(event[key])) errors.push(`missing ${key}`);
  const profiles = ((event['metadata'] as Record<string, unknown> | undefined)?.['profiles'] ?? []) as string[];
  if (profiles.includes('cloud')) {
    for (const key of CLOUD_PROFILE_REQUIRED) if (!present(event[key])) errors.push(`cloud profile: missing ${key}`);
  }
  for (const [path, rule] of Object.entries(OBJECT_RULES)) {
    for (const obj of at(event, path)) {
      if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
        errors.push(`${path} is not an object`);
        continue;
      }
      const o = obj as Record<string, unknown>;
      for (const key of rule.required) if (!present(o[key])) errors.push(`missing ${path}.${key}`);
      if (rule.atLeastOne && !rule.atLeastOne.some((k) => present(o[k]))) {
        errors.push(`${path} needs one of ${rule.atLeastOne.join(', ')}`);
      }
    }
  }
  for (const [path, allowed] of Object.entries(ENUMS)) {
    for (const v of at(event, path))
      if (!allowed.includes(v as number)) errors.push(`${path} = ${String(v)} not in enum`);
  }
  if (event['class_uid'] !== 2003) errors.push('class_uid must be 2003');
  if (event['category_uid'] !== 2) errors.push('category_uid must be 2');
  if (event['type_uid'] !== (event['class_uid'] as number) * 100 + (event['activity_id'] as number)) {
    errors.push('type_uid must be class_uid * 100 + activity_id');
  }
  if (!Number.isInteger(event['time'])) errors.push('time must be a timestamp_t (integer milliseconds)');
  return errors;
}
