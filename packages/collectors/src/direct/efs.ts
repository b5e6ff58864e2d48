import {
  DescribeBackupPolicyCommand,
  DescribeLifecycleConfigurationCommand,
  EFSClient,
  type FileSystemDescription,
  type PosixUser,
  paginateDescribeAccessPoints,
  paginateDescribeFileSystems,
  type RootDirectory,
} from '@aws-sdk/client-efs';
import { plainShape, tagMap } from '../ci.js';
import { isNotFound } from '../errors.js';
import type { ReaderContext, ServiceReader } from '../reader.js';

const FILE_SYSTEM = 'AWS::EFS::FileSystem';
const ACCESS_POINT = 'AWS::EFS::AccessPoint';

function readFileSystems(ctx: ReaderContext, efs: EFSClient): Promise<unknown> {
  return ctx.attempt('DescribeFileSystems', [FILE_SYSTEM], async () => {
    const fileSystems: FileSystemDescription[] = [];
    for await (const page of paginateDescribeFileSystems({ client: efs }, {})) {
      fileSystems.push(...(page.FileSystems ?? []));
    }
    await ctx.limiter.map(fileSystems, async (fs) => {
      const FileSystemId = fs.FileSystemId!;
      let operation = 'DescribeBackupPolicy';
      try {
        let backupPolicy: { Status?: string } | undefined;
        try {
          backupPolicy = (await efs.send(new DescribeBackupPolicyCommand({ FileSystemId }))).BackupPolicy;
        } catch (error) {
          // No backup policy: AWS Config records none.
          if (!isNotFound(error, ['PolicyNotFound'])) throw error;
        }
        operation = 'DescribeLifecycleConfiguration';
        const lifecycle = await efs.send(new DescribeLifecycleConfigurationCommand({ FileSystemId }));
        // AWS Config's CloudFormation-like shape: the API's PascalCase, `Arn` and `FileSystemTags`.
        const configuration = plainShape({
          FileSystemId,
          Arn: fs.FileSystemArn,
          Encrypted: fs.Encrypted,
          KmsKeyId: fs.KmsKeyId,
          PerformanceMode: fs.PerformanceMode,
          ThroughputMode: fs.ThroughputMode,
          ProvisionedThroughputInMibps: fs.ProvisionedThroughputInMibps,
          BackupPolicy: backupPolicy !== undefined ? { Status: backupPolicy.Status } : undefined,
          LifecyclePolicies: lifecycle.LifecyclePolicies,
          FileSystemTags: (fs.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value })),
        }) as Record<string, unknown>;
        ctx.item({
          resourceType: FILE_SYSTEM,
          resourceId: FileSystemId,
          resourceName: fs.Name ?? null,
          arn: fs.FileSystemArn,
          tags: tagMap(fs.Tags),
          configuration,
        });
      } catch (error) {
        ctx.fail(operation, [FILE_SYSTEM], error, undefined, `file system ${FileSystemId}`);
      }
    });
  });
}

const text = (n: number | undefined) => (n === undefined ? undefined : String(n));

/** AWS Config's CloudFormation shape writes POSIX ids as strings (the API has numbers). */
function posixUser(u: PosixUser | undefined) {
  if (u === undefined) return undefined;
  return { Uid: text(u.Uid), Gid: text(u.Gid), SecondaryGids: u.SecondaryGids?.map(String) };
}

function rootDirectory(r: RootDirectory | undefined) {
  if (r === undefined) return undefined;
  const info = r.CreationInfo;
  return {
    Path: r.Path,
    CreationInfo:
      info === undefined
        ? undefined
        : { OwnerUid: text(info.OwnerUid), OwnerGid: text(info.OwnerGid), Permissions: info.Permissions },
  };
}

function readAccessPoints(ctx: ReaderContext, efs: EFSClient): Promise<unknown> {
  return ctx.attempt('DescribeAccessPoints', [ACCESS_POINT], async () => {
    for await (const page of paginateDescribeAccessPoints({ client: efs }, {})) {
      for (const ap of page.AccessPoints ?? []) {
        ctx.item({
          resourceType: ACCESS_POINT,
          resourceId: ap.AccessPointId!,
          resourceName: ap.Name ?? null,
          arn: ap.AccessPointArn,
          tags: tagMap(ap.Tags),
          relationships:
            ap.FileSystemId !== undefined
              ? [
                  {
                    resourceId: ap.FileSystemId,
                    resourceName: null,
                    resourceType: FILE_SYSTEM,
                    name: 'Is attached to FileSystem',
                  },
                ]
              : [],
          configuration: plainShape({
            AccessPointId: ap.AccessPointId,
            Arn: ap.AccessPointArn,
            FileSystemId: ap.FileSystemId,
            PosixUser: posixUser(ap.PosixUser),
            RootDirectory: rootDirectory(ap.RootDirectory),
            AccessPointTags: (ap.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value })),
          }) as Record<string, unknown>,
        });
      }
    }
  });
}

/**
 * EFS file systems (resource id: the file system id) with their backup policy and lifecycle policies,
 * and access points (resource id: the access point id), in AWS Config's PascalCase shape.
 */
export const efsReader: ServiceReader = {
  service: 'efs',
  scope: 'regional',
  resourceTypes: [FILE_SYSTEM, ACCESS_POINT],
  factTypes: [],
  async read(ctx) {
    const efs = ctx.clients.get(EFSClient, 'efs', ctx.region);
    await Promise.all([
      ctx.wants(FILE_SYSTEM) && readFileSystems(ctx, efs),
      ctx.wants(ACCESS_POINT) && readAccessPoints(ctx, efs),
    ]);
  },
};
