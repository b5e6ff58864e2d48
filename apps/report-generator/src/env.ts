import * as z from 'zod';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** The function's environment: the only place the app reads `process.env`. */
const EnvSchema = z.object({
  AWS_REGION: z.string().regex(REGION, 'must be an AWS region name'),
  /** The SDK's own endpoint override (an emulator, a VPC endpoint proxy). */
  AWS_ENDPOINT_URL: z.url().optional(),
  /** Bucket the HTML report is written to. */
  RAMPART_REPORT_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name'),
  /** KMS key (id, ARN or alias) the report is encrypted with (SSE-KMS). */
  RAMPART_REPORT_KMS_KEY_ID: z.string().min(1),
  /** Key prefix of the reports in the bucket. */
  RAMPART_REPORT_PREFIX: z
    .string()
    .regex(/^([\w!\-.*'()]+\/)*$/, 'must be empty or end with "/"')
    .default('rampart/reports/'),
  /** Read an organization's results through this AWS Config aggregator instead of this account's rules. */
  RAMPART_AGGREGATOR_NAME: z
    .string()
    .regex(/^[\w-]{1,256}$/)
    .optional(),
  /** Config rules Rampart deploys are named `rampart-<control-id>`. */
  RAMPART_RULE_PREFIX: z.string().min(1).default('rampart-'),
  /** Security Hub region for findings on global resources (default: this function's region). */
  RAMPART_HOME_REGION: z.string().regex(REGION, 'must be an AWS region name').optional(),
  /** Import findings into Security Hub (default) or only write the report. */
  RAMPART_EXPORT_FINDINGS: z.enum(['true', 'false']).default('true'),
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvironmentError extends Error {
  override readonly name = 'EnvironmentError';
}

/** The validated environment; parsed per invocation (cheap) so tests can change it. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    // Values are not echoed: the environment holds credentials.
    const detail = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new EnvironmentError(`Invalid environment: ${detail}`, { cause: result.error });
  }
  return result.data;
}
