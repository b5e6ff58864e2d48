import { GetAccessKeyLastUsedCommand, IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { client } from '../../clients.js';
import { errorCode } from '../../errors.js';
import { defineStep, EVIDENCE_PERMISSIONS, lambdaHandler } from '../../step.js';
import { accessKeyTarget, isTemporary } from './principal.js';

export const step = defineStep({
  id: 'record-key-last-use',
  description:
    "Records the key's owner, status and last use (time, service, region) as evidence before anything changes",
  playbooks: ['compromised-access-key'],
  permissions: [
    {
      sid: 'ReadAccessKeys',
      actions: ['iam:GetAccessKeyLastUsed', 'iam:ListAccessKeys'],
      resources: ['arn:{partition}:iam::{account}:user/*'],
    },
    ...EVIDENCE_PERMISSIONS,
  ],
  async run(ctx) {
    const target = accessKeyTarget(ctx);
    if (isTemporary(target)) {
      ctx.notApplicable({
        action: 'iam:GetAccessKeyLastUsed',
        target: target.accessKeyId,
        detail: 'temporary credentials have no last-use record; CloudTrail holds their use',
      });
      return;
    }
    const iam = client(ctx.env, IAMClient, 'iam');
    const lastUsed = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: target.accessKeyId }));
    const userName = target.userName ?? lastUsed.UserName;
    let key: { Status?: string; CreateDate?: Date } | undefined;
    if (userName !== undefined) {
      try {
        const keys = await iam.send(new ListAccessKeysCommand({ UserName: userName }));
        key = keys.AccessKeyMetadata?.find((k) => k.AccessKeyId === target.accessKeyId);
      } catch (error) {
        if (errorCode(error) !== 'NoSuchEntity') throw error;
      }
    }
    const record = {
      accessKeyId: target.accessKeyId,
      userName: userName ?? null,
      status: key?.Status ?? null,
      createDate: key?.CreateDate?.toISOString() ?? null,
      lastUsedDate: lastUsed.AccessKeyLastUsed?.LastUsedDate?.toISOString() ?? null,
      lastUsedService: lastUsed.AccessKeyLastUsed?.ServiceName ?? null,
      lastUsedRegion: lastUsed.AccessKeyLastUsed?.Region ?? null,
      recordedAt: ctx.now().toISOString(),
    };
    Object.assign(ctx.data, { userName: record.userName, status: record.status, lastUsedDate: record.lastUsedDate });
    await ctx.saveEvidence('access-key.json', record);
  },
});

export const handler = lambdaHandler(step);
