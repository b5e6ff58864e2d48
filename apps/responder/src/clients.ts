import type { Env } from './env.js';

/** What an SDK v3 client constructor looks like. */
// biome-ignore lint/suspicious/noExplicitAny: SDK client constructors take service-specific config types.
export type ClientClass<C> = new (config: any) => C;

/** SDK client settings: standard retries (exponential backoff with jitter), region and endpoint from the environment. */
export function clientConfig(env: Env, service: string): Record<string, unknown> {
  // Every setting the SDK would otherwise look up in ~/.aws/config is given, so a cold start reads no files.
  const config: Record<string, unknown> = {
    region: env.AWS_REGION,
    maxAttempts: env.RAMPART_MAX_ATTEMPTS,
    retryMode: 'standard',
    defaultsMode: 'standard',
  };
  if (env.AWS_ENDPOINT_URL !== undefined) {
    config['endpoint'] = env.AWS_ENDPOINT_URL;
    // Emulators serve every bucket on one host name.
    if (service === 's3') config['forcePathStyle'] = true;
  }
  return config;
}

const cache = new Map<string, unknown>();

/**
 * A client of `Client` for this environment, reused across warm invocations. Each step imports only the
 * clients it calls, so its bundle loads only those.
 */
export function client<C>(env: Env, Client: ClientClass<C>, service: string): C {
  const key = `${service}|${env.AWS_REGION}|${env.AWS_ENDPOINT_URL ?? ''}|${env.RAMPART_MAX_ATTEMPTS}`;
  let found = cache.get(key) as C | undefined;
  if (found === undefined) {
    found = new Client(clientConfig(env, service));
    cache.set(key, found);
  }
  return found;
}

/** Forgets cached clients (tests that change the environment). */
export function resetClients(): void {
  cache.clear();
}
