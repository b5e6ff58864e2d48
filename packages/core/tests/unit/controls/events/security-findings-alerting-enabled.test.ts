import { describe, expect, it } from 'vitest';
import { securityFindingsAlertingEnabled as control } from '../../../../src/controls/events/security-findings-alerting-enabled.js';
import { EventsAlertingRulesFact } from '../../../../src/index.js';
import { accountVerdict, factFixture, factItem, type Json } from '../../../helpers.js';

const rules = () => factFixture('events-alerting-rules');
const facts = (value: Json) => [factItem(EventsAlertingRulesFact, value)];

describe('security-findings-alerting-enabled', () => {
  it('compliant: GuardDuty and Security Hub findings reach a confirmed subscription', () => {
    const v = accountVerdict(control, facts(rules()));
    expect(v).toMatchObject({ compliance: 'COMPLIANT', resourceType: 'AWS::::Account', region: 'eu-west-1' });
    expect(v.annotation).toBe(
      'EventBridge sends findings to confirmed SNS subscribers in eu-west-1: aws.guardduty to acme-security-alerts, aws.securityhub to acme-security-alerts.',
    );
  });

  it('compliant: one rule for both sources, with prefix filters, as an object pattern', () => {
    const value = rules();
    value.rules = [
      {
        ...value.rules[0],
        name: 'all-findings',
        eventPattern: {
          $or: [
            { source: ['aws.guardduty'], 'detail-type': [{ prefix: 'GuardDuty' }] },
            { source: ['aws.securityhub'], 'detail-type': ['Security Hub Findings - Imported'] },
          ],
        },
      },
    ];
    expect(accountVerdict(control, facts(value)).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no rule for Security Hub findings', () => {
    const value = rules();
    value.rules = value.rules.filter((r: Json) => r.name !== 'securityhub-findings-to-sns');
    const v = accountVerdict(control, facts(value));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Security findings in eu-west-1 do not all reach people: no enabled rule matches aws.securityhub findings.',
    );
  });

  it('non-compliant: the rule is disabled, or on another event bus', () => {
    const disabled = rules();
    disabled.rules[0].state = 'DISABLED';
    expect(accountVerdict(control, facts(disabled)).annotation).toContain(
      'no enabled rule matches aws.guardduty findings',
    );
    const bus = rules();
    bus.rules[0].eventBusName = 'security';
    expect(accountVerdict(control, facts(bus)).annotation).toContain('no enabled rule matches aws.guardduty findings');
  });

  it('non-compliant: a pattern for other GuardDuty events does not carry findings', () => {
    const value = rules();
    value.rules[0].eventPattern = JSON.stringify({
      source: ['aws.guardduty'],
      'detail-type': ['GuardDuty Malware Protection Object Scan Result'],
    });
    expect(accountVerdict(control, facts(value)).annotation).toContain(
      'no enabled rule matches aws.guardduty findings',
    );
  });

  it('non-compliant: the rule targets no SNS topic', () => {
    const value = rules();
    value.rules[0].targets = [{ id: 'fn', arn: 'arn:aws:lambda:eu-west-1:123456789012:function:triage' }];
    expect(accountVerdict(control, facts(value)).annotation).toBe(
      'Security findings in eu-west-1 do not all reach people: rule guardduty-findings-to-sns sends aws.guardduty findings to no SNS topic.',
    );
  });

  it('non-compliant: the topic has only pending subscriptions', () => {
    const value = rules();
    value.topics[0].subscriptions = value.topics[0].subscriptions.filter(
      (s: Json) => s.subscriptionArn === 'PendingConfirmation',
    );
    expect(accountVerdict(control, facts(value)).annotation).toBe(
      'Security findings in eu-west-1 do not all reach people: topic acme-security-alerts for aws.guardduty findings has no confirmed subscription; topic acme-security-alerts for aws.securityhub findings has no confirmed subscription.',
    );
  });

  it('parameters: sources narrows or widens the finding sources', () => {
    const value = rules();
    value.rules = value.rules.filter((r: Json) => r.name !== 'securityhub-findings-to-sns');
    expect(accountVerdict(control, facts(value), { params: { sources: 'aws.guardduty' } }).compliance).toBe(
      'COMPLIANT',
    );
    expect(
      accountVerdict(control, facts(rules()), { params: { sources: 'aws.guardduty,aws.inspector2' } }).annotation,
    ).toBe('Security findings in eu-west-1 do not all reach people: no enabled rule matches aws.inspector2 findings.');
  });

  it('insufficient data: no alerting rules fact', () => {
    expect(accountVerdict(control, []).compliance).toBe('INSUFFICIENT_DATA');
  });
});
