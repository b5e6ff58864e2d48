import { describe, expect, it } from 'vitest';
import { RuleConfigurationError } from '../../src/errors.js';
import { parseEvent } from '../../src/event.js';
import { ACCOUNT, changeEvent, configItem, oversizedEvent, scheduledEvent } from '../fixtures/events.js';

function failure(raw: unknown): string {
  try {
    parseEvent(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(RuleConfigurationError);
    return (error as Error).message;
  }
  throw new Error('parseEvent accepted the event');
}

/** A change event whose invoking event is `invoking` as given. */
function withInvoking(invoking: unknown): Record<string, unknown> {
  return { ...changeEvent(configItem('volume-unencrypted')), invokingEvent: JSON.stringify(invoking) };
}

describe('parseEvent', () => {
  it('reads a change notification: the item as sent, unknown top-level fields dropped', () => {
    const item = configItem('volume-unencrypted');
    const raw = { ...changeEvent(item, { ruleParameters: { controlId: 'encrypted-volumes', kmsId: 'k' } }), extra: 1 };
    const parsed = parseEvent(raw);
    expect(parsed.controlId).toBe('encrypted-volumes');
    expect(parsed.controlParameters).toEqual({ kmsId: 'k' });
    expect(parsed.executionRoleName).toBeUndefined();
    expect(parsed.event).not.toHaveProperty('extra');
    expect(parsed.event).toMatchObject({ accountId: ACCOUNT, configRuleName: 'rampart-encrypted-volumes' });
    expect(parsed.invoking).toEqual({
      messageType: 'ConfigurationItemChangeNotification',
      configurationItem: item,
      configurationItemDiff: null,
      notificationCreationTime: '2026-11-29T08:15:05.120Z',
      recordVersion: '1.3',
    });
  });

  it('reads an oversized notification and keeps the summary fields it does not check', () => {
    const parsed = parseEvent(oversizedEvent(configItem('volume-unencrypted')));
    expect(parsed.invoking.messageType).toBe('OversizedConfigurationItemChangeNotification');
    const summary = (parsed.invoking as { configurationItemSummary: Record<string, unknown> }).configurationItemSummary;
    expect(summary['changeType']).toBe('UPDATE');
    expect(parsed.invoking).not.toHaveProperty('s3DeliverySummary');
  });

  it('reads a scheduled notification and the execution role name', () => {
    const parsed = parseEvent(
      scheduledEvent({ ruleParameters: { controlId: 'iam-password-policy', ExecutionRoleName: 'Audit' } }),
    );
    expect(parsed.invoking).toEqual({
      messageType: 'ScheduledNotification',
      awsAccountId: ACCOUNT,
      notificationCreationTime: '2026-11-29T09:00:00.000Z',
      recordVersion: '1.0',
    });
    expect(parsed.executionRoleName).toBe('Audit');
  });

  it('accepts a capture time in epoch seconds and a null ARN', () => {
    const item = { ...configItem('volume-unencrypted'), configurationItemCaptureTime: 1764403200, ARN: null };
    const parsed = parseEvent(changeEvent(item));
    expect(parsed.invoking).toMatchObject({
      configurationItem: { configurationItemCaptureTime: 1764403200, ARN: null },
    });
  });

  it('names every problem of the outer event with its field', () => {
    expect(failure({ hello: 'world' })).toBe(
      'Not an AWS Config rule event: invokingEvent: expected a string, got nothing; ' +
        'resultToken: expected a string, got nothing; configRuleName: expected a string, got nothing; ' +
        'accountId: expected a string, got nothing',
    );
    const raw = changeEvent(configItem('volume-unencrypted'));
    expect(failure({ ...raw, accountId: '1234', eventLeftScope: 'no', version: null })).toBe(
      'Not an AWS Config rule event: version: expected a string, got null; eventLeftScope: expected a boolean, got string; ' +
        'accountId: must match /^\\d{12}$/',
    );
    expect(failure([raw])).toBe('Not an AWS Config rule event: (root): expected an object, got array');
    expect(failure({ ...raw, resultToken: '' })).toBe('Not an AWS Config rule event: resultToken: must not be empty');
  });

  it('refuses an invoking event that is not JSON, of an unknown type, or missing what the rule reads', () => {
    expect(failure({ ...changeEvent(configItem('volume-unencrypted')), invokingEvent: '{oops' })).toMatch(
      /^invokingEvent is not valid JSON: /,
    );
    expect(failure(withInvoking({ messageType: 'ConfigurationSnapshotDeliveryCompleted' }))).toBe(
      'Unsupported invokingEvent: messageType: expected one of ConfigurationItemChangeNotification, ' +
        'OversizedConfigurationItemChangeNotification, ScheduledNotification, got "ConfigurationSnapshotDeliveryCompleted"',
    );
    const { resourceId: _, ...item } = configItem('volume-unencrypted');
    expect(
      failure(
        withInvoking({
          messageType: 'ConfigurationItemChangeNotification',
          configurationItem: { ...item, configurationItemCaptureTime: {} },
          notificationCreationTime: '2026-11-29T08:15:05.120Z',
        }),
      ),
    ).toBe(
      'Unsupported invokingEvent: configurationItem.resourceId: expected a string, got nothing; ' +
        'configurationItem.configurationItemCaptureTime: expected a string or a number, got object',
    );
    expect(
      failure(
        withInvoking({
          messageType: 'OversizedConfigurationItemChangeNotification',
          configurationItemSummary: { ...item, resourceId: 'vol-1', configurationItemCaptureTime: null },
          notificationCreationTime: '2026-11-29T08:15:05.120Z',
        }),
      ),
    ).toBe(
      'Unsupported invokingEvent: configurationItemSummary.configurationItemCaptureTime: expected a string, got null',
    );
    expect(failure(withInvoking({ messageType: 'ScheduledNotification', notificationCreationTime: 5 }))).toBe(
      'Unsupported invokingEvent: notificationCreationTime: expected a string, got number; ' +
        'awsAccountId: expected a string, got nothing',
    );
    expect(
      failure(withInvoking({ messageType: 'ConfigurationItemChangeNotification', notificationCreationTime: 'x' })),
    ).toBe('Unsupported invokingEvent: configurationItem: expected an object, got nothing');
  });

  it('refuses rule parameters without a control id or with a bad role name', () => {
    const raw = changeEvent(configItem('volume-unencrypted'));
    expect(failure({ ...raw, ruleParameters: '[]' })).toBe('ruleParameters must be a JSON object');
    expect(failure({ ...raw, ruleParameters: '{}' })).toMatch(/has no "controlId" in its InputParameters/);
    expect(failure({ ...raw, ruleParameters: '{"controlId":"x","ExecutionRoleName":"a b"}' })).toBe(
      'ExecutionRoleName must be an IAM role name',
    );
  });
});
