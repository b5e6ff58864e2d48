import { IAMClient, ListAccessKeysCommand, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import { client } from '../../clients.js';
import { errorCode } from '../../errors.js';
import { defineStep, lambdaHandler } from '../../step.js';
import { accessKeyTarget, isTemporary, userNameOf } from './principal.js';

export const step = defineStep({
  id: 'deactivate-access-key',
  description: 'Sets the access key Inactive (kept, not deleted, so it can be examined and re-enabled)',
  playbooks: ['compromised-access-key'],
  permissions: [
    {
      sid: 'DeactivateAccessKey',
      actions: ['iam:ListAccessKeys', 'iam:UpdateAccessKey'],
      resources: ['arn:{partition}:iam::{account}:user/*'],
    },
  ],
  async run(ctx) {
    const target = accessKeyTarget(ctx);
    const action = { action: 'iam:UpdateAccessKey', target: target.accessKeyId };
    if (isTemporary(target)) {
      ctx.notApplicable({ ...action, detail: 'temporary credentials: the deny policy revokes the session' });
      return;
    }
    const userName = userNameOf(ctx);
    if (userName === undefined) throw new Error(`No IAM user is known for access key ${target.accessKeyId}`);
    const iam = client(ctx.env, IAMClient, 'iam');
    let status: string | undefined;
    try {
      const keys = await iam.send(new ListAccessKeysCommand({ UserName: userName }));
      status = keys.AccessKeyMetadata?.find((k) => k.AccessKeyId === target.accessKeyId)?.Status;
    } catch (error) {
      if (errorCode(error) !== 'NoSuchEntity') throw error;
    }
    ctx.data['userName'] = userName;
    if (status === undefined) {
      ctx.skip({ ...action, detail: `no such key for user ${userName} (already deleted)` });
      return;
    }
    if (status === 'Inactive') {
      ctx.skip({ ...action, detail: 'already inactive' });
      return;
    }
    await ctx.perform({ ...action, detail: `Status=Inactive (user ${userName})` }, () =>
      iam.send(new UpdateAccessKeyCommand({ UserName: userName, AccessKeyId: target.accessKeyId, Status: 'Inactive' })),
    );
  },
});

export const handler = lambdaHandler(step);
