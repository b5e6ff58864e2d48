import {
  ECRClient,
  GetLifecyclePolicyCommand,
  GetRegistryScanningConfigurationCommand,
  ListTagsForResourceCommand,
  paginateDescribeRepositories,
  type Repository,
} from '@aws-sdk/client-ecr';
import { type EcrRegistryScanning, EcrRegistryScanningFact } from '@rampart/core';
import { tagMap } from '../ci.js';
import { isNotFound } from '../errors.js';
import type { ReaderContext, ServiceReader } from '../reader.js';

const REPOSITORY = 'AWS::ECR::Repository';

/** AWS Config records ECR repositories in the CloudFormation shape (PascalCase, `Arn`, `LifecyclePolicy`). */
async function repositoryItem(ctx: ReaderContext, ecr: ECRClient, r: Repository): Promise<void> {
  const name = r.repositoryName!;
  let lifecycle: { LifecyclePolicyText: string | null; RegistryId: string | null } | undefined;
  try {
    const out = await ecr.send(new GetLifecyclePolicyCommand({ repositoryName: name, registryId: r.registryId }));
    lifecycle = { LifecyclePolicyText: out.lifecyclePolicyText ?? null, RegistryId: out.registryId ?? null };
  } catch (error) {
    if (!isNotFound(error, ['LifecyclePolicyNotFoundException'])) throw error;
  }
  const tags = (await ecr.send(new ListTagsForResourceCommand({ resourceArn: r.repositoryArn }))).tags;
  const configuration: Record<string, unknown> = {
    RepositoryName: name,
    Arn: r.repositoryArn ?? null,
    ImageTagMutability: r.imageTagMutability ?? null,
    ImageScanningConfiguration: { ScanOnPush: r.imageScanningConfiguration?.scanOnPush === true },
    EncryptionConfiguration: {
      EncryptionType: r.encryptionConfiguration?.encryptionType ?? 'AES256',
      ...(r.encryptionConfiguration?.kmsKey ? { KmsKey: r.encryptionConfiguration.kmsKey } : {}),
    },
    RepositoryUri: r.repositoryUri ?? null,
  };
  if (lifecycle !== undefined) configuration['LifecyclePolicy'] = lifecycle;
  if (tags !== undefined && tags.length > 0) configuration['Tags'] = tags.map((t) => ({ Key: t.Key, Value: t.Value }));
  ctx.item({
    resourceType: REPOSITORY,
    resourceId: name,
    resourceName: name,
    arn: r.repositoryArn,
    tags: tagMap(tags),
    configuration,
  });
}

export const ecrReader: ServiceReader = {
  service: 'ecr',
  scope: 'regional',
  resourceTypes: [REPOSITORY],
  factTypes: [EcrRegistryScanningFact.type],
  async read(ctx) {
    const ecr = ctx.clients.get(ECRClient, 'ecr', ctx.region);
    await Promise.all([
      ctx.wants(EcrRegistryScanningFact.type) &&
        ctx.attempt('GetRegistryScanningConfiguration', [EcrRegistryScanningFact.type], async () => {
          const c = (await ecr.send(new GetRegistryScanningConfigurationCommand({}))).scanningConfiguration;
          const value: EcrRegistryScanning = {
            scanType: c?.scanType ?? 'BASIC',
            rules: (c?.rules ?? []).map((rule) => ({
              scanFrequency: rule.scanFrequency ?? 'MANUAL',
              repositoryFilters: (rule.repositoryFilters ?? []).map((f) => ({
                filter: f.filter ?? '',
                filterType: f.filterType ?? 'WILDCARD',
              })),
            })),
          };
          ctx.fact(EcrRegistryScanningFact, value);
        }),
      ctx.wants(REPOSITORY) &&
        ctx.attempt('DescribeRepositories', [REPOSITORY], async () => {
          const repositories: Repository[] = [];
          for await (const page of paginateDescribeRepositories({ client: ecr }, {})) {
            repositories.push(...(page.repositories ?? []));
          }
          await ctx.limiter.map(repositories, async (r) => {
            try {
              await repositoryItem(ctx, ecr, r);
            } catch (error) {
              ctx.fail('GetLifecyclePolicy', [REPOSITORY], error, undefined, `repository ${r.repositoryName}`);
            }
          });
        }),
    ]);
  },
};
