import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import {
  GetAccessKeyLastUsedCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  IAMClient,
  ListAccessKeysCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ThrottledError } from '../../../src/index.js';
import {
  handler as attachDeny,
  DENY_POLICY_NAME,
  denyPolicy,
} from '../../../src/steps/access-key/attach-deny-policy.js';
import { handler as collectEvents } from '../../../src/steps/access-key/collect-cloudtrail-events.js';
import { handler as deactivate } from '../../../src/steps/access-key/deactivate-access-key.js';
import { handler as recordLastUse } from '../../../src/steps/access-key/record-key-last-use.js';
import {
  awsError,
  BUCKET,
  changes,
  incident,
  KMS_KEY,
  lambdaContext,
  STARTED_AT,
  state,
  throttled,
} from '../../fixtures/incidents.js';

const iam = mockClient(IAMClient);
const s3 = mockClient(S3Client);
const cloudTrail = mockClient(CloudTrailClient);
const KEY = 'AKIAIOSFODNN7EXAMPLE';
const ctx = lambdaContext();

beforeEach(() => {
  iam.reset();
  s3.reset();
  cloudTrail.reset();
  s3.on(PutObjectCommand).resolves({});
});

function keys(status: 'Active' | 'Inactive') {
  return {
    AccessKeyMetadata: [{ AccessKeyId: KEY, UserName: 'alice', Status: status, CreateDate: new Date('2026-01-01') }],
  };
}

describe('record-key-last-use', () => {
  it('saves the key status and last use as SSE-KMS evidence', async () => {
    iam.on(GetAccessKeyLastUsedCommand).resolves({
      UserName: 'alice',
      AccessKeyLastUsed: { LastUsedDate: new Date('2026-11-29T07:55:00Z'), ServiceName: 's3', Region: 'eu-west-1' },
    });
    iam.on(ListAccessKeysCommand).resolves(keys('Active'));
    const result = await recordLastUse(state(incident('compromised-access-key')), ctx);
    expect(result.status).toBe('no-change');
    expect(result.data).toMatchObject({
      userName: 'alice',
      status: 'Active',
      lastUsedDate: '2026-11-29T07:55:00.000Z',
    });
    expect(s3).toHaveReceivedCommandWith(PutObjectCommand, {
      Bucket: BUCKET,
      Key: 'incidents/f1a2b3c4d5e6/run-1/record-key-last-use/access-key.json',
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: KMS_KEY,
    });
    const body = JSON.parse(String(s3.commandCalls(PutObjectCommand)[0]!.args[0].input.Body));
    expect(body).toMatchObject({ accessKeyId: KEY, lastUsedService: 's3', status: 'Active' });
  });

  it('not applicable: a temporary (ASIA) key has no last-use record', async () => {
    const inc = incident('compromised-access-key', {
      target: { type: 'access-key', accessKeyId: 'ASIAIOSFODNN7EXAMPLE', roleName: 'app' },
    });
    const result = await recordLastUse(state(inc), ctx);
    expect(result.status).toBe('not-applicable');
    expect(iam.calls()).toHaveLength(0);
  });
});

describe('deactivate-access-key', () => {
  it('sets an active key Inactive', async () => {
    iam.on(ListAccessKeysCommand).resolves(keys('Active'));
    iam.on(UpdateAccessKeyCommand).resolves({});
    const result = await deactivate(state(incident('compromised-access-key')), ctx);
    expect(result.status).toBe('completed');
    expect(iam).toHaveReceivedCommandWith(UpdateAccessKeyCommand, {
      UserName: 'alice',
      AccessKeyId: KEY,
      Status: 'Inactive',
    });
  });

  it('key already inactive: changes nothing (idempotent re-run)', async () => {
    iam.on(ListAccessKeysCommand).resolves(keys('Inactive'));
    const result = await deactivate(state(incident('compromised-access-key')), ctx);
    expect(result.status).toBe('no-change');
    expect(result.actions).toEqual([
      { action: 'iam:UpdateAccessKey', target: KEY, status: 'skipped', detail: 'already inactive' },
    ]);
    expect(iam).not.toHaveReceivedCommand(UpdateAccessKeyCommand);
  });

  it('key already deleted: nothing to deactivate', async () => {
    iam.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [] });
    const result = await deactivate(state(incident('compromised-access-key')), ctx);
    expect(result.actions[0]).toMatchObject({
      status: 'skipped',
      detail: 'no such key for user alice (already deleted)',
    });
  });

  it('dry run: reports the deactivation without making it', async () => {
    iam.on(ListAccessKeysCommand).resolves(keys('Active'));
    const result = await deactivate(state(incident('compromised-access-key', { dryRun: true })), ctx);
    expect(result.status).toBe('dry-run');
    expect(result.actions[0]).toMatchObject({ action: 'iam:UpdateAccessKey', status: 'planned' });
    expect(iam).not.toHaveReceivedCommand(UpdateAccessKeyCommand);
  });

  it('takes the user name that record-key-last-use found when the finding had none', async () => {
    iam.on(ListAccessKeysCommand).resolves(keys('Active'));
    const inc = incident('compromised-access-key', { target: { type: 'access-key', accessKeyId: KEY } });
    const prior = state(inc, {
      recordKeyLastUse: {
        step: 'record-key-last-use',
        status: 'no-change',
        startedAt: STARTED_AT,
        finishedAt: STARTED_AT,
        actions: [],
        evidence: [],
        data: { userName: 'alice' },
      },
    });
    await deactivate(prior, ctx);
    expect(iam).toHaveReceivedCommandWith(UpdateAccessKeyCommand, { UserName: 'alice' });
  });

  it('throttling that outlasts the SDK retries becomes ThrottledError, which the state machine retries', async () => {
    iam.on(ListAccessKeysCommand).rejects(throttled());
    await expect(deactivate(state(incident('compromised-access-key')), ctx)).rejects.toThrow(ThrottledError);
    await expect(deactivate(state(incident('compromised-access-key')), ctx)).rejects.toMatchObject({
      name: 'ThrottledError',
      message: expect.stringContaining('ThrottlingException'),
    });
  });
});

describe('attach-deny-policy', () => {
  it('attaches deny-all for credentials issued before the run started (aws:TokenIssueTime)', async () => {
    iam.on(GetUserPolicyCommand).rejects(awsError('NoSuchEntity'));
    iam.on(PutUserPolicyCommand).resolves({});
    const result = await attachDeny(state(incident('compromised-access-key')), ctx);
    expect(result.status).toBe('completed');
    const put = iam.commandCalls(PutUserPolicyCommand)[0]!.args[0].input;
    expect(put).toMatchObject({ UserName: 'alice', PolicyName: DENY_POLICY_NAME });
    expect(JSON.parse(put.PolicyDocument!)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'RampartIncidentRevokeOlderSessions',
          Effect: 'Deny',
          Action: '*',
          Resource: '*',
          Condition: { DateLessThan: { 'aws:TokenIssueTime': STARTED_AT } },
        },
      ],
    });
  });

  it('policy already attached by this run: changes nothing', async () => {
    iam.on(GetUserPolicyCommand).resolves({ PolicyDocument: encodeURIComponent(denyPolicy(STARTED_AT)) });
    const result = await attachDeny(state(incident('compromised-access-key')), ctx);
    expect(result.status).toBe('no-change');
    expect(iam).not.toHaveReceivedCommand(PutUserPolicyCommand);
  });

  it('policy from an earlier run: moves the revocation time forward', async () => {
    iam
      .on(GetUserPolicyCommand)
      .resolves({ PolicyDocument: encodeURIComponent(denyPolicy('2026-11-01T00:00:00.000Z')) });
    iam.on(PutUserPolicyCommand).resolves({});
    await attachDeny(state(incident('compromised-access-key')), ctx);
    expect(iam).toHaveReceivedCommandTimes(PutUserPolicyCommand, 1);
  });

  it('a temporary key of a role: revokes the role sessions', async () => {
    iam.on(GetRolePolicyCommand).rejects(awsError('NoSuchEntity'));
    iam.on(PutRolePolicyCommand).resolves({});
    const inc = incident('compromised-access-key', {
      target: { type: 'access-key', accessKeyId: 'ASIAIOSFODNN7EXAMPLE', roleName: 'app' },
    });
    const result = await attachDeny(state(inc), ctx);
    expect(changes(result)).toEqual(['iam:PutRolePolicy']);
    expect(iam).toHaveReceivedCommandWith(PutRolePolicyCommand, { RoleName: 'app', PolicyName: DENY_POLICY_NAME });
  });

  it('dry run: reads, plans, writes nothing', async () => {
    iam.on(GetUserPolicyCommand).rejects(awsError('NoSuchEntity'));
    const result = await attachDeny(state(incident('compromised-access-key', { dryRun: true })), ctx);
    expect(result.status).toBe('dry-run');
    expect(iam).not.toHaveReceivedCommand(PutUserPolicyCommand);
  });

  it('fails on errors other than "no such policy"', async () => {
    iam.on(GetUserPolicyCommand).rejects(awsError('AccessDenied', 'not authorized'));
    await expect(attachDeny(state(incident('compromised-access-key')), ctx)).rejects.toThrow('not authorized');
  });
});

describe('collect-cloudtrail-events', () => {
  // moto 5.2 does not implement CloudTrail LookupEvents, so this path is covered here only.
  it('pages through the events of the key and of its user, de-duplicated, and saves them', async () => {
    const event = (id: string, time: string) => ({
      EventId: id,
      EventName: 'ListBuckets',
      EventTime: new Date(time),
      EventSource: 's3.amazonaws.com',
      AccessKeyId: KEY,
      CloudTrailEvent: JSON.stringify({ eventID: id, sourceIPAddress: '198.51.100.7' }),
    });
    cloudTrail
      .on(LookupEventsCommand, { LookupAttributes: [{ AttributeKey: 'AccessKeyId', AttributeValue: KEY }] })
      .resolvesOnce({ Events: [event('e1', '2026-11-29T07:00:00Z')], NextToken: 'p2' })
      .resolvesOnce({ Events: [event('e2', '2026-11-29T07:30:00Z')] });
    cloudTrail
      .on(LookupEventsCommand, { LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'alice' }] })
      .resolves({ Events: [event('e2', '2026-11-29T07:30:00Z'), event('e3', '2026-11-28T07:30:00Z')] });
    const result = await collectEvents(state(incident('compromised-access-key')), ctx);
    expect(cloudTrail).toHaveReceivedCommandTimes(LookupEventsCommand, 3);
    // Seven days before the run started, by default.
    expect(cloudTrail.commandCalls(LookupEventsCommand)[0]!.args[0].input.StartTime).toEqual(
      new Date('2026-11-22T08:00:00.000Z'),
    );
    expect(result.data).toMatchObject({ events: 3, truncated: false, sourceIps: ['198.51.100.7'] });
    const body = JSON.parse(String(s3.commandCalls(PutObjectCommand)[0]!.args[0].input.Body));
    expect(body.events.map((e: { eventId: string }) => e.eventId)).toEqual(['e3', 'e1', 'e2']);
  });

  it('LookupEvents throttling (2 requests/s per account) becomes ThrottledError', async () => {
    cloudTrail.on(LookupEventsCommand).rejects(throttled());
    await expect(collectEvents(state(incident('compromised-access-key')), ctx)).rejects.toThrow(ThrottledError);
  });

  it('dry run: reads the events but saves nothing', async () => {
    cloudTrail.on(LookupEventsCommand).resolves({ Events: [] });
    const result = await collectEvents(state(incident('compromised-access-key', { dryRun: true })), ctx);
    expect(result.actions).toEqual([
      expect.objectContaining({ action: 's3:PutObject', status: 'planned', detail: 'evidence' }),
    ]);
    expect(s3).not.toHaveReceivedCommand(PutObjectCommand);
  });
});
