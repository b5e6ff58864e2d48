import { AccessAnalyzerClient, ListAnalyzersCommand } from '@aws-sdk/client-accessanalyzer';
import {
  ConfigServiceClient,
  DescribeConfigurationRecorderStatusCommand,
  DescribeConfigurationRecordersCommand,
} from '@aws-sdk/client-config-service';
import { DescribeSnapshotsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { ECRClient, GetRegistryScanningConfigurationCommand } from '@aws-sdk/client-ecr';
import { EventBridgeClient, ListRulesCommand, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge';
import {
  GetFindingsCommand,
  GetFindingsStatisticsCommand,
  GuardDutyClient,
  ListDetectorsCommand,
  ListFindingsCommand,
} from '@aws-sdk/client-guardduty';
import {
  DescribeLoggingConfigurationCommand,
  ListFirewallsCommand,
  NetworkFirewallClient,
} from '@aws-sdk/client-network-firewall';
import {
  DescribeOrganizationalUnitCommand,
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  ListParentsCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import {
  DescribeDRTAccessCommand,
  DescribeSubscriptionCommand,
  GetSubscriptionStateCommand,
  ListProtectionsCommand,
  ShieldClient,
} from '@aws-sdk/client-shield';
import { ListSubscriptionsByTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import {
  DescribeDocumentPermissionCommand,
  DescribeParametersCommand,
  ListDocumentsCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { ListInstancesCommand, SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import {
  ListLoggingConfigurationsCommand,
  ListResourcesForWebACLCommand,
  ListWebACLsCommand,
  WAFV2Client,
} from '@aws-sdk/client-wafv2';
import { type CollectionError, factType } from '@rampart/core';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accessAnalyzerReader } from '../../src/direct/accessanalyzer.js';
import { configRecordersReader } from '../../src/direct/config.js';
import { ec2Reader } from '../../src/direct/ec2.js';
import { ecrReader } from '../../src/direct/ecr.js';
import { eventsReader } from '../../src/direct/events.js';
import { guardDutyReader, severityBand } from '../../src/direct/guardduty.js';
import { networkFirewallReader } from '../../src/direct/networkfirewall.js';
import { organizationsReader } from '../../src/direct/organizations.js';
import { secretsManagerReader } from '../../src/direct/secretsmanager.js';
import { shieldReader } from '../../src/direct/shield.js';
import { ssmReader } from '../../src/direct/ssm.js';
import { ssoReader } from '../../src/direct/sso.js';
import { wafv2Reader } from '../../src/direct/wafv2.js';
import { type ScanOptions, type ServiceReader, scan } from '../../src/index.js';

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';

const sts = mockClient(STSClient);
const org = mockClient(OrganizationsClient);
const aa = mockClient(AccessAnalyzerClient);
const config = mockClient(ConfigServiceClient);
const events = mockClient(EventBridgeClient);
const sns = mockClient(SNSClient);
const sso = mockClient(SSOAdminClient);
const waf = mockClient(WAFV2Client);
const nf = mockClient(NetworkFirewallClient);
const shield = mockClient(ShieldClient);
const ec2 = mockClient(EC2Client);
const gd = mockClient(GuardDutyClient);
const ecr = mockClient(ECRClient);
const sm = mockClient(SecretsManagerClient);
const ssm = mockClient(SSMClient);
const mocks = [sts, org, aa, config, events, sns, sso, waf, nf, shield, ec2, gd, ecr, sm, ssm];

function awsError(name: string, message = `${name}: not authorized`): Error {
  return Object.assign(new Error(message), { name, $metadata: {} });
}

/** Runs one reader for the given fact types and checks every fact against its schema. */
async function run(reader: ServiceReader, types: readonly string[], options: Partial<ScanOptions> = {}) {
  const items: Record<string, unknown>[] = [];
  const errors: CollectionError[] = [];
  await scan(
    {
      regions: [REGION],
      source: 'direct',
      credentials: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }),
      now: () => new Date('2026-11-29T08:00:00Z'),
      maxAttempts: 1,
      readers: [reader],
      types: new Set(types),
      ...options,
    },
    { item: (i) => items.push(i as Record<string, unknown>), error: (e) => errors.push(e) },
  );
  const facts = new Map<string, Record<string, unknown>>();
  for (const item of items) {
    const type = item['resourceType'] as string;
    if (!type.startsWith('Rampart::')) continue;
    const schema = factType(type)?.schema;
    expect(schema, type).toBeDefined();
    // Throws on a value the catalog would reject.
    schema!.parse(item['configuration']);
    facts.set(type, item['configuration'] as Record<string, unknown>);
  }
  return { items, errors, facts };
}

const denied = (types: string[], operation: string, service: string, region = REGION) =>
  expect.objectContaining({
    accountId: ACCOUNT,
    region,
    service,
    operation,
    resourceTypes: types,
    code: 'AccessDeniedException',
  });

beforeEach(() => {
  for (const m of mocks) m.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT });
});
afterEach(() => {
  for (const m of mocks) m.reset();
});

describe('Rampart::Organizations::Account', () => {
  const T = 'Rampart::Organizations::Account';
  it('walks the parents to the root and reads the SCPs of the account and each parent', async () => {
    org.on(DescribeOrganizationCommand).resolves({
      Organization: { Id: 'o-abc', Arn: 'arn:org', MasterAccountId: '999999999999', FeatureSet: 'ALL' },
    });
    org.on(ListRootsCommand).resolves({
      Roots: [{ Id: 'r-1', PolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }] }],
    });
    org
      .on(ListParentsCommand, { ChildId: ACCOUNT })
      .resolves({ Parents: [{ Id: 'ou-1', Type: 'ORGANIZATIONAL_UNIT' }] });
    org.on(ListParentsCommand, { ChildId: 'ou-1' }).resolves({ Parents: [{ Id: 'r-1', Type: 'ROOT' }] });
    org.on(DescribeOrganizationalUnitCommand).resolves({ OrganizationalUnit: { Id: 'ou-1', Name: 'Workloads' } });
    org
      .on(ListPoliciesForTargetCommand, { TargetId: 'r-1' })
      .resolvesOnce({ Policies: [{ Id: 'p-full', Name: 'FullAWSAccess', AwsManaged: true }], NextToken: 'n' })
      .resolvesOnce({ Policies: [{ Id: 'p-deny', Name: 'DenyLeave' }] });
    org
      .on(ListPoliciesForTargetCommand, { TargetId: 'ou-1' })
      .resolves({ Policies: [{ Id: 'p-deny', Name: 'DenyLeave' }] });
    org.on(ListPoliciesForTargetCommand, { TargetId: ACCOUNT }).resolves({ Policies: [] });
    org.on(DescribePolicyCommand).callsFake((input: { PolicyId: string }) => ({
      Policy: { Content: `{"Id":"${input.PolicyId}"}` },
    }));
    const { facts, errors } = await run(organizationsReader, [T]);
    expect(errors).toEqual([]);
    const fact = facts.get(T)!;
    expect(fact).toMatchObject({
      member: true,
      organizationId: 'o-abc',
      managementAccountId: '999999999999',
      featureSet: 'ALL',
      serviceControlPoliciesEnabled: true,
      parents: [
        { id: 'ou-1', type: 'ORGANIZATIONAL_UNIT', name: 'Workloads' },
        { id: 'r-1', type: 'ROOT', name: null },
      ],
    });
    expect(fact['serviceControlPolicies']).toEqual([
      expect.objectContaining({ id: 'p-deny', targetId: 'ou-1', content: '{"Id":"p-deny"}' }),
      expect.objectContaining({ id: 'p-full', targetId: 'r-1', awsManaged: true }),
      expect.objectContaining({ id: 'p-deny', targetId: 'r-1' }),
    ]);
    // The shared policy's document is read once.
    expect(org.commandCalls(DescribePolicyCommand)).toHaveLength(2);
  });

  it('says "not a member" on AWSOrganizationsNotInUseException', async () => {
    org.on(DescribeOrganizationCommand).rejects(awsError('AWSOrganizationsNotInUseException'));
    const { facts, errors } = await run(organizationsReader, [T]);
    expect(errors).toEqual([]);
    expect(facts.get(T)).toMatchObject({ member: false, serviceControlPolicies: null });
  });

  it('keeps membership when a member account may not walk the organization (nulls, recorded errors)', async () => {
    org.on(DescribeOrganizationCommand).resolves({ Organization: { Id: 'o-abc', FeatureSet: 'ALL' } });
    org.on(ListRootsCommand).rejects(awsError('AccessDeniedException'));
    org.on(ListParentsCommand).rejects(awsError('AccessDeniedException'));
    const { facts, errors } = await run(organizationsReader, [T]);
    expect(facts.get(T)).toMatchObject({
      member: true,
      parents: [],
      serviceControlPolicies: null,
      serviceControlPoliciesEnabled: null,
    });
    expect(errors).toEqual([
      denied([], 'ListRoots', 'organizations', 'global'),
      denied([], 'ListParents', 'organizations', 'global'),
    ]);
  });

  it('reports a denied DescribeOrganization as the fact left unknown', async () => {
    org.on(DescribeOrganizationCommand).rejects(awsError('AccessDeniedException'));
    const { facts, errors } = await run(organizationsReader, [T]);
    expect(facts.size).toBe(0);
    expect(errors).toEqual([denied([T], 'DescribeOrganization', 'organizations', 'global')]);
  });
});

describe('Rampart::AccessAnalyzer::Analyzers', () => {
  const T = 'Rampart::AccessAnalyzer::Analyzers';
  it('pages ListAnalyzers', async () => {
    aa.on(ListAnalyzersCommand)
      .resolvesOnce({
        analyzers: [{ name: 'a', arn: 'arn:a', type: 'ACCOUNT', status: 'ACTIVE', createdAt: new Date(0) }],
        nextToken: 'n',
      })
      .resolvesOnce({
        analyzers: [
          {
            name: 'b',
            arn: 'arn:b',
            type: 'ORGANIZATION',
            status: 'FAILED',
            statusReason: { code: 'AWS_SERVICE_ACCESS_DISABLED' },
            createdAt: undefined as never,
          },
        ],
      });
    const { facts, errors } = await run(accessAnalyzerReader, [T]);
    expect(errors).toEqual([]);
    expect(facts.get(T)).toEqual({
      analyzers: [
        {
          name: 'a',
          arn: 'arn:a',
          type: 'ACCOUNT',
          status: 'ACTIVE',
          createdAt: '1970-01-01T00:00:00.000Z',
          statusReason: null,
        },
        {
          name: 'b',
          arn: 'arn:b',
          type: 'ORGANIZATION',
          status: 'FAILED',
          createdAt: null,
          statusReason: 'AWS_SERVICE_ACCESS_DISABLED',
        },
      ],
    });
    expect(aa.commandCalls(ListAnalyzersCommand)[1]!.args[0].input.nextToken).toBe('n');
  });

  it('AccessDenied leaves the fact unknown', async () => {
    aa.on(ListAnalyzersCommand).rejects(awsError('AccessDeniedException'));
    const { facts, errors } = await run(accessAnalyzerReader, [T]);
    expect(facts.size).toBe(0);
    expect(errors).toEqual([denied([T], 'ListAnalyzers', 'accessanalyzer')]);
  });
});

describe('Rampart::Config::Recorders', () => {
  const T = 'Rampart::Config::Recorders';
  it('joins recorders and their status', async () => {
    config.on(DescribeConfigurationRecordersCommand).resolves({
      ConfigurationRecorders: [
        {
          name: 'default',
          roleARN: 'arn:role',
          recordingGroup: {
            allSupported: true,
            includeGlobalResourceTypes: true,
            recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' },
          },
          recordingMode: { recordingFrequency: 'CONTINUOUS' },
        },
      ],
    });
    config.on(DescribeConfigurationRecorderStatusCommand).resolves({
      ConfigurationRecordersStatus: [{ name: 'default', recording: true, lastStatus: 'Success' }],
    });
    const { facts } = await run(configRecordersReader, [T]);
    expect(facts.get(T)).toMatchObject({
      recorders: [
        {
          name: 'default',
          roleArn: 'arn:role',
          recordingGroup: { allSupported: true, includeGlobalResourceTypes: true, resourceTypes: [] },
          recordingMode: { recordingFrequency: 'CONTINUOUS' },
          status: { recording: true, lastStatus: 'Success' },
        },
      ],
    });
  });

  it('an empty list is a value (no recorder), AccessDenied is not', async () => {
    config.on(DescribeConfigurationRecordersCommand).resolves({ ConfigurationRecorders: [] });
    expect((await run(configRecordersReader, [T])).facts.get(T)).toEqual({ recorders: [] });
    config.on(DescribeConfigurationRecordersCommand).rejects(awsError('AccessDeniedException'));
    const { errors } = await run(configRecordersReader, [T]);
    expect(errors).toEqual([denied([T], 'DescribeConfigurationRecorders', 'config')]);
  });
});

describe('Rampart::Events::AlertingRules', () => {
  const T = 'Rampart::Events::AlertingRules';
  const topic = `arn:aws:sns:${REGION}:${ACCOUNT}:alerts`;
  it('pages rules and targets, and reads the subscriptions of SNS targets', async () => {
    events
      .on(ListRulesCommand)
      .resolvesOnce({
        Rules: [{ Name: 'gd', Arn: 'arn:gd', State: 'ENABLED', EventPattern: '{"source":["aws.guardduty"]}' }],
        NextToken: 'n',
      })
      .resolvesOnce({
        Rules: [{ Name: 'nightly', Arn: 'arn:n', State: 'DISABLED', ScheduleExpression: 'rate(1 day)' }],
      });
    events.on(ListTargetsByRuleCommand, { Rule: 'gd' }).resolves({ Targets: [{ Id: 't1', Arn: topic }] });
    events
      .on(ListTargetsByRuleCommand, { Rule: 'nightly' })
      .resolves({ Targets: [{ Id: 'l', Arn: 'arn:aws:lambda:x' }] });
    sns
      .on(ListSubscriptionsByTopicCommand)
      .resolvesOnce({ Subscriptions: [{ SubscriptionArn: 'PendingConfirmation', Protocol: 'email' }], NextToken: 'n' })
      .resolvesOnce({
        Subscriptions: [{ SubscriptionArn: `${topic}:1`, Protocol: 'email', Endpoint: 'soc@example.com' }],
      });
    const { facts, errors } = await run(eventsReader, [T]);
    expect(errors).toEqual([]);
    expect(facts.get(T)).toEqual({
      rules: [
        {
          name: 'gd',
          arn: 'arn:gd',
          eventBusName: 'default',
          state: 'ENABLED',
          eventPattern: '{"source":["aws.guardduty"]}',
          targets: [{ id: 't1', arn: topic }],
        },
        {
          name: 'nightly',
          arn: 'arn:n',
          eventBusName: 'default',
          state: 'DISABLED',
          eventPattern: null,
          targets: [{ id: 'l', arn: 'arn:aws:lambda:x' }],
        },
      ],
      topics: [
        {
          topicArn: topic,
          subscriptions: [
            { subscriptionArn: 'PendingConfirmation', protocol: 'email', endpoint: null },
            { subscriptionArn: `${topic}:1`, protocol: 'email', endpoint: 'soc@example.com' },
          ],
        },
      ],
    });
    expect(events.commandCalls(ListRulesCommand)[0]!.args[0].input.EventBusName).toBe('default');
  });

  it('a topic whose subscriptions are denied makes the fact unknown (not "nobody subscribed")', async () => {
    events.on(ListRulesCommand).resolves({ Rules: [{ Name: 'gd', Arn: 'arn:gd', State: 'ENABLED' }] });
    events.on(ListTargetsByRuleCommand).resolves({ Targets: [{ Id: 't1', Arn: topic }] });
    sns.on(ListSubscriptionsByTopicCommand).rejects(awsError('AccessDeniedException'));
    const { facts, errors } = await run(eventsReader, [T]);
    expect(facts.size).toBe(0);
    expect(errors).toEqual([denied([T], 'ListRules', 'eventbridge')]);
  });
});

describe('Rampart::SSO::Instances', () => {
  const T = 'Rampart::SSO::Instances';
  it('asks every scanned region and keeps where each instance is', async () => {
    sso.on(ListInstancesCommand).resolvesOnce({
      Instances: [
        {
          InstanceArn: 'arn:aws:sso:::instance/ssoins-1',
          IdentityStoreId: 'd-1',
          OwnerAccountId: ACCOUNT,
          Status: 'ACTIVE',
        },
      ],
    });
    const { facts, errors } = await run(ssoReader, [T]);
    expect(errors).toEqual([]);
    expect(facts.get(T)).toEqual({
      instances: [
        {
          instanceArn: 'arn:aws:sso:::instance/ssoins-1',
          identityStoreId: 'd-1',
          ownerAccountId: ACCOUNT,
          name: null,
          status: 'ACTIVE',
          region: REGION,
        },
      ],
    });
  });

  it('AccessDenied leaves the fact unknown', async () => {
    sso.on(ListInstancesCommand).rejects(awsError('AccessDeniedException'));
    const { errors } = await run(ssoReader, [T]);
    expect(errors).toEqual([denied([T], 'ListInstances', 'sso-admin', 'global')]);
  });
});

describe('WAFv2 facts', () => {
  const A = 'Rampart::WAF::WebACLAssociations';
  const L = 'Rampart::WAFv2::LoggingConfigurations';
  it('lists the resources of each regional web ACL (load balancers and API stages) and pages logging configurations', async () => {
    waf.on(ListWebACLsCommand).resolves({ WebACLs: [{ Name: 'edge', Id: 'id1', ARN: 'arn:acl' }], NextMarker: 'm' });
    waf
      .on(ListWebACLsCommand, { Scope: 'REGIONAL', NextMarker: 'm', Limit: 100 })
      .resolves({ WebACLs: [], NextMarker: 'm' });
    waf
      .on(ListResourcesForWebACLCommand, { ResourceType: 'APPLICATION_LOAD_BALANCER' })
      .resolves({ ResourceArns: ['arn:alb'] });
    waf.on(ListResourcesForWebACLCommand, { ResourceType: 'API_GATEWAY' }).resolves({ ResourceArns: ['arn:stage'] });
    waf
      .on(ListLoggingConfigurationsCommand)
      .resolvesOnce({
        LoggingConfigurations: [{ ResourceArn: 'arn:acl', LogDestinationConfigs: ['arn:fh'] }],
        NextMarker: 'x',
      })
      .resolvesOnce({ LoggingConfigurations: [] });
    const { facts, errors } = await run(wafv2Reader, [A, L]);
    expect(errors).toEqual([]);
    expect(facts.get(A)).toEqual({
      webAcls: [{ service: 'wafv2', id: 'id1', name: 'edge', arn: 'arn:acl', resourceArns: ['arn:alb', 'arn:stage'] }],
    });
    expect(facts.get(L)).toEqual({
      loggingConfigurations: [
        { resourceArn: 'arn:acl', logDestinationConfigs: ['arn:fh'], managedByFirewallManager: null },
      ],
    });
    expect(waf.commandCalls(ListLoggingConfigurationsCommand)).toHaveLength(2);
  });

  it('AccessDenied names the fact it leaves unknown', async () => {
    waf.on(ListWebACLsCommand).rejects(awsError('AccessDeniedException'));
    waf.on(ListLoggingConfigurationsCommand).resolves({ LoggingConfigurations: [] });
    const { facts, errors } = await run(wafv2Reader, [A, L]);
    expect([...facts.keys()]).toEqual([L]);
    expect(errors).toEqual([denied([A], 'ListResourcesForWebACL', 'wafv2')]);
  });
});

describe('Rampart::NetworkFirewall::LoggingConfigurations', () => {
  const T = 'Rampart::NetworkFirewall::LoggingConfigurations';
  it('describes the logging of every firewall, paging the firewall list', async () => {
    nf.on(ListFirewallsCommand)
      .resolvesOnce({ Firewalls: [{ FirewallArn: 'arn:fw1' }], NextToken: 'n' })
      .resolvesOnce({ Firewalls: [{ FirewallArn: 'arn:fw2' }] });
    nf.on(DescribeLoggingConfigurationCommand, { FirewallArn: 'arn:fw1' }).resolves({
      LoggingConfiguration: {
        LogDestinationConfigs: [
          { LogType: 'ALERT', LogDestinationType: 'CloudWatchLogs', LogDestination: { logGroup: 'g' } },
        ],
      },
    });
    nf.on(DescribeLoggingConfigurationCommand, { FirewallArn: 'arn:fw2' }).resolves({});
    const { facts, errors } = await run(networkFirewallReader, [T]);
    expect(errors).toEqual([]);
    expect(facts.get(T)).toEqual({
      firewalls: [
        {
          firewallArn: 'arn:fw1',
          logDestinationConfigs: [
            { logType: 'ALERT', logDestinationType: 'CloudWatchLogs', logDestination: { logGroup: 'g' } },
          ],
        },
        { firewallArn: 'arn:fw2', logDestinationConfigs: [] },
      ],
    });
  });

  it('one firewall denied makes the fact unknown', async () => {
    nf.on(ListFirewallsCommand).resolves({ Firewalls: [{ FirewallArn: 'arn:fw1' }] });
    nf.on(DescribeLoggingConfigurationCommand).rejects(awsError('AccessDeniedException'));
    const { facts, errors } = await run(networkFirewallReader, [T]);
    expect(facts.size).toBe(0);
    expect(errors).toEqual([denied([T], 'DescribeLoggingConfiguration', 'network-firewall')]);
  });
});

describe('Rampart::Shield::Subscription', () => {
  const T = 'Rampart::Shield::Subscription';
  it('reads subscription, SRT access and pages protections (in us-east-1)', async () => {
    shield.on(GetSubscriptionStateCommand).resolves({ SubscriptionState: 'ACTIVE' });
    shield.on(DescribeSubscriptionCommand).resolves({
      Subscription: {
        AutoRenew: 'ENABLED',
        EndTime: new Date('2027-01-01T00:00:00Z'),
        SubscriptionLimits: undefined as never,
      },
    });
    shield.on(DescribeDRTAccessCommand).resolves({ RoleArn: 'arn:drt', LogBucketList: ['logs'] });
    shield
      .on(ListProtectionsCommand)
      .resolvesOnce({ Protections: [{ Id: 'p1', Name: 'alb', ResourceArn: 'arn:alb' }], NextToken: 'n' })
      .resolvesOnce({ Protections: [{ Id: 'p2', ResourceArn: 'arn:eip' }] });
    const { facts, errors } = await run(shieldReader, [T]);
    expect(errors).toEqual([]);
    expect(facts.get(T)).toMatchObject({
      subscriptionState: 'ACTIVE',
      subscription: { autoRenew: 'ENABLED', endTime: '2027-01-01T00:00:00.000Z' },
      drtAccess: { roleArn: 'arn:drt', logBucketList: ['logs'] },
      protections: [
        { id: 'p1', name: 'alb', resourceArn: 'arn:alb' },
        { id: 'p2', name: null, resourceArn: 'arn:eip' },
      ],
    });
    expect(await shield.call(0).thisValue.config.region()).toBe('us-east-1');
  });

  it('inactive: only the state; ListProtections denied: protections null and recorded', async () => {
    shield.on(GetSubscriptionStateCommand).resolves({ SubscriptionState: 'INACTIVE' });
    expect((await run(shieldReader, [T])).facts.get(T)).toEqual({
      subscriptionState: 'INACTIVE',
      subscription: null,
      drtAccess: null,
      protections: null,
    });
    shield.on(GetSubscriptionStateCommand).resolves({ SubscriptionState: 'ACTIVE' });
    shield
      .on(DescribeSubscriptionCommand)
      .resolves({ Subscription: { AutoRenew: 'DISABLED', SubscriptionLimits: undefined as never } });
    shield.on(DescribeDRTAccessCommand).resolves({});
    shield.on(ListProtectionsCommand).rejects(awsError('AccessDeniedException'));
    const { facts, errors } = await run(shieldReader, [T]);
    expect(facts.get(T)).toMatchObject({ subscriptionState: 'ACTIVE', protections: null });
    expect(errors).toEqual([denied([], 'ListProtections', 'shield', 'global')]);
  });

  it('a denied DescribeDRTAccess leaves the whole fact unknown', async () => {
    shield.on(GetSubscriptionStateCommand).resolves({ SubscriptionState: 'ACTIVE' });
    shield.on(DescribeSubscriptionCommand).resolves({ Subscription: { SubscriptionLimits: undefined as never } });
    shield.on(DescribeDRTAccessCommand).rejects(awsError('AccessDeniedException'));
    const { facts, errors } = await run(shieldReader, [T]);
    expect(facts.size).toBe(0);
    expect(errors).toEqual([denied([T], 'GetSubscriptionState', 'shield', 'global')]);
  });
});

describe('Rampart::EC2::PublicSnapshots', () => {
  const T = 'Rampart::EC2::PublicSnapshots';
  it('pages DescribeSnapshots for own snapshots restorable by all', async () => {
    ec2
      .on(DescribeSnapshotsCommand)
      .resolvesOnce({ Snapshots: [{ SnapshotId: 'snap-2' }], NextToken: 'n' })
      .resolvesOnce({ Snapshots: [{ SnapshotId: 'snap-1' }] });
    const { facts, errors } = await run(ec2Reader, [T]);
    expect(errors).toEqual([]);
    expect(facts.get(T)).toEqual({ snapshotIds: ['snap-1', 'snap-2'] });
    const input = ec2.commandCalls(DescribeSnapshotsCommand)[0]!.args[0].input;
    expect(input).toMatchObject({ OwnerIds: ['self'], RestorableByUserIds: ['all'] });
  });

  it('AccessDenied leaves it unknown', async () => {
    ec2.on(DescribeSnapshotsCommand).rejects(awsError('AccessDeniedException'));
    const { errors } = await run(ec2Reader, [T]);
    expect(errors).toEqual([denied([T], 'DescribeSnapshots', 'ec2')]);
  });
});

describe('Rampart::GuardDuty::FindingsSummary', () => {
  const T = 'Rampart::GuardDuty::FindingsSummary';
  it('bands the counts and reads the oldest finding of each band with findings', async () => {
    gd.on(ListDetectorsCommand).resolves({ DetectorIds: ['d1'] });
    gd.on(GetFindingsStatisticsCommand).resolves({
      FindingStatistics: { CountBySeverity: { '2': 1, '5': 2, '5.5': 1, '8': 3 } },
    });
    gd.on(ListFindingsCommand).callsFake(
      (input: { FindingCriteria: { Criterion: { severity: { Gte: number } } } }) => ({
        FindingIds: [`f-${input.FindingCriteria.Criterion.severity.Gte}`],
      }),
    );
    gd.on(GetFindingsCommand).callsFake((input: { FindingIds: string[] }) => ({
      Findings: [{ Id: input.FindingIds[0], CreatedAt: '2026-11-01T00:00:00.000Z' }],
    }));
    const { facts, errors } = await run(guardDutyReader, [T]);
    expect(errors).toEqual([]);
    expect(facts.get(T)).toEqual({
      detectorId: 'd1',
      severities: [
        { severity: 'LOW', count: 1, oldestCreatedAt: '2026-11-01T00:00:00.000Z' },
        { severity: 'MEDIUM', count: 3, oldestCreatedAt: '2026-11-01T00:00:00.000Z' },
        { severity: 'HIGH', count: 3, oldestCreatedAt: '2026-11-01T00:00:00.000Z' },
        { severity: 'CRITICAL', count: 0, oldestCreatedAt: null },
      ],
    });
    const list = gd.commandCalls(ListFindingsCommand)[1]!.args[0].input;
    expect(list.SortCriteria).toEqual({ AttributeName: 'createdAt', OrderBy: 'ASC' });
    expect(list.FindingCriteria?.Criterion).toEqual({
      'service.archived': { Eq: ['false'] },
      severity: { Gte: 4, Lt: 7 },
    });
    expect([3.9, 4, 6.9, 7, 8.9, 9, 10].map(severityBand)).toEqual([
      'LOW',
      'MEDIUM',
      'MEDIUM',
      'HIGH',
      'HIGH',
      'CRITICAL',
      'CRITICAL',
    ]);
  });

  it('no detector: an empty summary; statistics denied: unknown', async () => {
    gd.on(ListDetectorsCommand).resolves({ DetectorIds: [] });
    expect((await run(guardDutyReader, [T])).facts.get(T)).toEqual({ detectorId: null, severities: [] });
    gd.on(ListDetectorsCommand).resolves({ DetectorIds: ['d1'] });
    gd.on(GetFindingsStatisticsCommand).rejects(awsError('AccessDeniedException'));
    const { errors } = await run(guardDutyReader, [T]);
    expect(errors).toEqual([denied([T], 'GetFindingsStatistics', 'guardduty')]);
  });
});

describe('Rampart::ECR::RegistryScanning', () => {
  const T = 'Rampart::ECR::RegistryScanning';
  it('reads the scan type and rules', async () => {
    ecr.on(GetRegistryScanningConfigurationCommand).resolves({
      scanningConfiguration: {
        scanType: 'ENHANCED',
        rules: [
          { scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: [{ filter: 'prod-*', filterType: 'WILDCARD' }] },
        ],
      },
    });
    const { facts } = await run(ecrReader, [T]);
    expect(facts.get(T)).toEqual({
      scanType: 'ENHANCED',
      rules: [{ scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: [{ filter: 'prod-*', filterType: 'WILDCARD' }] }],
    });
  });

  it('AccessDenied leaves it unknown', async () => {
    ecr.on(GetRegistryScanningConfigurationCommand).rejects(awsError('AccessDeniedException'));
    const { errors } = await run(ecrReader, [T]);
    expect(errors).toEqual([denied([T], 'GetRegistryScanningConfiguration', 'ecr')]);
  });
});

describe('Secrets Manager activity and SSM facts', () => {
  const S = 'Rampart::SecretsManager::SecretActivity';
  const P = 'Rampart::SSM::Parameters';
  const D = 'Rampart::SSM::DocumentSharing';
  it('keeps the dates Config does not record, without reading the secrets as items when only the fact is wanted', async () => {
    sm.on(ListSecretsCommand)
      .resolvesOnce({
        SecretList: [{ ARN: 'arn:s1', Name: 's1', LastAccessedDate: new Date('2026-11-01T00:00:00Z') }],
        NextToken: 'n',
      })
      .resolvesOnce({ SecretList: [{ ARN: 'arn:s2', Name: 's2' }] });
    const { facts, items } = await run(secretsManagerReader, [S]);
    expect(items.map((i) => i['resourceType'])).toEqual([S]);
    expect(facts.get(S)).toMatchObject({
      secrets: [
        { arn: 'arn:s1', name: 's1', lastAccessedDate: '2026-11-01T00:00:00.000Z' },
        { arn: 'arn:s2', name: 's2', lastAccessedDate: null },
      ],
    });
  });

  it('reads parameter metadata and document sharing', async () => {
    ssm
      .on(DescribeParametersCommand)
      .resolvesOnce({
        Parameters: [{ Name: '/db/password', Type: 'SecureString', KeyId: 'alias/aws/ssm' }],
        NextToken: 'n',
      })
      .resolvesOnce({ Parameters: [{ Name: '/app/url', Type: 'String', Tier: 'Standard' }] });
    ssm.on(ListDocumentsCommand).resolves({ DocumentIdentifiers: [{ Name: 'runbook', DocumentType: 'Automation' }] });
    ssm.on(DescribeDocumentPermissionCommand).resolves({ AccountIds: ['all'] });
    const { facts, errors } = await run(ssmReader, [P, D]);
    expect(errors).toEqual([]);
    expect(facts.get(P)).toEqual({
      parameters: [
        { name: '/db/password', type: 'SecureString', keyId: 'alias/aws/ssm', tier: null },
        { name: '/app/url', type: 'String', keyId: null, tier: 'Standard' },
      ],
    });
    expect(facts.get(D)).toEqual({ documents: [{ name: 'runbook', documentType: 'Automation', accountIds: ['all'] }] });
    expect(ssm.commandCalls(ListDocumentsCommand)[0]!.args[0].input.Filters).toEqual([
      { Key: 'Owner', Values: ['Self'] },
    ]);
  });

  it('AccessDenied names each fact', async () => {
    ssm.on(DescribeParametersCommand).rejects(awsError('AccessDeniedException'));
    ssm.on(ListDocumentsCommand).rejects(awsError('AccessDeniedException'));
    const { errors } = await run(ssmReader, [P, D]);
    expect(errors).toEqual(
      expect.arrayContaining([
        denied([P], 'DescribeParameters', 'ssm'),
        denied([D], 'DescribeDocumentPermission', 'ssm'),
      ]),
    );
  });
});
