import {
  ConfigServiceClient,
  DescribeAggregateComplianceByConfigRulesCommand,
  DescribeConfigRulesCommand,
  GetAggregateComplianceDetailsByConfigRuleCommand,
  GetComplianceDetailsByConfigRuleCommand,
} from '@aws-sdk/client-config-service';
import { controlMap } from '@rampart/findings';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  controlIdOf,
  listAccountRules,
  listAggregatorRules,
  type RuleTarget,
  readRuleResults,
} from '../../src/config-results.js';
import { ACCOUNT, OTHER, REGION, result, ruleArn } from './support.js';

const config = mockClient(ConfigServiceClient);
const client = new ConfigServiceClient({ region: REGION });
const controls = controlMap();

beforeEach(() => config.reset());

async function all(target: RuleTarget, source: Parameters<typeof readRuleResults>[1]) {
  const out = [];
  for await (const page of readRuleResults(client, source, target, controls.get(target.controlId)!)) out.push(page);
  return out;
}

describe('controlIdOf', () => {
  it('reads the controlId input parameter, else the name', () => {
    expect(controlIdOf('rampart-x', 'rampart-', '{"controlId":"restricted-ssh","maxAge":"90"}')).toBe('restricted-ssh');
    expect(controlIdOf('rampart-restricted-ssh', 'rampart-', 'not json')).toBe('restricted-ssh');
    expect(controlIdOf('rampart-restricted-ssh', 'rampart-')).toBe('restricted-ssh');
  });
});

describe('listAccountRules', () => {
  it('pages DescribeConfigRules and keeps rampart-* rules of known controls', async () => {
    config
      .on(DescribeConfigRulesCommand, { NextToken: undefined })
      .resolves({
        ConfigRules: [
          {
            ConfigRuleName: 'rampart-restricted-ssh',
            ConfigRuleArn: ruleArn(REGION, ACCOUNT, 'a'),
            InputParameters: '{"controlId":"restricted-ssh"}',
            Source: undefined,
          },
          {
            ConfigRuleName: 'securityhub-s3-bucket-ssl',
            ConfigRuleArn: ruleArn(REGION, ACCOUNT, 'b'),
            Source: undefined,
          },
        ],
        NextToken: 'page-2',
      })
      .on(DescribeConfigRulesCommand, { NextToken: 'page-2' })
      .resolves({
        ConfigRules: [
          {
            ConfigRuleName: 'rampart-iam-user-mfa-enabled',
            ConfigRuleArn: ruleArn(REGION, ACCOUNT, 'c'),
            Source: undefined,
          },
          {
            ConfigRuleName: 'rampart-from-the-future',
            ConfigRuleArn: ruleArn(REGION, ACCOUNT, 'd'),
            Source: undefined,
          },
        ],
      });
    const listing = await listAccountRules(client, 'rampart-', controls, { region: REGION });
    expect(listing.pages).toBe(2);
    expect(listing.targets).toEqual([
      { ruleName: 'rampart-restricted-ssh', controlId: 'restricted-ssh', accountId: ACCOUNT, region: REGION },
      {
        ruleName: 'rampart-iam-user-mfa-enabled',
        controlId: 'iam-user-mfa-enabled',
        accountId: ACCOUNT,
        region: REGION,
      },
    ]);
    expect(listing.unknownRules).toEqual(['rampart-from-the-future']);
  });
});

describe('readRuleResults (GetComplianceDetailsByConfigRule)', () => {
  it('pages at 100, asks for the three verdicts, and maps results to evaluations', async () => {
    const page1 = Array.from({ length: 100 }, (_, i) =>
      result('rampart-restricted-ssh', 'AWS::EC2::SecurityGroup', `sg-${String(i).padStart(3, '0')}`, 'COMPLIANT'),
    );
    config
      .on(GetComplianceDetailsByConfigRuleCommand, { NextToken: undefined })
      .resolves({ EvaluationResults: page1, NextToken: 't2' })
      .on(GetComplianceDetailsByConfigRuleCommand, { NextToken: 't2' })
      .resolves({
        EvaluationResults: [
          result('rampart-restricted-ssh', 'AWS::EC2::SecurityGroup', 'sg-open', 'NON_COMPLIANT', 'Port 22 is open.'),
          result('rampart-restricted-ssh', 'AWS::EC2::SecurityGroup', 'sg-x', 'SOMETHING_NEW'),
        ],
      });
    const target = {
      ruleName: 'rampart-restricted-ssh',
      controlId: 'restricted-ssh',
      accountId: ACCOUNT,
      region: REGION,
    };
    const pages = await all(target, { kind: 'account' });
    expect(pages.map((p) => [p.evaluations.length, p.skipped])).toEqual([
      [100, 0],
      [1, 1],
    ]);
    expect(pages[1]!.evaluations[0]).toEqual({
      controlId: 'restricted-ssh',
      resourceType: 'AWS::EC2::SecurityGroup',
      resourceId: 'sg-open',
      resourceArn: null,
      accountId: ACCOUNT,
      region: REGION,
      compliance: 'NON_COMPLIANT',
      annotation: 'Port 22 is open.',
    });
    const input = config.commandCalls(GetComplianceDetailsByConfigRuleCommand)[0]!.args[0].input;
    expect(input).toMatchObject({
      ConfigRuleName: 'rampart-restricted-ssh',
      Limit: 100,
      ComplianceTypes: ['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE'],
    });
  });

  it('puts IAM resources and global account-level verdicts in region "global" (same finding Ids as a scan)', async () => {
    config.on(GetComplianceDetailsByConfigRuleCommand).resolves({
      EvaluationResults: [result('rampart-iam-user-mfa-enabled', 'AWS::IAM::User', 'AIDAEXAMPLE', 'NON_COMPLIANT')],
    });
    const target = {
      ruleName: 'rampart-iam-user-mfa-enabled',
      controlId: 'iam-user-mfa-enabled',
      accountId: ACCOUNT,
      region: REGION,
    };
    const [page] = await all(target, { kind: 'account' });
    expect(page!.evaluations[0]).toMatchObject({
      region: 'global',
      annotation: expect.stringContaining('NON_COMPLIANT'),
    });
  });
});

describe('through an aggregator', () => {
  it('lists (rule, account, region) with DescribeAggregateComplianceByConfigRules, paged, and reads each', async () => {
    config
      .on(DescribeAggregateComplianceByConfigRulesCommand, { NextToken: undefined })
      .resolves({
        AggregateComplianceByConfigRules: [
          { ConfigRuleName: 'rampart-restricted-ssh', AccountId: ACCOUNT, AwsRegion: REGION },
          { ConfigRuleName: 'other-rule', AccountId: ACCOUNT, AwsRegion: REGION },
        ],
        NextToken: 'n',
      })
      .on(DescribeAggregateComplianceByConfigRulesCommand, { NextToken: 'n' })
      .resolves({
        AggregateComplianceByConfigRules: [
          { ConfigRuleName: 'rampart-restricted-ssh', AccountId: OTHER, AwsRegion: 'us-east-1' },
          { ConfigRuleName: 'rampart-restricted-ssh', AccountId: OTHER, AwsRegion: 'us-east-1' },
        ],
      });
    const listing = await listAggregatorRules(client, 'org', 'rampart-', controls);
    expect(listing.targets.map((t) => `${t.accountId}/${t.region}`)).toEqual([
      `${ACCOUNT}/${REGION}`,
      `${OTHER}/us-east-1`,
    ]);
    expect(config.commandCalls(DescribeAggregateComplianceByConfigRulesCommand)[0]!.args[0].input).toMatchObject({
      ConfigurationAggregatorName: 'org',
    });

    config
      .on(GetAggregateComplianceDetailsByConfigRuleCommand, { AccountId: OTHER, NextToken: undefined })
      .resolves({
        AggregateEvaluationResults: [
          {
            ...result('rampart-restricted-ssh', 'AWS::EC2::SecurityGroup', 'sg-1', 'COMPLIANT'),
            AccountId: OTHER,
            AwsRegion: 'us-east-1',
          },
        ],
        NextToken: 'more',
      })
      .on(GetAggregateComplianceDetailsByConfigRuleCommand, { AccountId: OTHER, NextToken: 'more' })
      .resolves({
        AggregateEvaluationResults: [
          {
            ...result('rampart-restricted-ssh', 'AWS::EC2::SecurityGroup', 'sg-2', 'NON_COMPLIANT'),
            AccountId: OTHER,
            AwsRegion: 'us-east-1',
          },
        ],
      });
    const pages = await all(listing.targets[1]!, { kind: 'aggregator', name: 'org' });
    expect(
      pages.flatMap((p) => p.evaluations.map((e) => `${e.accountId}/${e.region}/${e.resourceId}/${e.compliance}`)),
    ).toEqual([`${OTHER}/us-east-1/sg-1/COMPLIANT`, `${OTHER}/us-east-1/sg-2/NON_COMPLIANT`]);
    const input = config.commandCalls(GetAggregateComplianceDetailsByConfigRuleCommand)[0]!.args[0].input;
    expect(input).toMatchObject({
      ConfigurationAggregatorName: 'org',
      ConfigRuleName: 'rampart-restricted-ssh',
      AccountId: OTHER,
      AwsRegion: 'us-east-1',
      Limit: 100,
    });
  });
});
