import * as z from 'zod';

/** The function's environment: the only place the app reads `process.env`. */
const EnvSchema = z.object({
  AWS_REGION: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'must be an AWS region name'),
  AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
  AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  AWS_SESSION_TOKEN: z.string().min(1).optional(),
  AWS_USE_FIPS_ENDPOINT: z.enum(['true', 'false']).optional(),
  AWS_USE_DUALSTACK_ENDPOINT: z.enum(['true', 'false']).optional(),
  /** The SDK's own endpoint override (an emulator, a VPC endpoint proxy); also passed to the collectors. */
  AWS_ENDPOINT_URL: z.url().optional(),
  /** Time kept back before the Lambda deadline to send what is done and log what is left. */
  RAMPART_DEADLINE_RESERVE_MS: z.coerce.number().int().min(0).default(5_000),
  RAMPART_ROLE_SESSION_NAME: z
    .string()
    .regex(/^[\w+=,.@-]{2,64}$/)
    .default('rampart-config-rules'),
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
