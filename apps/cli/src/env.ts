import { UsageError } from './io.js';
/**
 * The environment variables the CLI reads, in one place. The AWS SDK reads its own (credentials,
 * AWS_REGION, AWS_PROFILE); these are the ones Rampart interprets itself.
 */
export interface ScanEnvironment {
  /** AWS_ENDPOINT_URL: one endpoint for every service (an emulator). */
  endpointUrl: string | undefined;
  /** AWS_ENDPOINT_URL_<SERVICE>: per-service endpoints, keyed by the SDK service id in lower case. */
  serviceEndpoints: Record<string, string>;
  /**
   * `--aggregator` scans: RAMPART_SCAN_MAX_ITEMS, the most items kept in memory per partition for the
   * controls that read other resources (default 20,000; past it they wait on disk), and
   * RAMPART_SCAN_MAX_EVALUATIONS, the most evaluations of a partition held in memory (default 50,000;
   * past it they are sorted into runs on disk). Both in the system temporary directory (TMPDIR).
   */
  maxItemsInMemory: number | undefined;
  maxEvaluationsInMemory: number | undefined;
}

/** A memory bound from the environment: a whole number at least `min`, or undefined when unset. */
function bound(env: NodeJS.ProcessEnv, name: string, min: number): number | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`${name} must be a whole number of at least ${min}, got "${text}"`);
  }
  return value;
}

export function scanEnvironment(env: NodeJS.ProcessEnv = process.env): ScanEnvironment {
  const serviceEndpoints: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const match = /^AWS_ENDPOINT_URL_([A-Z0-9_]+)$/.exec(key);
    if (match !== null && value) serviceEndpoints[match[1]!.toLowerCase().replace(/_/g, '-')] = value;
  }
  // The SDK spells some service ids differently from their endpoint prefixes.
  if (serviceEndpoints['network-firewall'] === undefined && serviceEndpoints['networkfirewall']) {
    serviceEndpoints['network-firewall'] = serviceEndpoints['networkfirewall'];
  }
  if (serviceEndpoints['config'] === undefined && serviceEndpoints['config-service']) {
    serviceEndpoints['config'] = serviceEndpoints['config-service'];
  }
  if (serviceEndpoints['logs'] === undefined && serviceEndpoints['cloudwatch-logs']) {
    serviceEndpoints['logs'] = serviceEndpoints['cloudwatch-logs'];
  }
  if (serviceEndpoints['secretsmanager'] === undefined && serviceEndpoints['secrets-manager']) {
    serviceEndpoints['secretsmanager'] = serviceEndpoints['secrets-manager'];
  }
  if (serviceEndpoints['s3control'] === undefined && serviceEndpoints['s3-control']) {
    serviceEndpoints['s3control'] = serviceEndpoints['s3-control'];
  }
  if (serviceEndpoints['states'] === undefined && serviceEndpoints['sfn'])
    serviceEndpoints['states'] = serviceEndpoints['sfn'];
  return {
    endpointUrl: env['AWS_ENDPOINT_URL'] || undefined,
    serviceEndpoints,
    maxItemsInMemory: bound(env, 'RAMPART_SCAN_MAX_ITEMS', 0),
    maxEvaluationsInMemory: bound(env, 'RAMPART_SCAN_MAX_EVALUATIONS', 3),
  };
}
