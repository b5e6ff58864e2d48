import {
  DescribeConfigurationSettingsCommand,
  DescribeEnvironmentsCommand,
  ElasticBeanstalkClient,
  type EnvironmentDescription,
  ListTagsForResourceCommand,
} from '@aws-sdk/client-elastic-beanstalk';
import { type ElasticBeanstalkManagedActions, ElasticBeanstalkManagedActionsFact } from '@rampart/core';
import { configObject, pick, tagMap } from '../ci.js';
import type { ReaderContext, ServiceReader } from '../reader.js';

const ENVIRONMENT = 'AWS::ElasticBeanstalk::Environment';
const MANAGED_ACTIONS = ElasticBeanstalkManagedActionsFact.type;

const ENVIRONMENT_KEYS = [
  'EnvironmentName',
  'EnvironmentId',
  'ApplicationName',
  'VersionLabel',
  'SolutionStackName',
  'PlatformArn',
  'Description',
  'EndpointURL',
  'CNAME',
  'DateCreated',
  'DateUpdated',
  'Status',
  'Tier',
  'EnvironmentArn',
] as const;

/** `AWS::ElasticBeanstalk::Environment` as AWS Config records it (`endpointURL`, `cNAME`). */
export function environmentConfiguration(env: EnvironmentDescription): Record<string, unknown> {
  const configuration = configObject(pick(env, ENVIRONMENT_KEYS));
  if ((env.EnvironmentLinks ?? []).length > 0) configuration['environmentLinks'] = configObject(env).environmentLinks;
  return configuration;
}

async function listEnvironments(eb: ElasticBeanstalkClient): Promise<EnvironmentDescription[]> {
  const environments: EnvironmentDescription[] = [];
  let NextToken: string | undefined;
  do {
    const out = await eb.send(new DescribeEnvironmentsCommand({ IncludeDeleted: false, NextToken }));
    environments.push(...(out.Environments ?? []));
    NextToken = out.NextToken;
  } while (NextToken !== undefined && NextToken !== '');
  // Terminated environments linger in the listing for a while; AWS Config records them as deleted.
  return environments.filter((e) => e.Status !== 'Terminated');
}

async function emitEnvironments(ctx: ReaderContext, eb: ElasticBeanstalkClient, envs: EnvironmentDescription[]) {
  await ctx.limiter.map(envs, async (env) => {
    try {
      const tags = await eb.send(new ListTagsForResourceCommand({ ResourceArn: env.EnvironmentArn }));
      ctx.item({
        resourceType: ENVIRONMENT,
        resourceId: env.EnvironmentId!,
        resourceName: env.EnvironmentName,
        arn: env.EnvironmentArn,
        tags: tagMap(tags.ResourceTags),
        configuration: environmentConfiguration(env),
      });
    } catch (error) {
      ctx.fail('ListTagsForResource', [ENVIRONMENT], error, undefined, `environment ${env.EnvironmentName}`);
    }
  });
}

/** Managed platform update settings per environment; an environment whose settings fail to read is named and left out. */
async function emitManagedActions(ctx: ReaderContext, eb: ElasticBeanstalkClient, envs: EnvironmentDescription[]) {
  const environments: ElasticBeanstalkManagedActions['environments'] = [];
  await ctx.limiter.map(envs, async (env) => {
    try {
      const out = await eb.send(
        new DescribeConfigurationSettingsCommand({
          ApplicationName: env.ApplicationName,
          EnvironmentName: env.EnvironmentName,
        }),
      );
      const options = (out.ConfigurationSettings ?? []).flatMap((s) => s.OptionSettings ?? []);
      const option = (namespace: string, name: string) =>
        options.find((o) => o.Namespace === namespace && o.OptionName === name)?.Value;
      environments.push({
        environmentId: env.EnvironmentId!,
        environmentName: env.EnvironmentName!,
        managedActionsEnabled:
          option('aws:elasticbeanstalk:managedactions', 'ManagedActionsEnabled')?.toLowerCase() === 'true',
        updateLevel: option('aws:elasticbeanstalk:managedactions:platformupdate', 'UpdateLevel') ?? null,
      });
    } catch (error) {
      ctx.fail(
        'DescribeConfigurationSettings',
        [MANAGED_ACTIONS],
        error,
        undefined,
        `environment ${env.EnvironmentName}`,
      );
    }
  });
  environments.sort((a, b) => a.environmentId.localeCompare(b.environmentId));
  ctx.fact(ElasticBeanstalkManagedActionsFact, { environments });
}

/**
 * Elastic Beanstalk environments (resource id: the environment id) and `Rampart::ElasticBeanstalk::ManagedActions`
 * (options `aws:elasticbeanstalk:managedactions`, which AWS Config's item does not carry), from one listing.
 */
export const elasticBeanstalkReader: ServiceReader = {
  service: 'elastic-beanstalk',
  scope: 'regional',
  resourceTypes: [ENVIRONMENT],
  factTypes: [MANAGED_ACTIONS],
  async read(ctx) {
    const wantItems = ctx.wants(ENVIRONMENT);
    const wantFact = ctx.wants(MANAGED_ACTIONS);
    if (!wantItems && !wantFact) return;
    const eb = ctx.clients.get(ElasticBeanstalkClient, 'elastic-beanstalk', ctx.region);
    const types = [...(wantItems ? [ENVIRONMENT] : []), ...(wantFact ? [MANAGED_ACTIONS] : [])];
    const envs = await ctx.attempt('DescribeEnvironments', types, () => listEnvironments(eb));
    if (envs === undefined) return;
    await Promise.all([wantItems && emitEnvironments(ctx, eb, envs), wantFact && emitManagedActions(ctx, eb, envs)]);
  },
};
