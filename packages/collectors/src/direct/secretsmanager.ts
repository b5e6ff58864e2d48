import { paginateListSecrets, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { plainShape, tagMap } from '../ci.js';
import type { ServiceReader } from '../reader.js';

const SECRET = 'AWS::SecretsManager::Secret';

/** AWS Config records secrets with the API's PascalCase names (`RotationEnabled`, `RotationRules`). */
export const secretsManagerReader: ServiceReader = {
  service: 'secretsmanager',
  scope: 'regional',
  resourceTypes: [SECRET],
  factTypes: [],
  async read(ctx) {
    if (!ctx.readResources) return;
    const sm = ctx.clients.get(SecretsManagerClient, 'secretsmanager', ctx.region);
    await ctx.attempt('ListSecrets', [SECRET], async () => {
      for await (const page of paginateListSecrets({ client: sm }, {})) {
        for (const s of page.SecretList ?? []) {
          const configuration = plainShape({ ...s, Tags: undefined, KmsKeyId: undefined }) as Record<string, unknown>;
          configuration['KMSKeyId'] = s.KmsKeyId ?? null;
          configuration['RotationEnabled'] = s.RotationEnabled === true;
          configuration['RotationRules'] ??= null;
          ctx.item({
            resourceType: SECRET,
            resourceId: s.ARN!,
            resourceName: s.Name,
            arn: s.ARN,
            tags: tagMap(s.Tags),
            configuration,
          });
        }
      }
    });
  },
};
