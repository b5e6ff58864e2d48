import {
  type Cluster,
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  paginateListClusters,
  paginateListServices,
  paginateListTaskDefinitions,
  type Service,
} from '@aws-sdk/client-ecs';
import { pascalShape, tagMap } from '../ci.js';
import type { ReaderContext, ServiceReader } from '../reader.js';

const TASK_DEFINITION = 'AWS::ECS::TaskDefinition';
const CLUSTER = 'AWS::ECS::Cluster';
const SERVICE = 'AWS::ECS::Service';

/** Maps with user-chosen keys (log driver options, Docker labels, driver options) keep their spelling. */
const ECS_MAPS: ReadonlySet<string> = new Set(['Options', 'DockerLabels', 'DriverOpts', 'Labels']);

const shape = (value: unknown) => pascalShape(value, ECS_MAPS) as Record<string, unknown>;
const chunks = <T>(values: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(values.length / size) }, (_, i) => values.slice(i * size, i * size + size));

/** AWS Config records ECS in the CloudFormation shape: PascalCase, `Arn`, `ClusterSettings`, `Cluster`. */
function clusterConfiguration(c: Cluster): Record<string, unknown> {
  return shape({
    clusterName: c.clusterName,
    arn: c.clusterArn,
    capacityProviders: c.capacityProviders ?? [],
    clusterSettings: c.settings ?? [],
    defaultCapacityProviderStrategy: c.defaultCapacityProviderStrategy ?? [],
    configuration: c.configuration,
    serviceConnectDefaults: c.serviceConnectDefaults,
  });
}

function serviceConfiguration(s: Service): Record<string, unknown> {
  return shape({
    serviceArn: s.serviceArn,
    serviceName: s.serviceName,
    cluster: s.clusterArn,
    launchType: s.launchType,
    platformVersion: s.platformVersion,
    platformFamily: s.platformFamily,
    capacityProviderStrategy: s.capacityProviderStrategy,
    desiredCount: s.desiredCount,
    taskDefinition: s.taskDefinition,
    schedulingStrategy: s.schedulingStrategy,
    deploymentController: s.deploymentController,
    deploymentConfiguration: s.deploymentConfiguration,
    networkConfiguration: s.networkConfiguration,
    loadBalancers: s.loadBalancers,
    serviceRegistries: s.serviceRegistries,
    placementConstraints: s.placementConstraints,
    placementStrategy: s.placementStrategy,
    healthCheckGracePeriodSeconds: s.healthCheckGracePeriodSeconds,
    role: s.roleArn,
    enableECSManagedTags: s.enableECSManagedTags,
    propagateTags: s.propagateTags,
    enableExecuteCommand: s.enableExecuteCommand,
  });
}

const clusterName = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

async function readClusters(ctx: ReaderContext, ecs: ECSClient, wantClusters: boolean, wantServices: boolean) {
  const types = [...(wantClusters ? [CLUSTER] : []), ...(wantServices ? [SERVICE] : [])];
  await ctx.attempt('ListClusters', types, async () => {
    const arns: string[] = [];
    for await (const page of paginateListClusters({ client: ecs }, {})) arns.push(...(page.clusterArns ?? []));
    if (wantClusters) {
      for (const batch of chunks(arns, 100)) {
        try {
          const out = await ecs.send(
            new DescribeClustersCommand({ clusters: batch, include: ['SETTINGS', 'CONFIGURATIONS', 'TAGS'] }),
          );
          for (const c of out.clusters ?? []) {
            ctx.item({
              resourceType: CLUSTER,
              resourceId: c.clusterName!,
              resourceName: c.clusterName,
              arn: c.clusterArn,
              tags: tagMap(c.tags),
              configuration: clusterConfiguration(c),
            });
          }
          for (const f of out.failures ?? []) {
            ctx.fail('DescribeClusters', [CLUSTER], new Error(f.reason ?? 'failed'), undefined, f.arn);
          }
        } catch (error) {
          ctx.fail('DescribeClusters', [CLUSTER], error);
        }
      }
    }
    if (!wantServices) return;
    await ctx.limiter.map(arns, async (cluster) => {
      try {
        const serviceArns: string[] = [];
        for await (const page of paginateListServices({ client: ecs }, { cluster })) {
          serviceArns.push(...(page.serviceArns ?? []));
        }
        for (const batch of chunks(serviceArns, 10)) {
          const out = await ecs.send(new DescribeServicesCommand({ cluster, services: batch, include: ['TAGS'] }));
          for (const s of out.services ?? []) {
            ctx.item({
              resourceType: SERVICE,
              resourceId: s.serviceArn!,
              resourceName: s.serviceName,
              arn: s.serviceArn,
              tags: tagMap(s.tags),
              configuration: serviceConfiguration(s),
              relationships: [
                { resourceType: CLUSTER, resourceId: clusterName(cluster), name: 'Is contained in Cluster' },
              ],
            });
          }
          for (const f of out.failures ?? []) {
            ctx.fail('DescribeServices', [SERVICE], new Error(f.reason ?? 'failed'), undefined, f.arn);
          }
        }
      } catch (error) {
        ctx.fail('ListServices', [SERVICE], error, undefined, `cluster ${clusterName(cluster)}`);
      }
    });
  });
}

/** Active task definition revisions, resource id `<family>:<revision>`. */
async function readTaskDefinitions(ctx: ReaderContext, ecs: ECSClient) {
  await ctx.attempt('ListTaskDefinitions', [TASK_DEFINITION], async () => {
    const arns: string[] = [];
    for await (const page of paginateListTaskDefinitions({ client: ecs }, { status: 'ACTIVE' })) {
      arns.push(...(page.taskDefinitionArns ?? []));
    }
    await ctx.limiter.map(arns, async (taskDefinition) => {
      try {
        const out = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition, include: ['TAGS'] }));
        const td = out.taskDefinition!;
        const id = `${td.family}:${td.revision}`;
        const configuration = shape({
          ...td,
          revision: undefined,
          registeredAt: undefined,
          registeredBy: undefined,
          deregisteredAt: undefined,
          compatibilities: undefined,
          requiresAttributes: undefined,
        });
        configuration['ContainerDefinitions'] ??= [];
        configuration['RequiresCompatibilities'] ??= [];
        ctx.item({
          resourceType: TASK_DEFINITION,
          resourceId: id,
          resourceName: id,
          arn: td.taskDefinitionArn,
          tags: tagMap(out.tags),
          configuration,
        });
      } catch (error) {
        ctx.fail('DescribeTaskDefinition', [TASK_DEFINITION], error, undefined, taskDefinition);
      }
    });
  });
}

export const ecsReader: ServiceReader = {
  service: 'ecs',
  scope: 'regional',
  resourceTypes: [TASK_DEFINITION, CLUSTER, SERVICE],
  factTypes: [],
  async read(ctx) {
    const ecs = ctx.clients.get(ECSClient, 'ecs', ctx.region);
    const wantClusters = ctx.wants(CLUSTER);
    const wantServices = ctx.wants(SERVICE);
    await Promise.all([
      (wantClusters || wantServices) && readClusters(ctx, ecs, wantClusters, wantServices),
      ctx.wants(TASK_DEFINITION) && readTaskDefinitions(ctx, ecs),
    ]);
  },
};
