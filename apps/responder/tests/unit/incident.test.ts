import { describe, expect, it } from 'vitest';
import { IncidentInputError, incidentIdFor, parseIncident } from '../../src/index.js';
import { handler as start } from '../../src/steps/common/start-incident.js';
import {
  accessAnalyzerBucketFinding,
  guardDutyInstanceFinding,
  guardDutyKeyFinding,
  securityHubBucketFinding,
  securityHubKeyCustomAction,
} from '../fixtures/events.js';
import { ACCOUNT, lambdaContext, REGION } from '../fixtures/incidents.js';

const NOW = new Date('2026-11-29T08:00:00Z');
const defaults = { accountId: ACCOUNT, region: REGION };

describe('parseIncident', () => {
  it('reads a GuardDuty UnauthorizedAccess:IAMUser finding', () => {
    const incident = parseIncident(
      {
        input: guardDutyKeyFinding(),
        playbook: 'compromised-access-key',
        executionId: `arn:aws:states:${REGION}:${ACCOUNT}:execution:rampart-compromised-access-key:exec-42`,
        executionStartTime: '2026-11-29T08:00:01.5Z',
      },
      NOW,
      defaults,
    );
    expect(incident).toMatchObject({
      playbook: 'compromised-access-key',
      incidentId: '7ec5b1c1a8a2d3e4f5a6b7c8d9e0f1a2',
      source: 'guardduty',
      runId: 'exec-42',
      startedAt: '2026-11-29T08:00:01.500Z',
      dryRun: false,
      target: { type: 'access-key', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', userName: 'alice' },
    });
  });

  it('reads a GuardDuty EC2 finding', () => {
    const incident = parseIncident({ input: guardDutyInstanceFinding(), playbook: 'ec2-compromise' }, NOW, defaults);
    expect(incident.target).toEqual({ type: 'ec2-instance', instanceId: 'i-0123456789abcdef0' });
    expect(incident.runId).toBe('manual-20261129080000000');
  });

  it('reads Security Hub imported findings and custom actions, hashing ARN finding ids into a stable incident id', () => {
    const imported = parseIncident(
      { input: securityHubBucketFinding(), playbook: 'public-s3-exposure' },
      NOW,
      defaults,
    );
    expect(imported.target).toEqual({ type: 's3-bucket', bucketName: 'exposed-bucket' });
    expect(imported.incidentId).toMatch(/^public-s3-exposure-[0-9a-f]{32}$/);
    expect(imported.incidentId).toBe(incidentIdFor('public-s3-exposure', imported.findingId));
    const action = parseIncident(
      { input: securityHubKeyCustomAction(), playbook: 'compromised-access-key' },
      NOW,
      defaults,
    );
    expect(action.source).toBe('security-hub-custom-action');
    expect(action.target).toEqual({ type: 'access-key', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', userName: 'alice' });
  });

  it('reads an Access Analyzer finding', () => {
    const incident = parseIncident(
      { input: accessAnalyzerBucketFinding(), playbook: 'public-s3-exposure' },
      NOW,
      defaults,
    );
    expect(incident).toMatchObject({
      source: 'access-analyzer',
      findingId: 'aa-5f2b',
      target: { bucketName: 'exposed-bucket' },
    });
  });

  it('takes dryRun and stopInstance from a manual request over the definition defaults', () => {
    const incident = parseIncident(
      {
        input: { instanceId: 'i-0123456789abcdef0', findingId: 'ticket-7', dryRun: true, stopInstance: true },
        playbook: 'ec2-compromise',
        defaultDryRun: false,
      },
      NOW,
      defaults,
    );
    expect(incident).toMatchObject({ source: 'manual', dryRun: true, stopInstance: true, incidentId: 'ticket-7' });
    const automatic = parseIncident(
      { input: guardDutyInstanceFinding(), playbook: 'ec2-compromise', defaultDryRun: true },
      NOW,
      defaults,
    );
    expect(automatic.dryRun).toBe(true);
    // A custom action is a person's decision: it enforces even where automatic runs only plan.
    const chosen = parseIncident(
      { input: securityHubKeyCustomAction(), playbook: 'compromised-access-key', defaultDryRun: true },
      NOW,
      defaults,
    );
    expect(chosen.dryRun).toBe(false);
  });

  it('rejects input it cannot act on, naming the field', () => {
    expect(() =>
      parseIncident({ input: { bucketName: 'Not_A_Bucket' }, playbook: 'public-s3-exposure' }, NOW, defaults),
    ).toThrow(/target.bucketName: must be a bucket name/);
    expect(() =>
      parseIncident({ input: guardDutyInstanceFinding(), playbook: 'compromised-access-key' }, NOW, defaults),
    ).toThrow(IncidentInputError);
    expect(() =>
      parseIncident(
        { input: { 'detail-type': 'EC2 Instance State-change Notification' }, playbook: 'ec2-compromise' },
        NOW,
        defaults,
      ),
    ).toThrow('Event type "EC2 Instance State-change Notification" does not start the ec2-compromise playbook');
    expect(() =>
      parseIncident({ input: securityHubBucketFinding(), playbook: 'ec2-compromise' }, NOW, defaults),
    ).toThrow('No AwsEc2Instance resource');
  });
});

describe('start-incident handler', () => {
  it('returns the incident and an empty step record, with the account from the function ARN', async () => {
    const out = await start(
      {
        input: { bucketName: 'exposed-bucket' },
        playbook: 'public-s3-exposure',
        executionId: 'arn:aws:states:eu-west-1:111122223333:execution:x:run-9',
      },
      { ...lambdaContext(), invokedFunctionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:f' },
    );
    expect(out.steps).toEqual({});
    expect(out.incident).toMatchObject({ accountId: '111122223333', region: 'eu-west-1', runId: 'run-9' });
  });
});
