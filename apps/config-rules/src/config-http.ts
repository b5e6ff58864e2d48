// PutEvaluations without the AWS SDK client: one signed JSON request over a kept-alive connection.
//
// The change path of every rule makes this one call. Loading and initialising the SDK's Config
// client (its protocol stack, endpoint rules, retry strategy and credential chain) is most of a cold
// start, for a call whose request is a JSON document and a SigV4 signature. The SDK client is still
// used, and loaded on demand, for everything else: the oversized-item look-up, the periodic path, and
// PutEvaluations itself when the settings need its endpoint rules (FIPS, dual-stack, other
// partitions) or its middleware (tests adapting an emulator).
import type { Agent, IncomingMessage, RequestOptions } from 'node:http';
import type { PutEvaluationsCommandInput, PutEvaluationsCommandOutput } from '@aws-sdk/client-config-service';
import type { ClientOptions } from './clients.js';
import { signRequest } from './sigv4.js';

/** The request and answer as the SDK types them (types only: no SDK code loads). */
export type PutEvaluationsInput = Required<
  Pick<PutEvaluationsCommandInput, 'Evaluations' | 'ResultToken' | 'TestMode'>
>;
export type PutEvaluationsOutput = Pick<PutEvaluationsCommandOutput, 'FailedEvaluations'>;

/** What the handler needs of AWS Config to report: the lean client below, or the SDK client (config-client.ts). */
export interface EvaluationsApi {
  putEvaluations(input: PutEvaluationsInput): Promise<PutEvaluationsOutput>;
}

/** An error answer of AWS Config, named by its error code (as the SDK names its exceptions). */
export class ConfigServiceError extends Error {
  readonly $metadata: { httpStatusCode: number; requestId: string | undefined };
  constructor(code: string, message: string, status: number, requestId: string | undefined) {
    super(message);
    this.name = code;
    this.$metadata = { httpStatusCode: status, requestId };
  }
}

const PARTITION_SUFFIX: readonly [RegExp, string][] = [
  [/^(us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\d+$/, 'amazonaws.com'],
  [/^us-gov-[a-z]+-\d+$/, 'amazonaws.com'],
  [/^cn-[a-z]+-\d+$/, 'amazonaws.com.cn'],
];

/**
 * AWS Config's endpoint for these settings when it is the standard one (`config.<region>.<suffix>`
 * in the aws, aws-us-gov and aws-cn partitions) or set explicitly (`AWS_ENDPOINT_URL`, else
 * `AWS_ENDPOINT_URL_CONFIG_SERVICE`); undefined
 * when only the SDK's endpoint rules know it (FIPS, dual-stack, other partitions).
 */
export function configEndpoint(options: ClientOptions): URL | undefined {
  // The SDK's order: the endpoint set in code (here AWS_ENDPOINT_URL), then the service's variable.
  const explicit = options.endpointUrl ?? options.configEndpointUrl;
  if (explicit !== undefined) return new URL(explicit);
  if (options.useFipsEndpoint === true || options.useDualstackEndpoint === true) return undefined;
  const suffix = PARTITION_SUFFIX.find(([pattern]) => pattern.test(options.region))?.[1];
  return suffix === undefined ? undefined : new URL(`https://config.${options.region}.${suffix}`);
}

/** Serialised as the awsJson1_1 protocol does: timestamps as epoch seconds. */
export function putEvaluationsBody(input: PutEvaluationsInput): string {
  // The replacer sees a Date after its toJSON (an ISO string).
  return JSON.stringify(input, (key, value: unknown) =>
    key === 'OrderingTimestamp' && typeof value === 'string' ? Date.parse(value) / 1000 : value,
  );
}

type Request = (
  url: URL,
  options: RequestOptions,
  callback: (res: IncomingMessage) => void,
) => import('node:http').ClientRequest;

/** `node:http` or `node:https` with a kept-alive agent, loaded on first use (TLS only for https endpoints). */
const transports = new Map<string, Promise<{ request: Request; agent: Agent }>>();
function transport(protocol: string): Promise<{ request: Request; agent: Agent }> {
  let t = transports.get(protocol);
  if (t === undefined) {
    // The bundle loads built-ins through require (scripts/bundle.mjs): the module is then the default export.
    const load: Promise<unknown> = protocol === 'http:' ? import('node:http') : import('node:https');
    t = load.then((m) => {
      const mod = ((m as { default?: unknown }).default ?? m) as typeof import('node:http');
      return { request: mod.request as Request, agent: new mod.Agent({ keepAlive: true }) };
    });
    transports.set(protocol, t);
  }
  return t;
}
const NETWORK_ATTEMPTS = 3;
const TIMEOUT_MS = 10_000;
const SKEW_CODES = new Set([
  'RequestTimeTooSkewed',
  'RequestExpired',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
]);

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  text: string;
}

async function send(url: URL, headers: Record<string, string>, payload: string): Promise<Answer> {
  const { request, agent } = await transport(url.protocol);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers, agent, timeout: TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url.host} in ${TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** The error code of an error answer: `x-amzn-errortype`, else the body's `__type` (without its namespace). */
function errorOf(answer: Answer): ConfigServiceError {
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(answer.text) as Record<string, unknown>;
  } catch {
    // Not JSON (a proxy's page): the status names it.
  }
  const header = answer.headers['x-amzn-errortype'];
  const raw = (typeof header === 'string' ? header : undefined) ?? (parsed['__type'] as string | undefined) ?? '';
  const code =
    raw.split(':')[0]!.split('#').pop() ||
    (answer.status >= 500 ? 'InternalFailure' : answer.status === 429 ? 'ThrottlingException' : 'UnknownError');
  const message =
    (parsed['message'] as string | undefined) ??
    (parsed['Message'] as string | undefined) ??
    `AWS Config answered ${answer.status}`;
  const requestId = answer.headers['x-amzn-requestid'];
  return new ConfigServiceError(code, message, answer.status, typeof requestId === 'string' ? requestId : undefined);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * PutEvaluations as a signed HTTPS request, or undefined when the settings need the SDK client.
 * Connection failures are retried (three attempts, backoff with jitter); error answers are thrown
 * with their AWS error code as the name, so the caller's throttling retry treats them as it treats
 * the SDK's exceptions. A clock skew AWS reports is corrected once, unless turned off.
 */
export function httpEvaluationsApi(options: ClientOptions): EvaluationsApi | undefined {
  const credentials = options.credentials;
  const url = configEndpoint(options);
  if (url === undefined || credentials === undefined || (options.middleware?.length ?? 0) > 0) return undefined;
  let offsetMs = 0;
  const userAgent = `rampart-config-rules${options.userAgentAppId ? ` app/${options.userAgentAppId}` : ''}`;
  return {
    async putEvaluations(input) {
      const payload = putEvaluationsBody(input);
      for (let attempt = 1, skewFixed = false; ; attempt++) {
        const headers = signRequest({
          method: 'POST',
          path: url.pathname === '' ? '/' : url.pathname,
          headers: {
            host: url.host,
            'content-type': 'application/x-amz-json-1.1',
            'x-amz-target': 'StarlingDoveService.PutEvaluations',
          },
          body: payload,
          region: options.region,
          service: 'config',
          credentials,
          date: new Date(Date.now() + offsetMs),
        });
        headers['content-length'] = String(Buffer.byteLength(payload));
        headers['user-agent'] = userAgent;
        let answer: Answer;
        try {
          answer = await send(url, headers, payload);
        } catch (error) {
          if (attempt >= NETWORK_ATTEMPTS) throw error;
          await sleep(Math.round(Math.random() * 100 * 2 ** (attempt - 1)));
          continue;
        }
        if (answer.status === 200) {
          return (answer.text === '' ? {} : JSON.parse(answer.text)) as PutEvaluationsOutput;
        }
        const error = errorOf(answer);
        const serverDate = Date.parse(String(answer.headers['date'] ?? ''));
        if (
          SKEW_CODES.has(error.name) &&
          !skewFixed &&
          options.disableClockSkewCorrection !== true &&
          Number.isFinite(serverDate) &&
          Math.abs(serverDate - Date.now() - offsetMs) > 60_000
        ) {
          offsetMs = serverDate - Date.now();
          skewFixed = true;
          continue;
        }
        throw error;
      }
    },
  };
}
