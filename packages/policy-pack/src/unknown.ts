import { MissingDataError } from '@rampart/core';

/**
 * The values the Pulumi engine puts in place of outputs that are not known until apply (a new bucket's
 * id, a policy built from a new key's ARN). They are `@pulumi/policy`'s internal sentinels, copied
 * here so that the adapters never import the server; a test checks they still match.
 */
export const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
  '1c4a061d-8072-4f0a-a4cb-0ff528b18fe7', // boolean
  '3eeb2bf0-c639-47a8-9e75-3b44932eb421', // number
  '04da6b54-80e4-46f7-96ec-b56ff0331ba9', // string
  '6a19a0b0-7e62-4c92-b797-7f8e31da9cc2', // array
  '030794c1-ac77-496b-92df-f27374a8bd58', // asset
  'e48ece36-62e2-4504-bad9-02848725956a', // archive
  'dd056dcd-154b-4c76-9bd3-c8f88648b5ff', // object
]);

/** `@pulumi/policy` wraps props in a proxy that throws on unknowns; this key returns the raw object. */
const PROXY_TARGET = '__getSpecialProxyTarget';

/**
 * Thrown when a control reads a value that is not known at preview. It extends the engine's
 * {@link MissingDataError}, so the engine turns it into INSUFFICIENT_DATA with this message, never a
 * violation.
 */
export class UnknownInputError extends MissingDataError {
  constructor(readonly where: string) {
    super(`${where} is not known until the resource is created (pulumi preview), so the control cannot decide yet.`);
    // MissingDataError fixes its name as a literal type; the engine tells them apart with instanceof.
    Object.defineProperty(this, 'name', { value: 'UnknownInputError' });
  }
}

const unknownWhere = new WeakMap<object, string>();

/**
 * A value that is not known yet. Any property read of it throws {@link UnknownInputError}; so does
 * reading it out of an object made by {@link checked}. Adapters pass it through or test for it with
 * {@link isUnknown}; they never decide on it.
 */
export function unknownValue(where: string): object {
  const target = Object.freeze({});
  const poison = new Proxy(target, {
    get() {
      throw new UnknownInputError(where);
    },
  });
  unknownWhere.set(poison, where);
  return poison;
}

export function isUnknown(value: unknown): boolean {
  return value !== null && typeof value === 'object' && unknownWhere.has(value);
}

/** Where an unknown value came from ("aws:s3/bucketPolicy:BucketPolicy logs-policy .policy"). */
export function unknownSource(value: unknown): string | undefined {
  return value !== null && typeof value === 'object' ? unknownWhere.get(value) : undefined;
}

/**
 * Resource inputs as plain data: the policy SDK's checking proxy removed and every unknown sentinel
 * replaced by {@link unknownValue}, so that adapters can copy unknowns along instead of failing on them.
 */
export function plainProps(props: unknown, where: string): Record<string, unknown> {
  const raw = unwrap(props);
  const out = toPlain(raw, where, '');
  return out !== null && typeof out === 'object' && !Array.isArray(out) && !isUnknown(out)
    ? (out as Record<string, unknown>)
    : {};
}

function unwrap(value: unknown): unknown {
  if (value !== null && typeof value === 'object') {
    try {
      const target = (value as Record<string, unknown>)[PROXY_TARGET];
      if (target !== undefined && target !== null && typeof target === 'object') return target;
    } catch {
      // not the policy SDK's proxy
    }
  }
  return value;
}

function toPlain(value: unknown, where: string, path: string): unknown {
  if (typeof value === 'string') return UNKNOWN_SENTINELS.has(value) ? unknownValue(`${where} ${path || '.'}`) : value;
  if (Array.isArray(value)) return value.map((v, i) => toPlain(v, where, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v, where, `${path}.${k}`);
    return out;
  }
  return value;
}

const checkedCache = new WeakMap<object, object>();

/**
 * A read-only view of a document that throws {@link UnknownInputError} when a control reads a value
 * that is not known. Controls decide on what they read, so a verdict that did not touch an unknown
 * value is exact, and one that did becomes INSUFFICIENT_DATA.
 */
export function checked<T>(value: T): T {
  if (value === null || typeof value !== 'object' || isUnknown(value)) return value;
  const cached = checkedCache.get(value);
  if (cached !== undefined) return cached as T;
  const proxy = new Proxy(value as object, {
    get(target, prop, receiver) {
      const field = Reflect.get(target, prop, receiver);
      if (isUnknown(field)) throw new UnknownInputError(unknownSource(field) ?? String(prop));
      return checked(field);
    },
  });
  checkedCache.set(value, proxy);
  return proxy as T;
}

/** True when the value, or anything inside it, is unknown. */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsUnknown);
  return false;
}
