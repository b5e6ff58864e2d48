import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { StepResult } from '../../../src/index.js';
import { handler as notify } from '../../../src/steps/common/notify.js';
import { handler as recordTimeline } from '../../../src/steps/common/record-timeline.js';
import { incident, lambdaContext, STARTED_AT, state, TOPIC } from '../../fixtures/incidents.js';

const s3 = mockClient(S3Client);
const sns = mockClient(SNSClient);
const ctx = lambdaContext();

const deactivated: StepResult = {
  step: 'deactivate-access-key',
  status: 'completed',
  startedAt: '2026-11-29T08:00:02.000Z',
  finishedAt: '2026-11-29T08:00:03.000Z',
  actions: [
    { action: 'iam:UpdateAccessKey', target: 'AKIAIOSFODNN7EXAMPLE', status: 'done', detail: 'Status=Inactive' },
  ],
  evidence: [],
};
const recorded: StepResult = {
  step: 'record-key-last-use',
  status: 'no-change',
  startedAt: '2026-11-29T08:00:01.000Z',
  finishedAt: '2026-11-29T08:00:01.500Z',
  actions: [{ action: 's3:PutObject', target: 's3://rampart-evidence/x', status: 'done', detail: 'evidence' }],
  evidence: ['incidents/f1a2b3c4d5e6/run-1/record-key-last-use/access-key.json'],
};

beforeEach(() => {
  s3.reset();
  sns.reset();
  s3.on(PutObjectCommand).resolves({});
  sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
});

describe('notify', () => {
  it('publishes a summary listing every action', async () => {
    await notify(state(incident('compromised-access-key'), { deactivateAccessKey: deactivated }), ctx);
    const input = sns.commandCalls(PublishCommand)[0]!.args[0].input;
    expect(input.TopicArn).toBe(TOPIC);
    expect(input.Subject).toBe('[Rampart] compromised-access-key contained: access key AKIAIOSFODNN7EXAMPLE');
    expect(input.Message).toContain('- done iam:UpdateAccessKey AKIAIOSFODNN7EXAMPLE (Status=Inactive)');
  });

  it('reports a failure with its error', async () => {
    const failed = {
      ...state(incident('ec2-compromise')),
      error: { Error: 'IsolationGroupMissingError', Cause: 'no group' },
    };
    await notify(failed, ctx);
    const input = sns.commandCalls(PublishCommand)[0]!.args[0].input;
    expect(input.Subject).toBe('[Rampart] ec2-compromise FAILED: instance i-0123456789abcdef0');
    expect(input.Message).toContain('Error: IsolationGroupMissingError: no group');
  });

  it('dry run: publishes nothing', async () => {
    const result = await notify(state(incident('compromised-access-key', { dryRun: true })), ctx);
    expect(result.actions[0]).toMatchObject({ action: 'sns:Publish', status: 'planned' });
    expect(sns).not.toHaveReceivedCommand(PublishCommand);
  });
});

describe('record-timeline', () => {
  it('writes one timeline per run with the steps in time order and the evidence keys', async () => {
    const result = await recordTimeline(
      state(incident('compromised-access-key'), { deactivateAccessKey: deactivated, recordKeyLastUse: recorded }),
      ctx,
    );
    const put = s3.commandCalls(PutObjectCommand)[0]!.args[0].input;
    expect(put.Key).toBe('incidents/f1a2b3c4d5e6/run-1/timeline.json');
    expect(put.ServerSideEncryption).toBe('aws:kms');
    const timeline = JSON.parse(String(put.Body));
    expect(timeline).toMatchObject({ outcome: 'succeeded', startedAt: STARTED_AT, dryRun: false });
    expect(timeline.entries.map((e: { step: string; status: string }) => `${e.step}:${e.status}`)).toEqual([
      'start-incident:started',
      'record-key-last-use:done',
      'deactivate-access-key:done',
    ]);
    expect(timeline.evidence).toEqual(recorded.evidence);
    expect(result.data).toMatchObject({
      timelineKey: 'incidents/f1a2b3c4d5e6/run-1/timeline.json',
      outcome: 'succeeded',
    });
  });

  it('records a failed run with its error', async () => {
    await recordTimeline(
      { ...state(incident('public-s3-exposure')), error: { Error: 'ResourceNotFoundError', Cause: 'gone' } },
      ctx,
    );
    const timeline = JSON.parse(String(s3.commandCalls(PutObjectCommand)[0]!.args[0].input.Body));
    expect(timeline).toMatchObject({ outcome: 'failed', error: { Error: 'ResourceNotFoundError' } });
  });

  it('rejects a state without a valid incident', async () => {
    await expect(recordTimeline({ incident: { playbook: 'nope' } } as never, ctx)).rejects.toThrow();
  });
});
