import {
  BatchGetResourceConfigCommand,
  ConfigServiceClient,
  DescribeConfigurationRecorderStatusCommand,
  ListDiscoveredResourcesCommand,
  SelectAggregateResourceConfigCommand,
  SelectResourceConfigCommand,
} from '@aws-sdk/client-config-service';
import {
  DescribeFirewallPolicyCommand,
  DescribeRuleGroupCommand,
  ListFirewallPoliciesCommand,
  ListFirewallsCommand,
  ListRuleGroupsCommand,
  NetworkFirewallClient,
} from '@aws-sdk/client-network-firewall';
import { DescribeHubCommand, GetEnabledStandardsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { CollectionError } from '@rampart/core';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { networkFirewallReader } from '../../src/direct/networkfirewall.js';
import { securityHubReader } from '../../src/direct/securityhub.js';
import { snsReader } from '../../src/direct/sns.js';
import { type ScanOptions, scan } from '../../src/index.js';

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const sts = mockClient(STSClient);
const config = mockClient(ConfigServiceClient);
const sns = mockClient(SNSClient);
const nf = mockClient(NetworkFirewallClient);
const hub = mockClient(SecurityHubClient);

function awsError(name: string, message = name): Error {
  return Object.assign(new Error(message), { name, $metadata: {} });
}

async function run(options: Partial<ScanOptions>) {
  const items: Record<string, unknown>[] = [];
  const errors: CollectionError[] = [];
  const result = await scan(
    {
      regions: [REGION],
      credentials: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }),
      now: () => new Date('2026-11-29T08:00:00Z'),
      maxAttempts: 1,
      ...options,
    },
    { item: (i) => items.push(i as Record<string, unknown>), error: (e) => errors.push(e) },
  );
  return { items, errors, result };
}

const row = (id: string) =>
  JSON.stringify({
    accountId: ACCOUNT,
    awsRegion: REGION,
    resourceType: 'AWS::SNS::Topic',
    resourceId: `arn:aws:sns:${REGION}:${ACCOUNT}:${id}`,
    configuration: { TopicArn: `arn:aws:sns:${REGION}:${ACCOUNT}:${id}`, KmsMasterKeyId: null },
    tags: [],
  });

beforeEach(() => {
  for (const m of [sts, config, sns, nf, hub]) m.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT });
});
afterEach(() => {
  for (const m of [sts, config, sns, nf, hub]) m.reset();
});

describe('the AWS Config source (moto does not run SelectResourceConfig queries)', () => {
  it('pages SelectResourceConfig, hands every row on and skips the direct reads Config covers', async () => {
    config
      .on(SelectResourceConfigCommand)
      .resolvesOnce({ Results: [row('a'), row('b')], NextToken: 'page-2' })
      .resolvesOnce({ Results: [row('c')] });
    const { items, errors, result } = await run({ source: 'config', readers: [snsReader] });
    expect(errors).toEqual([]);
    expect(items.map((i) => i['resourceId'])).toEqual(
      ['a', 'b', 'c'].map((id) => `arn:aws:sns:${REGION}:${ACCOUNT}:${id}`),
    );
    expect(result.sources).toEqual({ [REGION]: 'config' });
    const calls = config.commandCalls(SelectResourceConfigCommand);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.args[0].input.Expression).toContain("resourceType IN ('AWS::SNS::Topic')");
    expect(calls[1]!.args[0].input.NextToken).toBe('page-2');
    expect(sns.commandCalls(ListTopicsCommand)).toHaveLength(0);
  });

  it('falls back to ListDiscoveredResources and BatchGetResourceConfig when Select is unavailable', async () => {
    config.on(SelectResourceConfigCommand).rejects(awsError('InvalidExpressionException'));
    config.on(ListDiscoveredResourcesCommand).resolves({
      resourceIdentifiers: [{ resourceId: 'arn:t1' }, { resourceId: 'arn:gone', resourceDeletionTime: new Date() }],
    });
    config.on(BatchGetResourceConfigCommand).resolves({
      baseConfigurationItems: [
        {
          accountId: ACCOUNT,
          awsRegion: REGION,
          resourceType: 'AWS::SNS::Topic',
          resourceId: 'arn:t1',
          configuration: '{"TopicArn":"arn:t1"}',
          configurationItemCaptureTime: new Date('2026-11-29T09:31:06Z'),
        },
      ],
    });
    const { items, errors } = await run({ source: 'config', readers: [snsReader] });
    expect(errors).toEqual([]);
    expect(items).toEqual([
      expect.objectContaining({
        resourceId: 'arn:t1',
        configuration: '{"TopicArn":"arn:t1"}',
        configurationItemCaptureTime: '2026-11-29T09:31:06.000Z',
      }),
    ]);
    expect(config.commandCalls(BatchGetResourceConfigCommand)[0]!.args[0].input.resourceKeys).toEqual([
      { resourceType: 'AWS::SNS::Topic', resourceId: 'arn:t1' },
    ]);
  });

  it('reads an organization through SelectAggregateResourceConfig with the aggregator name', async () => {
    config.on(SelectAggregateResourceConfigCommand).resolves({ Results: [row('org')] });
    const { items } = await run({ aggregator: 'org-agg', readers: [snsReader] });
    expect(items).toHaveLength(1);
    const input = config.commandCalls(SelectAggregateResourceConfigCommand)[0]!.args[0].input;
    expect(input.ConfigurationAggregatorName).toBe('org-agg');
    expect(input.Expression).toContain(`awsRegion IN ('${REGION}', 'global')`);
  });

  it('turns AccessDenied on Select into a collectionError naming the types left unknown', async () => {
    config
      .on(SelectResourceConfigCommand)
      .rejects(awsError('AccessDeniedException', 'not authorized to perform config:SelectResourceConfig'));
    const { items, errors } = await run({ source: 'config', readers: [snsReader] });
    expect(items).toEqual([]);
    expect(errors).toEqual([
      {
        accountId: ACCOUNT,
        region: REGION,
        service: 'config',
        operation: 'SelectResourceConfig',
        resourceTypes: ['AWS::SNS::Topic'],
        code: 'AccessDeniedException',
        message: 'not authorized to perform config:SelectResourceConfig',
      },
    ]);
  });

  it('auto reads directly where no recorder is recording', async () => {
    config
      .on(DescribeConfigurationRecorderStatusCommand)
      .resolves({ ConfigurationRecordersStatus: [{ name: 'default', recording: false }] });
    sns.on(ListTopicsCommand).resolves({ Topics: [] });
    const { result } = await run({ source: 'auto', readers: [snsReader] });
    expect(result.sources).toEqual({ [REGION]: 'direct' });
    expect(sns.commandCalls(ListTopicsCommand)).toHaveLength(1);
  });
});

describe('direct reads moto lacks', () => {
  it('reads Network Firewall policies and rule groups in AWS Config shape, ARN as resource id', async () => {
    const policyArn = `arn:aws:network-firewall:${REGION}:${ACCOUNT}:firewall-policy/strict`;
    const groupArn = `arn:aws:network-firewall:${REGION}:${ACCOUNT}:stateless-rulegroup/bogons`;
    nf.on(ListFirewallsCommand).resolves({ Firewalls: [] });
    nf.on(ListFirewallPoliciesCommand).resolves({ FirewallPolicies: [{ Name: 'strict', Arn: policyArn }] });
    nf.on(DescribeFirewallPolicyCommand).resolves({
      UpdateToken: 't',
      FirewallPolicyResponse: { FirewallPolicyName: 'strict', FirewallPolicyArn: policyArn, FirewallPolicyId: 'p1' },
      FirewallPolicy: {
        StatelessDefaultActions: ['aws:forward_to_sfe'],
        StatelessFragmentDefaultActions: ['aws:drop'],
      },
    });
    nf.on(ListRuleGroupsCommand).resolves({ RuleGroups: [{ Name: 'bogons', Arn: groupArn }] });
    nf.on(DescribeRuleGroupCommand).resolves({
      UpdateToken: 't',
      RuleGroupResponse: { RuleGroupName: 'bogons', RuleGroupArn: groupArn, RuleGroupId: 'g1', Type: 'STATELESS' },
      RuleGroup: { RulesSource: { StatelessRulesAndCustomActions: { StatelessRules: [] } } },
    });
    const { items, errors } = await run({ source: 'direct', readers: [networkFirewallReader] });
    expect(errors).toEqual([]);
    const policy = items.find((i) => i['resourceId'] === policyArn)!;
    expect(policy['resourceType']).toBe('AWS::NetworkFirewall::FirewallPolicy');
    expect(policy['configuration']).toMatchObject({
      firewallPolicy: {
        statelessDefaultActions: ['aws:forward_to_sfe'],
        statelessFragmentDefaultActions: ['aws:drop'],
      },
      firewallPolicyResponse: { firewallPolicyName: 'strict' },
    });
    const group = items.find((i) => i['resourceId'] === groupArn)!;
    expect(group['configuration']).toMatchObject({
      ruleGroup: { rulesSource: { statelessRulesAndCustomActions: { statelessRules: [] } } },
    });
  });

  it('reads Security Hub with its enabled standards, and says "not enabled" on InvalidAccessException', async () => {
    hub.on(DescribeHubCommand).resolves({ HubArn: 'arn:hub', SubscribedAt: '2026-01-01T00:00:00Z' });
    hub.on(GetEnabledStandardsCommand).resolves({
      StandardsSubscriptions: [
        { StandardsArn: 'arn:fsbp', StandardsStatus: 'READY', StandardsSubscriptionArn: 's', StandardsInput: {} },
      ],
    });
    const enabled = await run({ source: 'direct', readers: [securityHubReader] });
    expect(enabled.items[0]).toMatchObject({
      resourceType: 'Rampart::SecurityHub::Status',
      resourceId: `${ACCOUNT}/${REGION}`,
      configuration: { enabled: true, hubArn: 'arn:hub', standards: [{ standardsArn: 'arn:fsbp', status: 'READY' }] },
    });
    hub.reset();
    hub.on(DescribeHubCommand).rejects(awsError('InvalidAccessException'));
    const disabled = await run({ source: 'direct', readers: [securityHubReader] });
    expect(disabled.items[0]?.['configuration']).toEqual({ enabled: false, standards: [] });
    expect(disabled.errors).toEqual([]);
  });

  it('never drops a failed standards read: the fact becomes a collectionError', async () => {
    hub.on(DescribeHubCommand).resolves({ HubArn: 'arn:hub' });
    hub.on(GetEnabledStandardsCommand).rejects(awsError('AccessDeniedException'));
    const { items, errors } = await run({ source: 'direct', readers: [securityHubReader] });
    expect(items).toEqual([]);
    expect(errors[0]).toMatchObject({
      service: 'securityhub',
      resourceTypes: ['Rampart::SecurityHub::Status'],
      code: 'AccessDeniedException',
    });
  });
});
