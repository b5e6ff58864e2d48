import {
  type FunctionConfiguration,
  GetPolicyCommand,
  LambdaClient,
  ListTagsCommand,
  paginateListFunctions,
} from '@aws-sdk/client-lambda';
import { configObject } from '../ci.js';
import { isNotFound } from '../errors.js';
import type { ServiceReader } from '../reader.js';

const FUNCTION = 'AWS::Lambda::Function';

/**
 * Functions with their resource-based policy (a JSON string, `supplementaryConfiguration.Policy`, absent
 * when the function has none) and tags, as AWS Config records them; the resource id is the function name.
 */
export const lambdaReader: ServiceReader = {
  service: 'lambda',
  scope: 'regional',
  resourceTypes: [FUNCTION],
  factTypes: [],
  async read(ctx) {
    if (!ctx.wants(FUNCTION)) return;
    const lambda = ctx.clients.get(LambdaClient, 'lambda', ctx.region);
    await ctx.attempt('ListFunctions', [FUNCTION], async () => {
      const functions: FunctionConfiguration[] = [];
      for await (const page of paginateListFunctions({ client: lambda }, {})) functions.push(...(page.Functions ?? []));
      await ctx.limiter.map(functions, async (f) => {
        const name = f.FunctionName!;
        try {
          let policy: string | undefined;
          try {
            policy = (await lambda.send(new GetPolicyCommand({ FunctionName: name }))).Policy;
          } catch (error) {
            // ResourceNotFoundException: the function has no resource-based policy.
            if (!isNotFound(error, ['ResourceNotFoundException'])) throw error;
          }
          const tags = (await lambda.send(new ListTagsCommand({ Resource: f.FunctionArn }))).Tags ?? {};
          const configuration = configObject(f);
          configuration['vpcConfig'] ??= null;
          const supplementaryConfiguration: Record<string, unknown> = { Tags: tags };
          if (policy !== undefined) supplementaryConfiguration['Policy'] = policy;
          ctx.item({
            resourceType: FUNCTION,
            resourceId: name,
            resourceName: name,
            arn: f.FunctionArn,
            tags,
            configuration,
            supplementaryConfiguration,
          });
        } catch (error) {
          ctx.fail('GetPolicy', [FUNCTION], error, undefined, `function ${name}`);
        }
      });
    });
  },
};
