import { ConfigurationDecodeError, decodeDocument } from '../ci/config-item.js';

/**
 * IAM policy analysis shared by every control that reads a policy: identity policies (URL-encoded
 * in AWS Config), S3 bucket policies, KMS key policies, trust policies. Handles `Action` and
 * `Resource` as string or list, `NotAction`/`NotResource`, wildcards and principals in every form.
 */

export interface Statement {
  sid: string | undefined;
  effect: 'Allow' | 'Deny';
  /** `Action` values, or undefined when the statement uses `NotAction`. */
  actions: string[] | undefined;
  notActions: string[] | undefined;
  resources: string[] | undefined;
  notResources: string[] | undefined;
  /** Principals by kind (`AWS`, `Service`, `Federated`, `CanonicalUser`, `*`); undefined for identity policies. */
  principals: Record<string, string[]> | undefined;
  notPrincipals: Record<string, string[]> | undefined;
  condition: Record<string, Record<string, string[]>>;
}

export interface PolicyDocument {
  version: string | undefined;
  statements: Statement[];
}

/** A policy document that is not JSON, not an object, or not shaped as IAM's policy grammar requires. */
export class PolicyParseError extends Error {
  override readonly name = 'PolicyParseError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/*
 * The parsing below builds the name of a field (`bucket policy of x Statement[2].Condition.Bool.aws:x`)
 * only for an error: a large input holds thousands of policies, and the labels would cost more than
 * the parse. Plain loops rather than map/fromEntries, for the same reason.
 */

/** Where a field of a statement is: `<what> Statement[<i>]<path>`. */
interface At {
  what: string;
  index: number;
}

function label(at: At, path: string): string {
  return `${at.what} Statement[${at.index}]${path}`;
}

/** Sets a key as an own data property (`__proto__` too, which plain assignment would not). */
function put<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

function list(value: unknown, at: At, path: string, sub?: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) {
    let strings = true;
    for (let i = 0; i < value.length; i++) {
      if (typeof value[i] !== 'string') {
        strings = false;
        break;
      }
    }
    if (strings) return value as string[];
  }
  const field = sub === undefined ? label(at, path) : label(at, `${path}.${sub}`);
  throw new PolicyParseError(`${field} must be a string or a list of strings`);
}

function principals(value: unknown, at: At, path: string): Record<string, string[]> | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === '*') return { '*': ['*'] };
  if (!isRecord(value)) throw new PolicyParseError(`${label(at, path)} must be "*" or an object`);
  const out: Record<string, string[]> = {};
  const kinds = Object.keys(value);
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i]!;
    put(out, kind, list(value[kind], at, path, kind) ?? []);
  }
  return out;
}

function conditionValue(value: unknown, at: At, operator: string, key: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new PolicyParseError(
    `${label(at, `.Condition.${operator}.${key}`)} values must be strings, numbers or booleans`,
  );
}

function condition(value: unknown, at: At): Statement['condition'] {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) throw new PolicyParseError(`${label(at, '.Condition')} must be an object`);
  const out: Statement['condition'] = {};
  const operators = Object.keys(value);
  for (let i = 0; i < operators.length; i++) {
    const operator = operators[i]!;
    const block = value[operator];
    if (!isRecord(block)) throw new PolicyParseError(`${label(at, `.Condition.${operator}`)} must be an object`);
    const keys: Record<string, string[]> = {};
    const names = Object.keys(block);
    for (let j = 0; j < names.length; j++) {
      const key = names[j]!;
      const raw = block[key];
      const values: string[] = [];
      if (Array.isArray(raw)) {
        for (let k = 0; k < raw.length; k++) values.push(conditionValue(raw[k], at, operator, key));
      } else {
        values.push(conditionValue(raw, at, operator, key));
      }
      put(keys, key, values);
    }
    put(out, operator, keys);
  }
  return out;
}

/**
 * Parses a policy given as an object, a JSON string or a URL-encoded JSON string. Empty input is a
 * policy without statements. Anything else that is not a policy throws {@link PolicyParseError}, and only that.
 */
export function parsePolicy(input: unknown, what = 'policy document'): PolicyDocument {
  let doc: unknown;
  try {
    doc = decodeDocument(input, what);
  } catch (error) {
    if (error instanceof ConfigurationDecodeError) throw new PolicyParseError(error.message, { cause: error });
    throw error;
  }
  if (doc === undefined) return { version: undefined, statements: [] };
  if (!isRecord(doc)) throw new PolicyParseError(`${what} is not a JSON object`);
  const raw = doc['Statement'];
  const rawStatements: unknown[] = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const statements: Statement[] = [];
  for (let index = 0; index < rawStatements.length; index++) {
    const s = rawStatements[index];
    const at: At = { what, index };
    if (!isRecord(s)) throw new PolicyParseError(`${label(at, '')} is not an object`);
    const effect = s['Effect'];
    if (effect !== 'Allow' && effect !== 'Deny')
      throw new PolicyParseError(`${label(at, '.Effect')} must be Allow or Deny`);
    statements.push({
      sid: typeof s['Sid'] === 'string' ? s['Sid'] : undefined,
      effect,
      actions: list(s['Action'], at, '.Action'),
      notActions: list(s['NotAction'], at, '.NotAction'),
      resources: list(s['Resource'], at, '.Resource'),
      notResources: list(s['NotResource'], at, '.NotResource'),
      principals: principals(s['Principal'], at, '.Principal'),
      notPrincipals: principals(s['NotPrincipal'], at, '.NotPrincipal'),
      condition: condition(s['Condition'], at),
    });
  }
  return { version: typeof doc['Version'] === 'string' ? doc['Version'] : undefined, statements };
}

/** How annotations name a statement: by its Sid, or by its 1-based position. */
export function describeStatement(statement: Statement, index: number): string {
  return statement.sid ? `statement ${statement.sid}` : `statement ${index + 1}`;
}

const PATTERN_CACHE_LIMIT = 2048;
const patternCache = new Map<string, RegExp>();

/** IAM wildcard match (`*`, `?`), case-insensitive as IAM matches actions. */
export function wildcardMatch(pattern: string, value: string): boolean {
  if (pattern === '*') return true;
  const star = pattern.indexOf('*');
  const question = pattern.indexOf('?');
  // Builtins (startsWith, toLowerCase) rather than a loop over characters: most controls run a few
  // hundred times in a large input, so this code is mostly run before the JIT has optimized it.
  if (star === -1 && question === -1) {
    return pattern === value || (pattern.length === value.length && pattern.toLowerCase() === value.toLowerCase());
  }
  // The common shapes `service:*`, `arn:...:bucket/*`: a prefix, no regular expression to build.
  if (question === -1 && star === pattern.length - 1) {
    if (value.length < star) return false;
    const prefix = pattern.slice(0, star);
    return value.startsWith(prefix) || value.slice(0, star).toLowerCase() === prefix.toLowerCase();
  }
  let re = patternCache.get(pattern);
  if (re === undefined) {
    re = new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
      'is',
    );
    // Bounded: a scan over an organization sees many distinct patterns, and the cache must not grow with it.
    if (patternCache.size >= PATTERN_CACHE_LIMIT) patternCache.clear();
    patternCache.set(pattern, re);
  }
  return re.test(value);
}

/** Whether the statement's action clause covers `action` (with `NotAction`: everything not listed). */
export function statementCoversAction(statement: Statement, action: string): boolean {
  if (statement.actions !== undefined) return statement.actions.some((a) => wildcardMatch(a, action));
  if (statement.notActions !== undefined) return !statement.notActions.some((a) => wildcardMatch(a, action));
  return false;
}

/** Whether the statement's resource clause covers every resource (`*`), counting `NotResource` as broad. */
export function statementCoversAllResources(statement: Statement): boolean {
  if (statement.resources !== undefined) return statement.resources.includes('*');
  return statement.notResources !== undefined;
}

/**
 * An Allow of `Action: "*"` on `Resource: "*"` (or a `NotResource`): full administrator, as the
 * AWS Config rule iam-policy-no-statements-with-admin-access defines it. `NotAction` statements are
 * broad too, but that rule does not count them, so neither does this.
 */
export function isAdminStatement(statement: Statement): boolean {
  if (statement.effect !== 'Allow' || !statementCoversAllResources(statement)) return false;
  if (statement.actions !== undefined) return statement.actions.includes('*');
  return false;
}

/** `service:*` actions an Allow statement grants (wildcards over a whole service, such as `ec2:*`). */
export function fullServiceActions(statement: Statement): string[] {
  if (statement.effect !== 'Allow' || statement.actions === undefined) return [];
  return statement.actions.filter((a) => /^[a-z0-9-]+:\*$/i.test(a));
}

/** Whether the principal clause names everyone: `"*"`, `{"AWS": "*"}`, or `NotPrincipal` (allows all but some). */
export function isPublicPrincipal(statement: Statement): boolean {
  if (statement.notPrincipals !== undefined && statement.effect === 'Allow') return true;
  const p = statement.principals;
  if (p === undefined) return false;
  return p['*']?.includes('*') === true || p['AWS']?.includes('*') === true;
}

/** Condition keys that pin a public principal to known callers, so the grant is not public. */
const RESTRICTING_KEYS = [
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceip',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:userid',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'kms:calleraccount',
  'kms:viaservice',
];

/** Values that match every caller, so a condition on them restricts nothing. */
function matchesEveryone(value: string): boolean {
  return /^[*?]*$/.test(value) || /^\*|:\*$/.test(value) || value === '0.0.0.0/0' || value === '::/0';
}

/**
 * Whether a condition restricts the caller to specific accounts, networks or organizations (no wildcards).
 * Negated operators (`StringNotEquals`, `NotIpAddress`, ...), `...IfExists`, `Null` and `ForAllValues:`
 * (true when the key is absent) do not restrict anyone, and neither do `*` or `0.0.0.0/0`.
 * `fixedValuesOnly`: a key counts only when none of its values has a policy variable or a wildcard.
 */
export function hasRestrictingCondition(statement: Statement, fixedValuesOnly = false): boolean {
  const condition = statement.condition;
  for (const operator in condition) {
    const op = operator.toLowerCase();
    if (op.includes('ifexists') || op.includes('not') || op === 'null' || op.startsWith('forallvalues:')) continue;
    const keys = condition[operator]!;
    for (const key in keys) {
      if (!RESTRICTING_KEYS.includes(key.toLowerCase())) continue;
      const values = keys[key]!;
      if (fixedValuesOnly && !values.every(isFixedValue)) continue;
      if (values.length > 0 && values.every((v) => !matchesEveryone(v))) return true;
    }
  }
  return false;
}

/** A condition value without policy variables (`${aws:username}`) or wildcards: one fixed value. */
function isFixedValue(value: string): boolean {
  return !value.includes('${') && !value.includes('*') && !value.includes('?');
}
