/**
 * The function's environment: the only place the app reads `process.env`. Checked by hand rather
 * than with a zod schema: it runs on every cold start, where building and compiling a schema costs
 * more than the whole check (see scripts/bench/config-rules.mjs).
 */
export interface Env {
  AWS_REGION: string;
  AWS_ACCESS_KEY_ID?: string | undefined;
  AWS_SECRET_ACCESS_KEY?: string | undefined;
  AWS_SESSION_TOKEN?: string | undefined;
  AWS_USE_FIPS_ENDPOINT?: 'true' | 'false' | undefined;
  AWS_USE_DUALSTACK_ENDPOINT?: 'true' | 'false' | undefined;
  /** The SDK's own endpoint override (an emulator, a VPC endpoint proxy); also passed to the collectors. */
  AWS_ENDPOINT_URL?: string | undefined;
  /** The SDK's endpoint override for AWS Config alone (it reads it itself; PutEvaluations' own request needs it too). */
  AWS_ENDPOINT_URL_CONFIG_SERVICE?: string | undefined;
  /** The SDK's app id for the User-Agent. */
  AWS_SDK_UA_APP_ID?: string | undefined;
  AWS_DISABLE_CLOCK_SKEW_CORRECTION?: 'true' | 'false' | undefined;
  /** Time kept back before the Lambda deadline to send what is done and log what is left. */
  RAMPART_DEADLINE_RESERVE_MS: number;
  RAMPART_ROLE_SESSION_NAME: string;
}

export class EnvironmentError extends Error {
  override readonly name = 'EnvironmentError';
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const DEFAULT_RESERVE_MS = 5_000;
const DEFAULT_SESSION_NAME = 'rampart-config-rules';

/** The validated environment; parsed per invocation (cheap) so tests can change it. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  // Values are never echoed in the messages: the environment holds credentials.
  const issues: string[] = [];
  const text = (name: string, check?: (value: string) => string | undefined): string | undefined => {
    const value = source[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      issues.push(`${name}: must be a string`);
      return undefined;
    }
    const problem = value === '' ? 'must not be empty' : check?.(value);
    if (problem !== undefined) {
      issues.push(`${name}: ${problem}`);
      return undefined;
    }
    return value;
  };
  const flag = (name: string): 'true' | 'false' | undefined =>
    text(name, (v) => (v === 'true' || v === 'false' ? undefined : 'must be "true" or "false"')) as
      | 'true'
      | 'false'
      | undefined;

  const region = text('AWS_REGION', (v) => (REGION.test(v) ? undefined : 'must be an AWS region name'));
  if (source['AWS_REGION'] === undefined) issues.push('AWS_REGION: must be set');
  const env: Env = {
    AWS_REGION: region ?? '',
    AWS_ACCESS_KEY_ID: text('AWS_ACCESS_KEY_ID'),
    AWS_SECRET_ACCESS_KEY: text('AWS_SECRET_ACCESS_KEY'),
    AWS_SESSION_TOKEN: text('AWS_SESSION_TOKEN'),
    AWS_USE_FIPS_ENDPOINT: flag('AWS_USE_FIPS_ENDPOINT'),
    AWS_USE_DUALSTACK_ENDPOINT: flag('AWS_USE_DUALSTACK_ENDPOINT'),
    AWS_ENDPOINT_URL: endpointUrl('AWS_ENDPOINT_URL', source['AWS_ENDPOINT_URL'], issues),
    AWS_ENDPOINT_URL_CONFIG_SERVICE: endpointUrl(
      'AWS_ENDPOINT_URL_CONFIG_SERVICE',
      source['AWS_ENDPOINT_URL_CONFIG_SERVICE'],
      issues,
    ),
    AWS_SDK_UA_APP_ID: text('AWS_SDK_UA_APP_ID'),
    AWS_DISABLE_CLOCK_SKEW_CORRECTION: flag('AWS_DISABLE_CLOCK_SKEW_CORRECTION'),
    RAMPART_DEADLINE_RESERVE_MS: reserveMs(source['RAMPART_DEADLINE_RESERVE_MS'], issues),
    RAMPART_ROLE_SESSION_NAME:
      text('RAMPART_ROLE_SESSION_NAME', (v) =>
        SESSION_NAME.test(v) ? undefined : 'must be 2-64 characters of letters, digits and +=,.@_-',
      ) ?? DEFAULT_SESSION_NAME,
  };
  if (issues.length > 0) throw new EnvironmentError(`Invalid environment: ${issues.join('; ')}`);
  return env;
}

/** An absolute URL, surrounding whitespace trimmed (tabs and line breaks inside dropped, as the URL parser does). */
function endpointUrl(name: string, value: string | undefined, issues: string[]): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!URL.canParse(trimmed)) {
    issues.push(`${name}: must be an absolute URL`);
    return undefined;
  }
  return trimmed.replace(/[\t\n\r]/g, '');
}

/** Milliseconds as a non-negative integer; unset means the default. */
function reserveMs(value: string | undefined, issues: string[]): number {
  if (value === undefined) return DEFAULT_RESERVE_MS;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0) {
    issues.push('RAMPART_DEADLINE_RESERVE_MS: must be a whole number of milliseconds, 0 or more');
    return DEFAULT_RESERVE_MS;
  }
  return ms;
}

/** The Lambda role's credentials as the runtime provides them, if present. Never logged. */
export function environmentCredentials(
  source: Record<string, string | undefined> = process.env,
): { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined {
  const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN } = source;
  if (!AWS_ACCESS_KEY_ID || !AWS_SECRET_ACCESS_KEY) return undefined;
  return AWS_SESSION_TOKEN
    ? { accessKeyId: AWS_ACCESS_KEY_ID, secretAccessKey: AWS_SECRET_ACCESS_KEY, sessionToken: AWS_SESSION_TOKEN }
    : { accessKeyId: AWS_ACCESS_KEY_ID, secretAccessKey: AWS_SECRET_ACCESS_KEY };
}
