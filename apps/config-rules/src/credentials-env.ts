import { environmentCredentials } from './env.js';

/**
 * Stands in for `@aws-sdk/credential-provider-node` in the bundle (scripts/bundle.mjs). A Lambda
 * function gets its role's credentials in environment variables, so the rest of the chain (SSO,
 * shared files, web identity, IMDS, process) is dead weight on every cold start. The handler passes
 * credentials explicitly; this is the fallback any SDK client would use without them.
 */
export function defaultProvider(): () => Promise<{
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}> {
  return async () => {
    const credentials = environmentCredentials();
    if (credentials === undefined) {
      throw Object.assign(
        new Error('No AWS credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)'),
        { name: 'CredentialsProviderError' },
      );
    }
    return credentials;
  };
}
