// Kept apart from clients.ts, which the lazily loaded SDK module shares: the bundle resolves
// `./sts.js` (built apart, as dist/sts.mjs) only from a file in dist/ itself, such as handler.mjs.
import { type ClientOptions, type Credentials, clientConfig, withMiddleware } from './clients.js';

const assumed = new Map<string, Credentials>();

/**
 * Credentials of `roleArn` through STS AssumeRole, cached across warm invocations until five minutes
 * before they expire. The STS client loads only when a rule needs it.
 */
export async function assumeRole(options: ClientOptions, roleArn: string, sessionName: string): Promise<Credentials> {
  const cached = assumed.get(roleArn);
  if (cached?.expiration !== undefined && cached.expiration.getTime() - Date.now() > 5 * 60_000) return cached;
  const { STSClient, AssumeRoleCommand } = await import('./sts.js');
  const sts = withMiddleware(new STSClient(clientConfig(options)), options);
  try {
    const out = await sts.send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: sessionName, DurationSeconds: 900 }),
    );
    const c = out.Credentials;
    if (c?.AccessKeyId === undefined || c.SecretAccessKey === undefined) {
      throw new Error(`sts:AssumeRole returned no credentials for ${roleArn}`);
    }
    const credentials: Credentials = {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiration: c.Expiration,
    };
    assumed.set(roleArn, credentials);
    return credentials;
  } finally {
    sts.destroy();
  }
}

/** Forgets cached role credentials (tests). */
export function clearAssumedRoles(): void {
  assumed.clear();
}
