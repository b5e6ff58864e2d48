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

export class PolicyParseError extends Error {
  override readonly name = 'PolicyParseError';
}

function list(value: unknown, field: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new PolicyParseError(`${field} must be a string or a list of strings`);
}

function principals(value: unknown, field: string): Record<string, string[]> | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === '*') return { '*': ['*'] };
  if (typeof value !== 'object' || Array.isArray(value))
    throw new PolicyParseError(`${field} must be "*" or an object`);
  const out: Record<string, string[]> = {};
  for (const [kind, v] of Object.entries(value as Record<string, unknown>)) {
    out[kind] = list(v, `${field}.${kind}`) ?? [];
  }
  return out;
}

function condition(value: unknown): Statement['condition'] {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new PolicyParseError('Condition must be an object');
  const out: Statement['condition'] = {};
  for (const [operator, block] of Object.entries(value as Record<string, unknown>)) {
    if (block === null || typeof block !== 'object' || Array.isArray(block)) {
      throw new PolicyParseError(`Condition.${operator} must be an object`);
    }
    const keys: Record<string, string[]> = {};
    for (const [key, v] of Object.entries(block as Record<string, unknown>)) {
      const values = Array.isArray(v) ? v : [v];
      keys[key] = values.map((x) => String(x));
    }
    out[operator] = keys;
  }
  return out;
}

/** Parses a policy given as an object, a JSON string or a URL-encoded JSON string. */
export function parsePolicy(input: unknown, what = 'policy document'): PolicyDocument {
  let doc: unknown;
  try {
    doc = decodeDocument(input, what);
  } catch (error) {
    if (error instanceof ConfigurationDecodeError) throw new PolicyParseError(error.message, { cause: error });
    throw error;
  }
  if (doc === undefined) return { version: undefined, statements: [] };
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
    throw new PolicyParseError(`${what} is not a JSON object`);
  const record = doc as Record<string, unknown>;
  const raw = record['Statement'];
  const rawStatements = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const statements = rawStatements.map((s, i): Statement => {
    if (s === null || typeof s !== 'object' || Array.isArray(s))
      throw new PolicyParseError(`${what} Statement[${i}] is not an object`);
    const st = s as Record<string, unknown>;
    const effect = st['Effect'];
    if (effect !== 'Allow' && effect !== 'Deny')
      throw new PolicyParseError(`${what} Statement[${i}].Effect must be Allow or Deny`);
    return {
      sid: typeof st['Sid'] === 'string' ? st['Sid'] : undefined,
      effect,
      actions: list(st['Action'], `Statement[${i}].Action`),
      notActions: list(st['NotAction'], `Statement[${i}].NotAction`),
      resources: list(st['Resource'], `Statement[${i}].Resource`),
      notResources: list(st['NotResource'], `Statement[${i}].NotResource`),
      principals: principals(st['Principal'], `Statement[${i}].Principal`),
      notPrincipals: principals(st['NotPrincipal'], `Statement[${i}].NotPrincipal`),
      condition: condition(st['Condition']),
    };
  });
  return { version: typeof record['Version'] === 'string' ? record['Version'] : undefined, statements };
}

const patternCache = new Map<string, RegExp>();

/** IAM wildcard match (`*`, `?`), case-insensitive as IAM matches actions. */
export function wildcardMatch(pattern: string, value: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*') && !pattern.includes('?')) return pattern.toLowerCase() === value.toLowerCase();
  let re = patternCache.get(pattern);
  if (re === undefined) {
    re = new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
      'i',
    );
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

/** `Action: "*"` (or `NotAction` with nothing that excludes everything) on `Resource: "*"`: full administrator. */
export function isAdminStatement(statement: Statement): boolean {
  if (statement.effect !== 'Allow' || !statementCoversAllResources(statement)) return false;
  if (statement.actions !== undefined) return statement.actions.includes('*');
  return false;
}

/** `service:*` actions an Allow statement grants (wildcards over a whole service). */
export function fullServiceActions(statement: Statement): string[] {
  if (statement.effect !== 'Allow' || statement.actions === undefined) return [];
  return statement.actions.filter((a) => /^[a-z0-9-]+:\*$/i.test(a));
}

/** Whether the principal clause names everyone: `"*"`, `{"AWS": "*"}`, or `NotPrincipal` (allows all but some). */
export function isPublicPrincipal(statement: Statement): boolean {
  if (statement.notPrincipals !== undefined && statement.effect === 'Allow') return true;
  const p = statement.principals;
  if (p === undefined) return false;
  return (p['*'] ?? []).includes('*') || (p['AWS'] ?? []).includes('*');
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

/** Whether a condition restricts the caller to specific accounts, networks or organizations (no wildcards). */
export function hasRestrictingCondition(statement: Statement): boolean {
  for (const [operator, keys] of Object.entries(statement.condition)) {
    const op = operator.toLowerCase();
    if (op.includes('ifexists') || op.startsWith('not') || op === 'null') continue;
    for (const [key, values] of Object.entries(keys)) {
      if (!RESTRICTING_KEYS.includes(key.toLowerCase())) continue;
      if (values.length > 0 && values.every((v) => v !== '*' && v !== '' && !/^\*|:\*$/.test(v))) return true;
    }
  }
  return false;
}
