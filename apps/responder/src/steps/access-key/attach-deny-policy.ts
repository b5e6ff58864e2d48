import {
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  IAMClient,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { client } from '../../clients.js';
import { errorCode } from '../../errors.js';
import { defineStep, lambdaHandler } from '../../step.js';
import { accessKeyTarget, userNameOf } from './principal.js';

/** The inline policy's name on the user or role. */
export const DENY_POLICY_NAME = 'rampart-incident-revoke-sessions';

/**
 * Deny everything to credentials issued before `revokeBefore`: every session the attacker may have created
 * with the key (GetSessionToken, GetFederationToken, AssumeRole of the role) stops working, while the
 * owner can sign in again and get new ones once the incident is closed.
 */
export function denyPolicy(revokeBefore: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'RampartIncidentRevokeOlderSessions',
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { DateLessThan: { 'aws:TokenIssueTime': revokeBefore } },
      },
    ],
  });
}

/** The revocation time of an existing deny policy of ours, if it is one. */
export function revocationTime(document: string | undefined): string | undefined {
  if (document === undefined) return undefined;
  try {
    const doc = JSON.parse(decodeURIComponent(document));
    const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
    const time = statements.find((s: { Sid?: string }) => s?.Sid === 'RampartIncidentRevokeOlderSessions')?.Condition
      ?.DateLessThan?.['aws:TokenIssueTime'];
    return typeof time === 'string' ? time : undefined;
  } catch {
    return undefined;
  }
}

export const step = defineStep({
  id: 'attach-deny-policy',
  description:
    'Attaches an inline deny-all policy to the key owner for credentials issued before the run started (aws:TokenIssueTime)',
  playbooks: ['compromised-access-key'],
  permissions: [
    {
      sid: 'RevokeUserSessions',
      actions: ['iam:GetUserPolicy', 'iam:PutUserPolicy'],
      resources: ['arn:{partition}:iam::{account}:user/*'],
    },
    {
      sid: 'RevokeRoleSessions',
      actions: ['iam:GetRolePolicy', 'iam:PutRolePolicy'],
      resources: ['arn:{partition}:iam::{account}:role/*'],
    },
  ],
  async run(ctx) {
    const target = accessKeyTarget(ctx);
    const userName = userNameOf(ctx);
    const roleName = target.roleName;
    const principal =
      userName !== undefined
        ? { kind: 'user', name: userName }
        : roleName !== undefined
          ? { kind: 'role', name: roleName }
          : undefined;
    if (principal === undefined) throw new Error(`No IAM user or role is known for access key ${target.accessKeyId}`);
    const iam = client(ctx.env, IAMClient, 'iam');
    const revokeBefore = ctx.incident.startedAt;
    let existing: string | undefined;
    try {
      const out =
        principal.kind === 'user'
          ? await iam.send(new GetUserPolicyCommand({ UserName: principal.name, PolicyName: DENY_POLICY_NAME }))
          : await iam.send(new GetRolePolicyCommand({ RoleName: principal.name, PolicyName: DENY_POLICY_NAME }));
      existing = out.PolicyDocument;
    } catch (error) {
      if (errorCode(error) !== 'NoSuchEntity') throw error;
    }
    const current = revocationTime(existing);
    const action = {
      action: principal.kind === 'user' ? 'iam:PutUserPolicy' : 'iam:PutRolePolicy',
      target: `${principal.kind}/${principal.name}`,
    };
    ctx.data['principal'] = action.target;
    ctx.data['revokeBefore'] = revokeBefore;
    // A later revocation time is stricter, so an earlier run's policy is replaced, a same or later one kept.
    if (current !== undefined && Date.parse(current) >= Date.parse(revokeBefore)) {
      ctx.skip({ ...action, detail: `${DENY_POLICY_NAME} already denies credentials issued before ${current}` });
      return;
    }
    const policy = denyPolicy(revokeBefore);
    await ctx.perform(
      { ...action, detail: `${DENY_POLICY_NAME}: deny * when aws:TokenIssueTime < ${revokeBefore}` },
      () =>
        principal.kind === 'user'
          ? iam.send(
              new PutUserPolicyCommand({
                UserName: principal.name,
                PolicyName: DENY_POLICY_NAME,
                PolicyDocument: policy,
              }),
            )
          : iam.send(
              new PutRolePolicyCommand({
                RoleName: principal.name,
                PolicyName: DENY_POLICY_NAME,
                PolicyDocument: policy,
              }),
            ),
    );
  },
});

export const handler = lambdaHandler(step);
