import {
  type Cluster,
  DescribeClusterCommand,
  DescribeSecurityConfigurationCommand,
  EMRClient,
  paginateListClusters,
  paginateListInstances,
} from '@aws-sdk/client-emr';
import { type EmrClusters, EmrClustersFact } from '@rampart/core';
import type { ReaderContext, ServiceReader } from '../reader.js';

const FACT = EmrClustersFact.type;
type KerberosConfiguration = EmrClusters['clusters'][number]['kerberosConfiguration'];

/** A security configuration whose JSON document cannot be parsed. */
export class SecurityConfigurationParseError extends Error {
  override readonly name = 'SecurityConfigurationParseError';
}

/** `AuthenticationConfiguration.KerberosConfiguration` of a security configuration document, or null. */
export function kerberosOf(name: string, document: string | undefined): KerberosConfiguration {
  if (document === undefined || document === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch (error) {
    throw new SecurityConfigurationParseError(`security configuration ${name} is not JSON`, { cause: error });
  }
  const auth = (parsed as { AuthenticationConfiguration?: { KerberosConfiguration?: KerberosConfiguration } })
    ?.AuthenticationConfiguration;
  return auth?.KerberosConfiguration ?? null;
}

async function masterPublicIps(emr: EMRClient, cluster: Cluster): Promise<string[]> {
  const input =
    cluster.InstanceCollectionType === 'INSTANCE_FLEET'
      ? { ClusterId: cluster.Id, InstanceFleetType: 'MASTER' as const }
      : { ClusterId: cluster.Id, InstanceGroupTypes: ['MASTER' as const] };
  const ips: string[] = [];
  for await (const page of paginateListInstances({ client: emr }, input)) {
    for (const i of page.Instances ?? []) if (i.PublicIpAddress) ips.push(i.PublicIpAddress);
  }
  return ips.sort();
}

async function readClusters(ctx: ReaderContext, emr: EMRClient): Promise<void> {
  const ids: string[] = [];
  for await (const page of paginateListClusters(
    { client: emr },
    { ClusterStates: ['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING'] },
  )) {
    for (const c of page.Clusters ?? []) ids.push(c.Id!);
  }
  const securityConfigurations = new Map<string, Promise<KerberosConfiguration>>();
  const kerberos = (name: string) => {
    let found = securityConfigurations.get(name);
    if (found === undefined) {
      found = emr
        .send(new DescribeSecurityConfigurationCommand({ Name: name }))
        .then((out) => kerberosOf(name, out.SecurityConfiguration));
      securityConfigurations.set(name, found);
    }
    return found;
  };
  const clusters: EmrClusters['clusters'] = [];
  await ctx.limiter.map(ids, async (ClusterId) => {
    let operation = 'DescribeCluster';
    try {
      const { Cluster: c } = await emr.send(new DescribeClusterCommand({ ClusterId }));
      if (c === undefined) return;
      operation = 'DescribeSecurityConfiguration';
      const kerberosConfiguration = c.SecurityConfiguration ? await kerberos(c.SecurityConfiguration) : null;
      operation = 'ListInstances';
      const ips = await masterPublicIps(emr, c);
      clusters.push({
        id: ClusterId,
        name: c.Name ?? null,
        arn: c.ClusterArn ?? null,
        state: c.Status?.State ?? 'UNKNOWN',
        securityConfiguration: c.SecurityConfiguration ?? null,
        kerberosConfiguration,
        masterPublicIpAddresses: ips,
      });
    } catch (error) {
      ctx.fail(operation, [FACT], error, undefined, `cluster ${ClusterId}`);
    }
  });
  clusters.sort((a, b) => a.id.localeCompare(b.id));
  ctx.fact(EmrClustersFact, { clusters });
}

/** `Rampart::EMR::Clusters`: AWS Config records no EMR clusters. A cluster that fails to read is named and left out. */
export const emrReader: ServiceReader = {
  service: 'emr',
  scope: 'regional',
  resourceTypes: [],
  factTypes: [FACT],
  async read(ctx) {
    if (!ctx.wants(FACT)) return;
    const emr = ctx.clients.get(EMRClient, 'emr', ctx.region);
    await ctx.attempt('ListClusters', [FACT], () => readClusters(ctx, emr));
  },
};
