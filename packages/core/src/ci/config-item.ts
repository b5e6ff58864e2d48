import type { ItemShape } from './schemas.js';

export interface Relationship {
  resourceType: string;
  resourceId: string | undefined;
  resourceName: string | undefined;
  name: string | undefined;
}

/** A field of a configuration item held a JSON string that does not parse. */
export class ConfigurationDecodeError extends Error {
  override readonly name = 'ConfigurationDecodeError';
  constructor(
    message: string,
    readonly field: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

type Json = unknown;

export interface ConfigItemInit {
  shape: ItemShape;
  resourceType: string;
  resourceId: string;
  resourceName: string | undefined;
  arn: string | undefined;
  accountId: string;
  region: string;
  status: string | undefined;
  captureTime: string | undefined;
  tags: Readonly<Record<string, string>>;
  relationships: readonly Relationship[];
  /** Relationships as the input holds them (checked: objects with a string `resourceType`), converted on first read. */
  rawRelationships?: readonly Record<string, unknown>[] | undefined;
  configuration: Json;
  supplementary: Record<string, Json> | undefined;
}

const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * One configuration item in a single normalized form, whatever shape it arrived in.
 * `configuration` and `supplementaryConfiguration` values are decoded on first read only: most
 * controls read a few fields of a few resource types, so items nobody reads are never decoded.
 */
export class ConfigItem {
  readonly shape: ItemShape;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly resourceName: string | undefined;
  readonly arn: string | undefined;
  readonly accountId: string;
  readonly region: string;
  /** `configurationItemStatus`: OK, ResourceDiscovered, ResourceNotRecorded, ResourceDeleted, ResourceDeletedNotRecorded. */
  readonly status: string | undefined;
  /** ISO 8601, or undefined when the source did not say. */
  readonly captureTime: string | undefined;
  /** True for `ResourceDeleted` and `ResourceDeletedNotRecorded`. */
  readonly deleted: boolean;
  readonly tags: Readonly<Record<string, string>>;
  #relationships: readonly Relationship[];
  #rawRelationships: readonly Record<string, unknown>[] | undefined;
  #configuration: Json;
  #configurationDecoded: boolean;
  /** `configuration` as controls read it, once known (at once for an object; after decoding for a string). */
  #view: Readonly<Record<string, unknown>> | undefined;
  /** The input's `supplementaryConfiguration`, never modified (decoded values live in `#decoded`). */
  #supplementary: Readonly<Record<string, Json>> | undefined;
  #decoded: Map<string, Json> | undefined;
  #derived: Map<string, unknown> | undefined;

  constructor(init: ConfigItemInit) {
    this.shape = init.shape;
    this.resourceType = init.resourceType;
    this.resourceId = init.resourceId;
    this.resourceName = init.resourceName;
    this.arn = init.arn;
    this.accountId = init.accountId;
    this.region = init.region;
    this.status = init.status;
    this.captureTime = init.captureTime;
    this.deleted = init.status === 'ResourceDeleted' || init.status === 'ResourceDeletedNotRecorded';
    this.tags = init.tags;
    this.#relationships = init.relationships;
    this.#rawRelationships = init.rawRelationships;
    this.#configuration = init.configuration;
    this.#configurationDecoded = typeof init.configuration !== 'string';
    const c = init.configuration;
    this.#view = c !== null && typeof c === 'object' && !Array.isArray(c) ? (c as Record<string, unknown>) : undefined;
    this.#supplementary = init.supplementary;
  }

  /** Relationships to other resources (few controls read them: they are converted on first read). */
  get relationships(): readonly Relationship[] {
    const raw = this.#rawRelationships;
    if (raw !== undefined) {
      this.#relationships = raw.map(toRelationship);
      this.#rawRelationships = undefined;
    }
    return this.#relationships;
  }

  /** The `configuration` document, decoded from its JSON string if it arrived as one; `{}` when absent. */
  get configuration(): Readonly<Record<string, unknown>> {
    return this.#view ?? this.#resolveConfiguration();
  }

  /** The `configuration` document as the control's own (partial) view of the resource type. */
  config<T extends object>(): Partial<T> {
    return (this.#view ?? this.#resolveConfiguration()) as Partial<T>;
  }

  /** Decodes `configuration` if it arrived as a JSON string, once; what is not an object reads as `{}`. */
  #resolveConfiguration(): Readonly<Record<string, unknown>> {
    if (!this.#configurationDecoded) {
      this.#configuration = decodeJsonString(this.#configuration as string, this.describe('configuration'));
      this.#configurationDecoded = true;
    }
    const value = this.#configuration;
    this.#view =
      value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : EMPTY;
    return this.#view;
  }

  /**
   * One `supplementaryConfiguration` value, decoded when it is a JSON string (the Config API sends
   * every value that way; invoking events do so for some keys, such as S3 `AccessControlList`).
   * Values that are not strings are returned as they are; decoded strings are kept for the next read.
   */
  supplementary<T = unknown>(key: string): T | undefined {
    const all = this.#supplementary;
    if (all === undefined) return undefined;
    let value = all[key];
    if (typeof value !== 'string') return value as T | undefined;
    const decoded = this.#decoded;
    if (decoded?.has(key)) return decoded.get(key) as T;
    if (looksLikeJson(value)) {
      value = decodeJsonString(value, this.describe(`supplementaryConfiguration.${key}`));
    } else if (this.shape === 'api' && JSON_SCALAR.test(value.trim())) {
      // The Config API JSON-encodes every value, scalars too: S3 `IsRequesterPaysEnabled` is "false".
      value = JSON.parse(value);
    }
    this.#decoded ??= new Map();
    this.#decoded.set(key, value);
    return value as T;
  }

  /**
   * A value computed from this item once and reused by every control that asks (a parsed bucket
   * policy, say). `compute` must depend on the item alone. A throw is not cached.
   */
  derived<T>(key: string, compute: (item: ConfigItem) => T): T {
    this.#derived ??= new Map();
    if (this.#derived.has(key)) return this.#derived.get(key) as T;
    const value = compute(this);
    this.#derived.set(key, value);
    return value;
  }

  supplementaryKeys(): string[] {
    return this.#supplementary ? Object.keys(this.#supplementary) : [];
  }

  /** Human reference used in annotations and errors: `AWS::S3::Bucket my-bucket`. */
  toString(): string {
    return `${this.resourceType} ${this.resourceId}`;
  }

  private describe(field: string): string {
    return `${field} of ${this.resourceType} ${this.resourceId}`;
  }
}

/** One relationship in the normalized form, from any of the three shapes (`name` or `relationshipName`). */
function toRelationship(rel: Record<string, unknown>): Relationship {
  return {
    resourceType: rel['resourceType'] as string,
    resourceId: typeof rel['resourceId'] === 'string' ? rel['resourceId'] : undefined,
    resourceName: typeof rel['resourceName'] === 'string' ? rel['resourceName'] : undefined,
    name:
      typeof rel['name'] === 'string'
        ? rel['name']
        : typeof rel['relationshipName'] === 'string'
          ? rel['relationshipName']
          : undefined,
  };
}

const JSON_SCALAR = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)$/;

function looksLikeJson(value: string): boolean {
  const c = value.trimStart()[0];
  return c === '{' || c === '[' || c === '"';
}

function decodeJsonString(value: string, what: string): unknown {
  if (value.trim() === '') return {};
  try {
    return JSON.parse(value);
  } catch (error) {
    throw new ConfigurationDecodeError(`${what} is not valid JSON: ${(error as Error).message}`, what, {
      cause: error,
    });
  }
}

/**
 * Decodes a document that may be an object, a JSON string, or a URL-encoded JSON string (AWS Config
 * stores IAM policy documents URL-encoded; S3 bucket policies arrive as plain JSON strings).
 * Returns undefined for empty input and throws {@link ConfigurationDecodeError} for text that is none of these.
 */
export function decodeDocument(value: unknown, what = 'document'): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text === '') return undefined;
  if (text.startsWith('{') || text.startsWith('[')) {
    return decodeJsonString(text, what);
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(text.replace(/\+/g, '%20'));
  } catch (error) {
    throw new ConfigurationDecodeError(`${what} is neither JSON nor URL-encoded JSON`, what, { cause: error });
  }
  const trimmed = decoded.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
    throw new ConfigurationDecodeError(`${what} is neither JSON nor URL-encoded JSON`, what);
  }
  return decodeJsonString(trimmed, what);
}
