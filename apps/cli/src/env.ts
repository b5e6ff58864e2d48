/**
 * The environment variables the CLI reads, in one place. The AWS SDK reads its own (credentials,
 * AWS_REGION, AWS_PROFILE); these are the ones Rampart interprets itself.
 */
export interface ScanEnvironment {
  /** AWS_ENDPOINT_URL: one endpoint for every service (an emulator). */
  endpointUrl: string | undefined;
  /** AWS_ENDPOINT_URL_<SERVICE>: per-service endpoints, keyed by the SDK service id in lower case. */
  serviceEndpoints: Record<string, string>;
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
  return { endpointUrl: env['AWS_ENDPOINT_URL'] || undefined, serviceEndpoints };
}
