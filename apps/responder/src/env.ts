import * as z from 'zod';
import { EnvironmentError } from './errors.js';

const ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:.+$/;

/** The functions' environment: the only place the app reads `process.env`. */
const EnvSchema = z.object({
  AWS_REGION: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'must be an AWS region name'),
  /** The SDK's own endpoint override (an emulator, a VPC endpoint proxy). */
  AWS_ENDPOINT_URL: z.url().optional(),
  /** Where evidence and timelines go: the Object Lock bucket the IncidentResponse component deploys. */
  RAMPART_EVIDENCE_BUCKET: z.string().min(3).max(63).optional(),
  /** SSE-KMS key for evidence objects (the bucket default too; given explicitly so a changed default cannot weaken it). */
  RAMPART_EVIDENCE_KMS_KEY_ARN: z.string().regex(ARN, 'must be a KMS key ARN').optional(),
  /** SNS topic that receives the playbook summaries. */
  RAMPART_NOTIFICATION_TOPIC_ARN: z.string().regex(ARN, 'must be an SNS topic ARN').optional(),
  /** Attempts per AWS call before a step gives up and lets Step Functions retry it (ThrottledError). */
  RAMPART_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
  /** How far back the CloudTrail look-up goes (CloudTrail keeps 90 days of management events). */
  RAMPART_CLOUDTRAIL_LOOKBACK_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(90 * 24)
    .default(7 * 24),
  /** At most this many CloudTrail events are saved as evidence. */
  RAMPART_CLOUDTRAIL_MAX_EVENTS: z.coerce.number().int().min(1).max(10_000).default(2_000),
});

export type Env = z.infer<typeof EnvSchema>;

/** The validated environment; parsed per invocation (cheap) so tests can change it. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new EnvironmentError(`Invalid environment: ${detail}`, { cause: result.error });
  }
  return result.data;
}

/** A setting a step needs, or an EnvironmentError naming it. */
export function required<K extends keyof Env>(env: Env, key: K): NonNullable<Env[K]> {
  const value = env[key];
  if (value === undefined || value === null) throw new EnvironmentError(`${String(key)} is not set`);
  return value as NonNullable<Env[K]>;
}
