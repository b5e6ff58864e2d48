import type { EmrClusters } from '../../facts/index.js';
import type { Verdict } from '../../model/control.js';

export type EmrCluster = EmrClusters['clusters'][number];

export const EMR_CLUSTER_TYPE = 'AWS::EMR::Cluster';

/** A verdict about one cluster of the fact (AWS Config records no EMR clusters, so the account item carries them). */
export function clusterVerdict(cluster: EmrCluster, verdict: Verdict): Verdict {
  return { ...verdict, resource: { type: EMR_CLUSTER_TYPE, id: cluster.id, arn: cluster.arn ?? undefined } };
}

export function clusterLabel(cluster: EmrCluster): string {
  return cluster.name ? `EMR cluster ${cluster.id} (${cluster.name})` : `EMR cluster ${cluster.id}`;
}
