import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { NodeHttpHandler } from '@smithy/node-http-handler';

type AwsCredentialIdentityProvider = ReturnType<typeof fromNodeProviderChain>;

/** How the collectors reach AWS (or an emulator). */
export interface AwsAccessOptions {
  /** A named profile of the shared config and credentials files; otherwise the standard credential chain. */
  profile?: string;
  /** A role to assume (cross-account scans); the base credentials come from the profile or the chain. */
  roleArn?: string;
  /** Session name for `roleArn` (CloudTrail shows it). */
  roleSessionName?: string;
  /** One endpoint for every service (an emulator such as moto, or a VPC endpoint proxy). */
  endpointUrl?: string;
  /** Per-service endpoints by SDK service id in lower case (`guardduty`, `s3`), overriding `endpointUrl`. */
  serviceEndpoints?: Readonly<Record<string, string>>;
  /** Attempts per API call, with the SDK's adaptive retry (client-side rate limiting on throttling). */
  maxAttempts?: number;
  /** Called once per HTTP attempt, for the benchmark's API call count and for tests. */
  onApiCall?: (service: string, operation: string) => void;
  /** Credentials to use as is (tests, embedding); skips the profile and the chain. */
  credentials?: AwsCredentialIdentityProvider;
}

/** What an SDK v3 client constructor looks like, enough to build and cache any of them. */
// biome-ignore lint/suspicious/noExplicitAny: SDK client constructors take service-specific config types.
export type ClientClass<C> = new (config: any) => C;

interface Sendable {
  // biome-ignore lint/suspicious/noExplicitAny: the middleware stack is typed per client.
  middlewareStack: { add: (middleware: any, options: any) => void };
  destroy(): void;
}

/**
 * Builds AWS SDK v3 clients once per service and region, all sharing one credential provider
 * (so a role is assumed once and refreshed by the SDK, not once per client).
 */
export class ClientFactory {
  readonly #clients = new Map<string, Sendable>();
  readonly #credentials: AwsCredentialIdentityProvider;

  constructor(readonly options: AwsAccessOptions = {}) {
    this.#credentials = options.credentials ?? buildCredentials(options);
  }

  /** The identity every client signs with: the assumed role with `--role-arn`, else the profile or the chain. */
  get credentials(): AwsCredentialIdentityProvider {
    return this.#credentials;
  }

  /** The endpoint a service uses, if overridden. */
  endpointFor(service: string): string | undefined {
    return this.options.serviceEndpoints?.[service.toLowerCase()] ?? this.options.endpointUrl;
  }

  get<C>(Client: ClientClass<C>, service: string, region: string): C {
    const key = `${service}\u0000${region}`;
    const cached = this.#clients.get(key);
    if (cached !== undefined) return cached as unknown as C;
    const endpoint = this.endpointFor(service);
    const config: Record<string, unknown> = {
      region,
      credentials: this.#credentials,
      maxAttempts: this.options.maxAttempts ?? 6,
      retryMode: 'adaptive',
    };
    // Kinesis defaults to HTTP/2, which only SubscribeToShard needs (Rampart never calls it) and emulators
    // such as moto do not speak: HTTP/1.1 like every other client.
    if (service === 'kinesis') config['requestHandler'] = new NodeHttpHandler();
    if (endpoint !== undefined) {
      config['endpoint'] = endpoint;
      // Emulators serve every bucket on one host name.
      if (service === 's3') config['forcePathStyle'] = true;
      // S3 Control's endpoint rules put the account id into the host name, which an emulator cannot serve.
      if (service === 's3control') config['endpointProvider'] = () => ({ url: new URL(endpoint) });
    }
    const client = new Client(config) as unknown as Sendable;
    const onApiCall = this.options.onApiCall;
    if (onApiCall !== undefined) {
      client.middlewareStack.add(
        (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
          onApiCall(service, (context.commandName ?? 'Unknown').replace(/Command$/, ''));
          return next(args);
        },
        // After the retry middleware, so every attempt counts.
        { step: 'finalizeRequest', priority: 'low', name: 'rampartApiCallCounter' },
      );
    }
    this.#clients.set(key, client);
    return client as unknown as C;
  }

  /** Closes every client's sockets so the process can exit promptly. */
  destroy(): void {
    for (const client of this.#clients.values()) client.destroy();
    this.#clients.clear();
  }
}

function buildCredentials(options: AwsAccessOptions): AwsCredentialIdentityProvider {
  const base = fromNodeProviderChain(options.profile !== undefined ? { profile: options.profile } : {});
  if (options.roleArn === undefined) return base;
  const stsEndpoint = options.serviceEndpoints?.['sts'] ?? options.endpointUrl;
  return fromTemporaryCredentials({
    masterCredentials: base,
    params: { RoleArn: options.roleArn, RoleSessionName: options.roleSessionName ?? 'rampart-scan' },
    clientConfig: stsEndpoint !== undefined ? { endpoint: stsEndpoint } : {},
  });
}
