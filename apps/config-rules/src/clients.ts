/** Static credentials (from the environment or an assumed role). */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
  expiration?: Date | undefined;
}

/** A middleware added to every client the factory builds (tests use it to adapt an emulator's responses). */
export interface ClientMiddleware {
  // biome-ignore lint/suspicious/noExplicitAny: the SDK types middleware per client.
  middleware: (next: any, context: any) => (args: any) => Promise<any>;
  options: {
    step: 'initialize' | 'serialize' | 'build' | 'finalizeRequest' | 'deserialize';
    priority?: 'high' | 'normal' | 'low';
    name: string;
  };
}

export interface ClientOptions {
  region: string;
  endpointUrl?: string | undefined;
  /**
   * `AWS_ENDPOINT_URL_CONFIG_SERVICE`: AWS Config's own endpoint when `endpointUrl` is not set (the SDK
   * reads the variable itself; PutEvaluations' signed request takes it from here).
   */
  configEndpointUrl?: string | undefined;
  credentials?: Credentials | undefined;
  middleware?: readonly ClientMiddleware[] | undefined;
  maxAttempts?: number | undefined;
  useFipsEndpoint?: boolean | undefined;
  useDualstackEndpoint?: boolean | undefined;
  /** Appended to the User-Agent (`AWS_SDK_UA_APP_ID`). */
  userAgentAppId?: string | undefined;
  /** `AWS_DISABLE_CLOCK_SKEW_CORRECTION`: sign with the local clock even when AWS reports a skew. */
  disableClockSkewCorrection?: boolean | undefined;
}

interface Stackable {
  // biome-ignore lint/suspicious/noExplicitAny: the middleware stack is typed per client.
  middlewareStack: { add: (middleware: any, options: any) => void };
}

/** SDK client settings for these options; `credentials` left out means the SDK's default chain. */
export function clientConfig(options: ClientOptions): Record<string, unknown> {
  // Every setting the SDK would otherwise look up in ~/.aws/config is given, so a cold start reads no
  // files (the function's environment has the settings that apply; see env.ts). The app id is a
  // provider: a missing value would make the SDK look for one in the files.
  const appId = options.userAgentAppId;
  const config: Record<string, unknown> = {
    region: options.region,
    maxAttempts: options.maxAttempts ?? 3,
    retryMode: 'standard',
    defaultsMode: 'standard',
    useFipsEndpoint: options.useFipsEndpoint ?? false,
    useDualstackEndpoint: options.useDualstackEndpoint ?? false,
    authSchemePreference: [],
    userAgentAppId: async () => appId,
    disableClockSkewCorrection: options.disableClockSkewCorrection ?? false,
  };
  if (options.endpointUrl !== undefined) config['endpoint'] = options.endpointUrl;
  if (options.credentials !== undefined) config['credentials'] = options.credentials;
  return config;
}

export function withMiddleware<C extends Stackable>(client: C, options: ClientOptions): C {
  for (const m of options.middleware ?? []) client.middlewareStack.add(m.middleware, m.options);
  return client;
}
