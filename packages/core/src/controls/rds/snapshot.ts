import type { ConfigItem } from '../../ci/config-item.js';

interface SnapshotAttribute {
  attributeName?: string;
  attributeValues?: string[] | null;
}

/** DB snapshots and DB cluster snapshots, whose items spell the same fields differently. */
export interface SnapshotView {
  label: string;
  encrypted: boolean;
  kmsKeyId: string | undefined;
  /** Account ids (or "all") allowed to restore it, from the `restore` attribute. */
  restorableBy: string[];
}

export function snapshotView(item: ConfigItem): SnapshotView {
  const c = item.configuration;
  const cluster = item.resourceType === 'AWS::RDS::DBClusterSnapshot';
  const id = (cluster ? c['dbclusterSnapshotIdentifier'] : c['dBSnapshotIdentifier']) ?? item.resourceName;
  const attributes = item.supplementary<SnapshotAttribute[]>(
    cluster ? 'DBClusterSnapshotAttributes' : 'DBSnapshotAttributes',
  );
  const list = Array.isArray(attributes) ? attributes : [];
  return {
    label: `${cluster ? 'DB cluster snapshot' : 'DB snapshot'} ${typeof id === 'string' ? id : item.resourceId}`,
    encrypted: (cluster ? c['storageEncrypted'] : c['encrypted']) === true,
    kmsKeyId: typeof c['kmsKeyId'] === 'string' ? c['kmsKeyId'] : undefined,
    restorableBy: list.filter((a) => a.attributeName === 'restore').flatMap((a) => a.attributeValues ?? []),
  };
}
