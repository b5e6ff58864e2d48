// The AWS SDK's Config client: loaded on demand on the change path (config-http.ts says when), built
// into the periodic path.
import { ConfigServiceClient, PutEvaluationsCommand } from '@aws-sdk/client-config-service';
import { type ClientOptions, clientConfig, withMiddleware } from './clients.js';
import type { EvaluationsApi } from './config-http.js';

export { ConfigServiceClient };

export function configClient(options: ClientOptions): ConfigServiceClient {
  return withMiddleware(new ConfigServiceClient(clientConfig(options)), options);
}

/** PutEvaluations through the SDK client. */
export function sdkEvaluationsApi(client: ConfigServiceClient): EvaluationsApi {
  return {
    putEvaluations: (input) => client.send(new PutEvaluationsCommand(input)),
  };
}
