/**
 * Building configuration items the way AWS Config records them, so an item read directly is the
 * same item AWS Config would have given: same type, `resourceId`, region and field names.
 */

/** A configuration item in the invoking-event shape (`awsAccountId`, `ARN`, `configuration` object). */
export interface RawItem {
  configurationItemVersion: '1.3';
  configurationItemCaptureTime: string;
  configurationItemStatus: 'OK';
  awsAccountId: string;
  awsRegion: string;
  resourceType: string;
  resourceId: string;
  resourceName: string | null;
  ARN: string | null;
  tags: Record<string, string>;
  relationships: { resourceType: string; resourceId?: string; resourceName?: string | null; name?: string }[];
  configuration: Record<string, unknown>;
  supplementaryConfiguration: Record<string, unknown>;
}

export interface ItemFields {
  resourceType: string;
  resourceId: string;
  resourceName?: string | null | undefined;
  arn?: string | null | undefined;
  tags?: Record<string, string> | undefined;
  relationships?: RawItem['relationships'];
  configuration: Record<string, unknown>;
  supplementaryConfiguration?: Record<string, unknown>;
}

export function makeItem(accountId: string, region: string, capturedAt: string, fields: ItemFields): RawItem {
  return {
    configurationItemVersion: '1.3',
    configurationItemCaptureTime: capturedAt,
    configurationItemStatus: 'OK',
    awsAccountId: accountId,
    awsRegion: region,
    resourceType: fields.resourceType,
    resourceId: fields.resourceId,
    resourceName: fields.resourceName ?? null,
    ARN: fields.arn ?? null,
    tags: fields.tags ?? {},
    relationships: fields.relationships ?? [],
    configuration: fields.configuration,
    supplementaryConfiguration: fields.supplementaryConfiguration ?? {},
  };
}

/**
 * An SDK response object with AWS Config's field names: the first letter of every key in lower
 * case (`IpPermissions` → `ipPermissions`, `DBInstanceIdentifier` → `dBInstanceIdentifier`,
 * `IPAddressType` → `iPAddressType`), dates as ISO 8601 strings, `undefined` dropped.
 */
export function configShape(value: unknown, keepKeysOf: ReadonlySet<string> = NO_KEYS): unknown {
  return reshape(value, keepKeysOf, (k) => (k.length > 0 ? k[0]!.toLowerCase() + k.slice(1) : k), false);
}

/**
 * The CloudFormation-like shape AWS Config uses for some services (ECS, ECR): the first letter of every
 * key in upper case (`taskDefinitionArn` → `TaskDefinitionArn`), dates as ISO strings.
 */
export function pascalShape(value: unknown, keepKeysOf: ReadonlySet<string> = NO_KEYS): unknown {
  return reshape(value, keepKeysOf, (k) => (k.length > 0 ? k[0]!.toUpperCase() + k.slice(1) : k), false);
}

/**
 * The Java-bean names AWS Config gives some services (Elasticsearch, DynamoDB, Aurora): the leading run
 * of capitals in lower case (`EBSOptions` → `ebsoptions`, `SSEDescription` → `ssedescription`,
 * `KMSMasterKeyArn` → `kmsmasterKeyArn`), dates as ISO strings, `undefined` dropped.
 */
export function beanKeysShape(value: unknown, keepKeysOf: ReadonlySet<string> = NO_KEYS): unknown {
  return reshape(value, keepKeysOf, (k) => k.replace(/^[A-Z]+/, (m) => m.toLowerCase()), false);
}

/** The listed keys of an object, in that order, those whose value is `undefined` left out. */
export function pick(value: object, keys: readonly string[]): Record<string, unknown> {
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of keys) if (source[k] !== undefined) out[k] = source[k];
  return out;
}

const NO_KEYS: ReadonlySet<string> = new Set();

/**
 * Renames keys with `rename`, except the keys of maps whose user-chosen keys must stay as they are
 * (`keepKeysOf` names such fields after renaming: API Gateway `methodSettings`, ECS log `options`, ...).
 * Byte blobs (WAF search strings) become UTF-8 text, as AWS Config records them.
 */
function reshape(
  value: unknown,
  keepKeysOf: ReadonlySet<string>,
  rename: (key: string) => string,
  keepKeys: boolean,
): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  if (Array.isArray(value)) return value.map((v) => reshape(v, keepKeysOf, rename, false));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || k === '$metadata') continue;
      const key = keepKeys ? k : rename(k);
      out[key] = reshape(v, keepKeysOf, rename, !keepKeys && keepKeysOf.has(key));
    }
    return out;
  }
  return value;
}

export function configObject(value: unknown, keepKeysOf?: ReadonlySet<string>): Record<string, unknown> {
  const shaped = configShape(value, keepKeysOf);
  return shaped !== null && typeof shaped === 'object' && !Array.isArray(shaped)
    ? (shaped as Record<string, unknown>)
    : {};
}

/** Dates to ISO strings, keys kept (services whose AWS Config items keep the API's PascalCase: SNS, Secrets Manager). */
export function plainShape(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plainShape);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined && k !== '$metadata') out[k] = plainShape(v);
    return out;
  }
  return value;
}

/** `[{Key, Value}]` (any casing) → `{key: value}`, the `tags` map of an AWS Config item. */
export function tagMap(
  tags: readonly { Key?: string; Value?: string; key?: string; value?: string }[] | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags ?? []) {
    const key = t.Key ?? t.key;
    if (key !== undefined) out[key] = t.Value ?? t.value ?? '';
  }
  return out;
}

/**
 * An IAM policy document as AWS Config records it: URL-encoded JSON (RFC 3986, as the IAM API
 * returns it). Documents that arrive decoded (some emulators) are encoded the same way.
 */
export function iamPolicyDocument(document: string | undefined | null): string | null {
  if (document === undefined || document === null) return null;
  if (!document.trimStart().startsWith('{')) return document;
  return encodeURIComponent(document).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The partition of a region (`aws`, `aws-cn`, `aws-us-gov`), for ARNs the APIs do not return. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
