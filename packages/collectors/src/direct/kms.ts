import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListResourceTagsCommand,
  paginateListKeys,
} from '@aws-sdk/client-kms';
import { configObject, tagMap } from '../ci.js';
import { isNotFound } from '../errors.js';
import type { ServiceReader } from '../reader.js';

const KEY = 'AWS::KMS::Key';

export const kmsReader: ServiceReader = {
  service: 'kms',
  scope: 'regional',
  resourceTypes: [KEY],
  factTypes: [],
  async read(ctx) {
    if (!ctx.readResources) return;
    const kms = ctx.clients.get(KMSClient, 'kms', ctx.region);
    await ctx.attempt('ListKeys', [KEY], async () => {
      const ids: string[] = [];
      for await (const page of paginateListKeys({ client: kms }, {}))
        for (const k of page.Keys ?? []) ids.push(k.KeyId!);
      await ctx.limiter.map(ids, async (KeyId) => {
        try {
          const meta = (await kms.send(new DescribeKeyCommand({ KeyId }))).KeyMetadata;
          const customer = meta?.KeyManager === 'CUSTOMER';
          const symmetric = (meta?.KeySpec ?? 'SYMMETRIC_DEFAULT') === 'SYMMETRIC_DEFAULT';
          const pending = meta?.KeyState === 'PendingDeletion' || meta?.KeyState === 'PendingReplicaDeletion';
          // Rotation exists only for symmetric keys, and KMS refuses to answer for keys pending deletion.
          let rotation: boolean | undefined;
          if (symmetric && !pending && (meta?.Origin ?? 'AWS_KMS') === 'AWS_KMS') {
            try {
              rotation = (await kms.send(new GetKeyRotationStatusCommand({ KeyId }))).KeyRotationEnabled === true;
            } catch (error) {
              if (!isNotFound(error, ['UnsupportedOperationException'])) throw error;
            }
          }
          const tags = customer ? ((await kms.send(new ListResourceTagsCommand({ KeyId }))).Tags ?? []) : [];
          // The key policy (a JSON string), as AWS Config records it in supplementaryConfiguration.Policy.
          const policy = (await kms.send(new GetKeyPolicyCommand({ KeyId, PolicyName: 'default' }))).Policy;
          const configuration = configObject(meta);
          configuration['deletionDate'] ??= null;
          ctx.item({
            resourceType: KEY,
            resourceId: KeyId,
            arn: meta?.Arn,
            tags: tagMap(tags.map((t) => ({ Key: t.TagKey, Value: t.TagValue }))),
            configuration,
            supplementaryConfiguration: {
              ...(rotation === undefined ? {} : { KeyRotationStatus: rotation }),
              ...(policy === undefined ? {} : { Policy: policy }),
            },
          });
        } catch (error) {
          ctx.fail('DescribeKey', [KEY], error, undefined, `key ${KeyId}`);
        }
      });
    });
  },
};
