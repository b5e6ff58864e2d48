import type * as z from 'zod';
import { ConfigItem, type Relationship } from './config-item.js';
import { detectShape, SHAPE_SCHEMAS } from './schemas.js';

/** One thing wrong with one input item: where (zod-style path) and what. */
export interface ItemIssue {
  path: string;
  message: string;
}

export type NormalizeResult = { ok: true; item: ConfigItem } | { ok: false; issues: ItemIssue[] };

const NO_TAGS: Readonly<Record<string, string>> = Object.freeze({});
const NO_RELATIONSHIPS: readonly Relationship[] = Object.freeze([]);

/**
 * Turns a configuration item of any of the three shapes (invoking event, Config API, Select row as
 * an object or as its JSON string) into a {@link ConfigItem}. Checks only what the engine needs up
 * front; when that fails, the shape's zod schema explains the problem with a path.
 */
export function normalizeItem(raw: unknown): NormalizeResult {
  if (typeof raw === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      return {
        ok: false,
        issues: [{ path: '', message: `string item is not a JSON object: ${(error as Error).message}` }],
      };
    }
    return normalizeItem(parsed);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      issues: [{ path: '', message: `expected a configuration item object, got ${describeType(raw)}` }],
    };
  }
  const r = raw as Record<string, unknown>;
  const accountId = r['awsAccountId'] ?? r['accountId'];
  const region = r['awsRegion'];
  const resourceType = r['resourceType'];
  const resourceId = r['resourceId'];
  const configuration = r['configuration'];
  const supplementary = r['supplementaryConfiguration'];
  const tags = r['tags'];
  const relationships = r['relationships'];
  if (
    !isNonEmptyString(accountId) ||
    !isNonEmptyString(region) ||
    !isNonEmptyString(resourceType) ||
    !isNonEmptyString(resourceId) ||
    !(
      configuration === undefined ||
      configuration === null ||
      typeof configuration === 'object' ||
      typeof configuration === 'string'
    ) ||
    Array.isArray(configuration) ||
    !(supplementary === undefined || supplementary === null || isPlainObject(supplementary)) ||
    !(tags === undefined || tags === null || typeof tags === 'object') ||
    !(relationships === undefined || relationships === null || Array.isArray(relationships))
  ) {
    return { ok: false, issues: explain(r) };
  }
  const shape = detectShape(r);
  const name = r['resourceName'];
  const arn = r['ARN'] ?? r['arn'];
  const status = r['configurationItemStatus'];
  let normalizedTags: Readonly<Record<string, string>>;
  try {
    normalizedTags = normalizeTags(tags);
  } catch {
    return { ok: false, issues: explain(r) };
  }
  if (!relationshipsValid(relationships)) return { ok: false, issues: explain(r) };
  const rawRelationships = relationships as Record<string, unknown>[] | null | undefined;
  return {
    ok: true,
    item: new ConfigItem({
      shape,
      resourceType,
      resourceId,
      resourceName: typeof name === 'string' ? name : undefined,
      arn: typeof arn === 'string' && arn !== '' ? arn : undefined,
      accountId,
      region,
      status: typeof status === 'string' ? status : undefined,
      captureTime: normalizeTime(r['configurationItemCaptureTime']),
      tags: normalizedTags,
      relationships: NO_RELATIONSHIPS,
      rawRelationships:
        rawRelationships === null || rawRelationships === undefined || rawRelationships.length === 0
          ? undefined
          : rawRelationships,
      configuration: configuration ?? undefined,
      supplementary: isPlainObject(supplementary) ? supplementary : undefined,
    }),
  };
}

function explain(r: Record<string, unknown>): ItemIssue[] {
  const shape = detectShape(r);
  const result = (SHAPE_SCHEMAS[shape] as z.ZodType).safeParse(r);
  if (result.success) {
    return [{ path: '', message: `not a configuration item in the ${shape} shape` }];
  }
  return result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: `${issue.message} (${shape} shape)`,
  }));
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

function normalizeTags(tags: unknown): Readonly<Record<string, string>> {
  if (tags === undefined || tags === null) return NO_TAGS;
  if (Array.isArray(tags)) {
    const out: Record<string, string> = {};
    for (const tag of tags) {
      if (!isPlainObject(tag) || typeof tag['key'] !== 'string') throw new TypeError('bad tag');
      out[tag['key']] = String(tag['value'] ?? '');
    }
    return out;
  }
  const map = tags as Record<string, unknown>;
  for (const key in map) {
    if (typeof map[key] !== 'string') throw new TypeError('bad tag');
  }
  return map as Record<string, string>;
}

/** Relationships are converted when first read (ConfigItem); here they are only checked. */
function relationshipsValid(list: unknown): boolean {
  if (list === undefined || list === null) return true;
  for (const rel of list as unknown[]) {
    if (!isPlainObject(rel) || typeof rel['resourceType'] !== 'string') return false;
  }
  return true;
}

/** Already canonical (`Date#toISOString` form): the common case, returned without parsing. */
const ISO_CANONICAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * Capture time as canonical ISO (`2026-11-20T10:15:31.021Z`), so that the same instant compares equal
 * whatever shape it came in (duplicates keep the latest by comparing these strings). The Config API
 * sends epoch seconds (the JS SDK turns them into Dates, JSON-serialized as ISO); moto sends
 * `2026-11-29 09:31:06.9+00:00`. Text that is no time at all is kept as is.
 */
function normalizeTime(value: unknown): string | undefined {
  if (typeof value === 'number') return isoOf(Math.round(value * 1000));
  if (typeof value === 'string' && value !== '') {
    if (ISO_CANONICAL.test(value)) return value;
    if (/^\d+(\.\d+)?$/.test(value)) return isoOf(Math.round(Number(value) * 1000)) ?? value;
    const ms = Date.parse(value.includes(' ') && !value.includes('T') ? value.replace(' ', 'T') : value);
    return isoOf(ms) ?? value;
  }
  return undefined;
}

/**
 * ISO for epoch milliseconds, or undefined when out of the Date range (toISOString would throw).
 * Callers round: `2181238476.66 * 1000` is `2181238476659.9998`, which Date would truncate a millisecond early.
 */
function isoOf(ms: number): string | undefined {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : undefined;
}
