import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { S3Client } from '@aws-sdk/client-s3';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { type Env, readEnv } from './env.js';
import { ReportRunError } from './errors.js';
import { logger } from './logger.js';
import { generateReport, type ReportDependencies, type RunSummary } from './run.js';

/** The parts of the Lambda context the handler uses (the Node.js runtime passes more). */
export interface LambdaContext {
  awsRequestId: string;
  functionName?: string;
}

/** SDK clients for this environment: standard retries, the endpoint override when one is set. */
export function defaultDependencies(env: Env): ReportDependencies {
  const common = {
    maxAttempts: 5,
    retryMode: 'standard',
    ...(env.AWS_ENDPOINT_URL !== undefined ? { endpoint: env.AWS_ENDPOINT_URL } : {}),
  };
  const hubs = new Map<string, SecurityHubClient>();
  return {
    config: new ConfigServiceClient({ region: env.AWS_REGION, ...common }),
    s3: new S3Client({ region: env.AWS_REGION, ...common, forcePathStyle: env.AWS_ENDPOINT_URL !== undefined }),
    securityHubFor: (region) => {
      let client = hubs.get(region);
      if (client === undefined) {
        client = new SecurityHubClient({ region, ...common, retryMode: 'adaptive' });
        hubs.set(region, client);
      }
      return client;
    },
    now: () => new Date(),
  };
}

/**
 * A handler over the given dependencies (tests pass mocked or emulator clients). Each run logs one
 * summary line; when results could not be read or findings not imported, the report is still written
 * and the invocation then fails, so the gap shows in the function's error metrics.
 */
export function createHandler(
  overrides: Partial<ReportDependencies> = {},
  environment: Record<string, string | undefined> = process.env,
) {
  return async (_event: unknown, context?: LambdaContext): Promise<RunSummary> => {
    const env = readEnv(environment);
    if (context?.awsRequestId !== undefined) logger.appendKeys({ awsRequestId: context.awsRequestId });
    const deps: ReportDependencies = {
      ...defaultDependencies(env),
      log: {
        info: (message, extra) => logger.info(message, { ...extra }),
        warn: (message, extra) => logger.warn(message, { ...extra }),
      },
      ...overrides,
    };
    const started = Date.now();
    const summary = await generateReport(env, deps);
    logger.info('Rampart report run', { summary: { ...summary, durationMs: Date.now() - started } });
    const findingsFailed = summary.securityHub !== 'disabled' && summary.securityHub.failed > 0;
    if (summary.readFailures.length > 0 || findingsFailed) {
      throw new ReportRunError(
        `Report written to s3://${summary.report.bucket}/${summary.report.key}, but ` +
          [
            summary.readFailures.length > 0
              ? `${summary.readFailures.length} rule result set(s) could not be read`
              : '',
            findingsFailed ? `${summary.findingFailures.length} finding(s) could not be imported` : '',
          ]
            .filter(Boolean)
            .join(' and ') +
          '.',
      );
    }
    return summary;
  };
}

/** The Lambda entry point (scheduled by EventBridge). */
export const handler = createHandler();
