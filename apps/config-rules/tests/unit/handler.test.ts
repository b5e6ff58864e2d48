import {
  BatchGetResourceConfigCommand,
  ConfigServiceClient,
  GetComplianceDetailsByConfigRuleCommand,
  GetResourceConfigHistoryCommand,
  ListDiscoveredResourcesCommand,
  PutEvaluationsCommand,
  type ResourceType,
} from '@aws-sdk/client-config-service';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EvaluationGapError, RuleConfigurationError, TimeBudgetError } from '../../src/errors.js';
import { createHandler } from '../../src/handler.js';
import { clearAssumedRoles } from '../../src/roles.js';
import {
  ACCOUNT,
  apiVolume,
  changeEvent,
  configItem,
  ENV,
  lambdaContext,
  NOTIFICATION_TIME,
  oversizedEvent,
  scheduledEvent,
} from '../fixtures/events.js';

const config = mockClient(ConfigServiceClient);
const sts = mockClient(STSClient);
// PutEvaluations through the SDK client, which aws-sdk-client-mock stands in for (the signed-request
// client is tested against a local endpoint in config-http.test.ts).
const handler = createHandler({ env: ENV, retryBaseMs: 1, collectorOptions: { readers: [] }, transport: 'sdk' });

type Put = {
  Evaluations?: {
    ComplianceResourceId?: string;
    ComplianceType?: string;
    Annotation?: string;
    OrderingTimestamp?: Date;
  }[];
  TestMode?: boolean;
  ResultToken?: string;
};
const puts = (): Put[] => config.commandCalls(PutEvaluationsCommand).map((c) => c.args[0].input as Put);

beforeEach(() => {
  config.reset();
  sts.reset();
  clearAssumedRoles();
  config.on(PutEvaluationsCommand).resolves({ FailedEvaluations: [] });
});
afterEach(() => {
  config.reset();
});

function volumes(n: number) {
  const ids = Array.from({ length: n }, (_, i) => `vol-${String(i).padStart(17, '0')}`);
  config.on(ListDiscoveredResourcesCommand).resolves({
    resourceIdentifiers: ids.map((id) => ({ resourceType: 'AWS::EC2::Volume', resourceId: id })),
  });
  config.on(BatchGetResourceConfigCommand).callsFake((input: { resourceKeys: { resourceId: string }[] }) => ({
    baseConfigurationItems: input.resourceKeys.map((k, i) => apiVolume(k.resourceId, i % 2 === 0)),
    unprocessedResourceKeys: [],
  }));
  return ids;
}

describe('ConfigurationItemChangeNotification', () => {
  it('non-compliant: evaluates the item and sends one evaluation with the capture time', async () => {
    const result = await handler(changeEvent(configItem('volume-unencrypted')), lambdaContext());
    expect(result).toMatchObject({ sent: 1, calls: 1, gaps: 0 });
    const [put] = puts();
    expect(put!.TestMode).toBe(false);
    expect(put!.ResultToken).toBe('eyJlbmNyeXB0ZWREYXRhIjpbLTEyOCwxMjQsLTExMV19');
    expect(put!.Evaluations).toEqual([
      expect.objectContaining({
        ComplianceResourceType: 'AWS::EC2::Volume',
        ComplianceResourceId: 'vol-0123456789abcdef0',
        ComplianceType: 'NON_COMPLIANT',
        OrderingTimestamp: new Date('2026-11-29T08:15:02.318Z'),
      }),
    ]);
    expect(put!.Evaluations![0]!.Annotation).toMatch(/vol-0123456789abcdef0|encrypt/i);
  });

  it('compliant: an encrypted volume, TestMode when the token is TESTMODE', async () => {
    const item = configItem('volume-unencrypted');
    (item['configuration'] as Record<string, unknown>)['encrypted'] = true;
    await handler(changeEvent(item, { resultToken: 'TESTMODE' }), lambdaContext());
    const [put] = puts();
    expect(put!.TestMode).toBe(true);
    expect(put!.Evaluations![0]!.ComplianceType).toBe('COMPLIANT');
  });

  it('not applicable: a deleted resource', async () => {
    const item = {
      ...configItem('volume-unencrypted'),
      configurationItemStatus: 'ResourceDeleted',
      configuration: null,
    };
    await handler(changeEvent(item), lambdaContext());
    expect(puts()[0]!.Evaluations).toEqual([
      expect.objectContaining({ ComplianceType: 'NOT_APPLICABLE', Annotation: 'The resource was deleted.' }),
    ]);
  });

  it('not applicable: the resource left the scope of the rule', async () => {
    await handler(changeEvent(configItem('volume-unencrypted'), { eventLeftScope: true }), lambdaContext());
    expect(puts()[0]!.Evaluations![0]!.ComplianceType).toBe('NOT_APPLICABLE');
  });

  it('fails clearly on an unknown control id, sending nothing', async () => {
    const event = changeEvent(configItem('volume-unencrypted'), { ruleParameters: { controlId: 'no-such-control' } });
    await expect(handler(event, lambdaContext())).rejects.toThrow(RuleConfigurationError);
    await expect(handler(event, lambdaContext())).rejects.toThrow(/no-such-control/);
    expect(puts()).toHaveLength(0);
  });

  it('fails clearly on a rule without controlId', async () => {
    const event = changeEvent(configItem('volume-unencrypted'), { ruleParameters: {} });
    await expect(handler(event, lambdaContext())).rejects.toThrow(/controlId/);
    expect(puts()).toHaveLength(0);
  });

  it('fails clearly on invalid rule parameters (never a silent COMPLIANT)', async () => {
    const event = changeEvent(configItem('volume-unencrypted'), {
      configRuleName: 'rampart-restricted-common-ports',
      ruleParameters: { controlId: 'restricted-common-ports', blockedPort1: 'not-a-port' },
    });
    await expect(handler(event, lambdaContext())).rejects.toThrow(
      /Invalid parameters for control restricted-common-ports/,
    );
    expect(puts()).toHaveLength(0);
  });

  it('fails on an event that is not a Config rule event', async () => {
    await expect(handler({ hello: 'world' }, lambdaContext())).rejects.toThrow(RuleConfigurationError);
  });

  it('retries a throttled PutEvaluations', async () => {
    config
      .on(PutEvaluationsCommand)
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))
      .resolves({ FailedEvaluations: [] });
    const result = await handler(changeEvent(configItem('volume-unencrypted')), lambdaContext());
    expect(config.commandCalls(PutEvaluationsCommand)).toHaveLength(3);
    expect(result.sent).toBe(1);
  });

  it('does not retry a validation error', async () => {
    config
      .on(PutEvaluationsCommand)
      .rejects(Object.assign(new Error('bad'), { name: 'InvalidParameterValueException' }));
    await expect(handler(changeEvent(configItem('volume-unencrypted')), lambdaContext())).rejects.toThrow('bad');
    expect(config.commandCalls(PutEvaluationsCommand)).toHaveLength(1);
  });

  it('fails when AWS Config rejects evaluations', async () => {
    config.on(PutEvaluationsCommand).resolves({
      FailedEvaluations: [
        {
          ComplianceResourceType: 'AWS::EC2::Volume',
          ComplianceResourceId: 'vol-0123456789abcdef0',
          ComplianceType: 'NON_COMPLIANT',
          OrderingTimestamp: new Date(),
        },
      ],
    });
    await expect(handler(changeEvent(configItem('volume-unencrypted')), lambdaContext())).rejects.toThrow(/rejected 1/);
  });

  it('a periodic control invoked by a change notification is a configuration error', async () => {
    const event = changeEvent(configItem('volume-unencrypted'), {
      configRuleName: 'rampart-iam-password-policy',
      ruleParameters: { controlId: 'iam-password-policy' },
    });
    await expect(handler(event, lambdaContext())).rejects.toThrow(/must be periodic/);
  });
});

describe('OversizedConfigurationItemChangeNotification', () => {
  it('fetches the item with GetResourceConfigHistory (limit 1, laterTime = capture time) and evaluates it', async () => {
    const item = configItem('volume-unencrypted');
    config.on(GetResourceConfigHistoryCommand).resolves({
      configurationItems: [{ ...apiVolume('vol-0123456789abcdef0', false) } as never],
    });
    await handler(oversizedEvent(item), lambdaContext());
    const history = config.commandCalls(GetResourceConfigHistoryCommand);
    expect(history).toHaveLength(1);
    expect(history[0]!.args[0].input).toEqual({
      resourceType: 'AWS::EC2::Volume' as ResourceType,
      resourceId: 'vol-0123456789abcdef0',
      laterTime: new Date('2026-11-29T08:15:02.318Z'),
      limit: 1,
    });
    expect(puts()[0]!.Evaluations).toEqual([
      expect.objectContaining({
        ComplianceResourceId: 'vol-0123456789abcdef0',
        ComplianceType: 'NON_COMPLIANT',
        OrderingTimestamp: new Date('2026-11-29T08:15:02.318Z'),
      }),
    ]);
  });

  it('a deleted resource needs no history call', async () => {
    const item = { ...configItem('volume-unencrypted'), configurationItemStatus: 'ResourceDeleted' };
    await handler(oversizedEvent(item), lambdaContext());
    expect(config.commandCalls(GetResourceConfigHistoryCommand)).toHaveLength(0);
    expect(puts()[0]!.Evaluations![0]!.ComplianceType).toBe('NOT_APPLICABLE');
  });
});

describe('ScheduledNotification', () => {
  it.each([
    [100, [100]],
    [101, [100, 1]],
    [250, [100, 100, 50]],
  ])('sends %i evaluations in calls of at most 100', async (n, sizes) => {
    volumes(n);
    const result = await handler(scheduledEvent({ resultToken: 'TESTMODE' }), lambdaContext());
    expect(puts().map((p) => p.Evaluations!.length)).toEqual(sizes);
    expect(result.sent).toBe(n);
    for (const p of puts()) {
      expect(p.TestMode).toBe(true);
      for (const e of p.Evaluations!) expect(e.OrderingTimestamp).toEqual(new Date(NOTIFICATION_TIME));
    }
    // BatchGetResourceConfig takes at most 100 keys.
    for (const c of config.commandCalls(BatchGetResourceConfigCommand)) {
      expect(c.args[0].input.resourceKeys!.length).toBeLessThanOrEqual(100);
    }
  });

  it('marks resources evaluated before but gone now NOT_APPLICABLE (paged GetComplianceDetailsByConfigRule)', async () => {
    const ids = volumes(3);
    const qualifier = (id: string, type = 'AWS::EC2::Volume') => ({
      EvaluationResultIdentifier: {
        EvaluationResultQualifier: { ConfigRuleName: 'rampart-encrypted-volumes', ResourceType: type, ResourceId: id },
      },
      ComplianceType: 'NON_COMPLIANT' as const,
    });
    config
      .on(GetComplianceDetailsByConfigRuleCommand)
      .resolvesOnce({ EvaluationResults: [qualifier(ids[0]!), qualifier('vol-gone-1')], NextToken: 'page-2' })
      .resolvesOnce({ EvaluationResults: [qualifier(ids[1]!), qualifier('vol-gone-2')] });
    const result = await handler(scheduledEvent(), lambdaContext());
    const calls = config.commandCalls(GetComplianceDetailsByConfigRuleCommand);
    expect(calls.map((c) => c.args[0].input)).toEqual([
      {
        ConfigRuleName: 'rampart-encrypted-volumes',
        ComplianceTypes: ['COMPLIANT', 'NON_COMPLIANT'],
        Limit: 100,
        NextToken: undefined,
      },
      {
        ConfigRuleName: 'rampart-encrypted-volumes',
        ComplianceTypes: ['COMPLIANT', 'NON_COMPLIANT'],
        Limit: 100,
        NextToken: 'page-2',
      },
    ]);
    const sent = puts().flatMap((p) => p.Evaluations!);
    expect(sent).toHaveLength(5);
    expect(sent.filter((e) => e.ComplianceType === 'NOT_APPLICABLE').map((e) => e.ComplianceResourceId)).toEqual([
      'vol-gone-1',
      'vol-gone-2',
    ]);
    expect(result.stale).toBe(2);
  });

  it('skips the cleanup when a type could not be read, and fails after sending the rest', async () => {
    config
      .on(ListDiscoveredResourcesCommand, { resourceType: 'AWS::EC2::FlowLog' })
      .rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' }));
    config.on(ListDiscoveredResourcesCommand, { resourceType: 'AWS::EC2::VPC' }).resolves({
      resourceIdentifiers: [{ resourceType: 'AWS::EC2::VPC', resourceId: 'vpc-0abc' }],
    });
    config.on(BatchGetResourceConfigCommand).resolves({
      baseConfigurationItems: [
        {
          accountId: ACCOUNT,
          awsRegion: 'eu-west-1',
          resourceType: 'AWS::EC2::VPC',
          resourceId: 'vpc-0abc',
          configurationItemCaptureTime: new Date('2026-11-29T08:00:00Z'),
          configurationItemStatus: 'OK',
          configuration: JSON.stringify({ vpcId: 'vpc-0abc', isDefault: false }),
          supplementaryConfiguration: {},
        },
      ],
    });
    const event = scheduledEvent({
      configRuleName: 'rampart-vpc-flow-logs-enabled',
      ruleParameters: { controlId: 'vpc-flow-logs-enabled' },
    });
    await expect(handler(event, lambdaContext())).rejects.toThrow(EvaluationGapError);
    expect(config.commandCalls(GetComplianceDetailsByConfigRuleCommand)).toHaveLength(0);
    // Nothing sendable, but AWS Config still hears that the run finished.
    expect(puts()).toEqual([expect.objectContaining({ Evaluations: [] })]);
  });

  it('stops before the deadline, sends nothing more and fails naming what was left', async () => {
    volumes(10);
    // 500 ms left with 1000 ms kept in reserve: nothing may start.
    await expect(handler(scheduledEvent({ resultToken: 'TESTMODE' }), lambdaContext(500))).rejects.toThrow(
      TimeBudgetError,
    );
    expect(config.commandCalls(ListDiscoveredResourcesCommand)).toHaveLength(0);
  });
});

describe('cross-account', () => {
  const credentials = {
    AccessKeyId: 'ASIAEXAMPLE',
    SecretAccessKey: 'secret',
    SessionToken: 'token',
    Expiration: new Date(Date.now() + 3_600_000),
  };

  it('assumes the role named by ExecutionRoleName in the evaluated account', async () => {
    sts.on(AssumeRoleCommand).resolves({ Credentials: credentials });
    await handler(
      changeEvent(configItem('volume-unencrypted'), {
        ruleParameters: { controlId: 'encrypted-volumes', ExecutionRoleName: 'RampartConfigRules' },
      }),
      lambdaContext(),
    );
    expect(sts.commandCalls(AssumeRoleCommand)[0]!.args[0].input).toMatchObject({
      RoleArn: `arn:aws:iam::${ACCOUNT}:role/RampartConfigRules`,
      RoleSessionName: 'rampart-config-rules',
    });
    expect(puts()).toHaveLength(1);
  });

  it("assumes the event's executionRoleArn when the rule lives in another account", async () => {
    sts.on(AssumeRoleCommand).resolves({ Credentials: credentials });
    const event = changeEvent(configItem('volume-unencrypted'));
    await handler(event, lambdaContext(60_000, '999999999999'));
    expect(sts.commandCalls(AssumeRoleCommand)[0]!.args[0].input.RoleArn).toBe(event['executionRoleArn']);
  });

  it('runs with its own role in its own account', async () => {
    await handler(changeEvent(configItem('volume-unencrypted')), lambdaContext());
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(0);
  });

  it('fails when the role cannot be assumed', async () => {
    sts.on(AssumeRoleCommand).rejects(Object.assign(new Error('not authorized to assume'), { name: 'AccessDenied' }));
    await expect(
      handler(
        changeEvent(configItem('volume-unencrypted'), {
          ruleParameters: { controlId: 'encrypted-volumes', ExecutionRoleName: 'Missing' },
        }),
        lambdaContext(),
      ),
    ).rejects.toThrow(/not authorized/);
    expect(puts()).toHaveLength(0);
  });
});
