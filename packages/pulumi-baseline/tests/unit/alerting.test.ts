import { parsePolicy } from '@rampart/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, deploy, installMocks, ofType, one, resourcesOf } from './helpers/mocks.js';

await installMocks();
const { Alerting } = await import('../../src/index.js');

const KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/alerts`;

function pattern(name: string) {
  const rule = ofType(resourcesOf('alerts'), 'aws:cloudwatch/eventRule:EventRule').find(
    (r) => r.name === `alerts-${name}`,
  )!;
  return JSON.parse(rule.inputs.eventPattern);
}

describe('Alerting', () => {
  beforeAll(() => deploy(() => new Alerting('alerts', { kmsKeyArn: KEY, emails: ['sec@example.com'] })));

  it('publishes to a KMS-encrypted topic that only EventBridge in this account may publish to', () => {
    expect(one(resourcesOf('alerts'), 'aws:sns/topic:Topic').inputs.kmsMasterKeyId).toBe(KEY);
    const policy = parsePolicy(one(resourcesOf('alerts'), 'aws:sns/topicPolicy:TopicPolicy').inputs.policy);
    const publish = policy.statements.find((s) => s.sid === 'EventBridgePublishes')!;
    expect(publish.principals).toEqual({ Service: ['events.amazonaws.com'] });
    expect(publish.condition['StringEquals']?.['aws:SourceAccount']).toEqual([ACCOUNT]);
    expect(one(resourcesOf('alerts'), 'aws:sns/topicSubscription:TopicSubscription').inputs.protocol).toBe('email');
  });

  it('has one rule and target per alert', () => {
    expect(ofType(resourcesOf('alerts'), 'aws:cloudwatch/eventRule:EventRule')).toHaveLength(5);
    expect(ofType(resourcesOf('alerts'), 'aws:cloudwatch/eventTarget:EventTarget')).toHaveLength(5);
  });

  it('alerts on GuardDuty severity >= 7 and failed critical/high Security Hub controls', () => {
    expect(pattern('guardduty').detail).toEqual({ severity: [{ numeric: ['>=', 7] }] });
    const hub = pattern('security-hub').detail.findings;
    expect(hub.Compliance).toEqual({ Status: ['FAILED'] });
    expect(hub.Severity).toEqual({ Label: ['CRITICAL', 'HIGH'] });
  });

  it('alerts on root sign-in, CloudTrail being stopped and IAM policy changes', () => {
    expect(pattern('root-sign-in').detail).toEqual({ userIdentity: { type: ['Root'] } });
    expect(pattern('cloudtrail-stopped').detail.eventName).toContain('StopLogging');
    expect(pattern('iam-policy-change').detail.eventName).toEqual(
      expect.arrayContaining(['PutRolePolicy', 'AttachUserPolicy', 'CreatePolicyVersion', 'DeletePolicy']),
    );
  });

  it('fails with clear messages on bad args', () => {
    expect(() => new Alerting('bad', { kmsKeyArn: KEY, emails: ['nope'] })).toThrow(
      'Invalid Alerting args for "bad": emails.0',
    );
    expect(() => new Alerting('bad', { kmsKeyArn: KEY, rules: ['everything' as 'guardduty'] })).toThrow('rules.0');
  });
});
