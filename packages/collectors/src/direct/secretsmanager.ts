import { paginateListSecrets, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { type SecretsManagerSecretActivity, SecretsManagerSecretActivityFact } from '@rampart/core';
import { plainShape, tagMap } from '../ci.js';
import type { ServiceReader } from '../reader.js';

const SECRET = 'AWS::SecretsManager::Secret';

/** AWS Config records secrets with the API's PascalCase names (`RotationEnabled`, `RotationRules`). */
export const secretsManagerReader: ServiceReader = {
  service: 'secretsmanager',
  scope: 'regional',
  resourceTypes: [SECRET],
  factTypes: [SecretsManagerSecretActivityFact.type],
  async read(ctx) {
    const wantItems = ctx.wants(SECRET);
    const wantActivity = ctx.wants(SecretsManagerSecretActivityFact.type);
    if (!wantItems && !wantActivity) return;
    const sm = ctx.clients.get(SecretsManagerClient, 'secretsmanager', ctx.region);
    const types = [...(wantItems ? [SECRET] : []), ...(wantActivity ? [SecretsManagerSecretActivityFact.type] : [])];
    // One listing feeds both: the items and the dates AWS Config does not record.
    await ctx.attempt('ListSecrets', types, async () => {
      const activity: SecretsManagerSecretActivity['secrets'] = [];
      for await (const page of paginateListSecrets({ client: sm }, {})) {
        for (const s of page.SecretList ?? []) {
          activity.push({
            arn: s.ARN!,
            name: s.Name ?? null,
            createdDate: s.CreatedDate?.toISOString() ?? null,
            lastRotatedDate: s.LastRotatedDate?.toISOString() ?? null,
            lastChangedDate: s.LastChangedDate?.toISOString() ?? null,
            lastAccessedDate: s.LastAccessedDate?.toISOString() ?? null,
          });
          if (!wantItems) continue;
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
      if (wantActivity) ctx.fact(SecretsManagerSecretActivityFact, { secrets: activity });
    });
  },
};
