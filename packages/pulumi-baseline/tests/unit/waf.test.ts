import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, deploy, installMocks, ofType, one, resourcesOf } from './helpers/mocks.js';

await installMocks();
const { WebAcl, WebAclCapacityError, webAclCapacity, WebAclArgsSchema, BaselineArgsError } = await import(
  '../../src/index.js'
);

const KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/logs`;
const ALB = `arn:aws:elasticloadbalancing:eu-west-1:${ACCOUNT}:loadbalancer/app/web/0123456789abcdef`;

describe('WebAcl', () => {
  beforeAll(() =>
    deploy(
      () =>
        new WebAcl('waf', {
          logging: { kmsKeyArn: KEY, redactHeaders: ['X-Api-Key'] },
          associations: [ALB],
          managedRuleGroups: [
            'AWSManagedRulesCommonRuleSet',
            { name: 'AWSManagedRulesSQLiRuleSet', countRules: ['SQLi_BODY'] },
          ],
        }),
    ),
  );

  it('allows by default and puts the rate rule at priority 1, blocking 2000 requests per 5 minutes per IP', () => {
    const acl = one(resourcesOf('waf'), 'aws:wafv2/webAcl:WebAcl');
    expect(acl.inputs.defaultAction).toEqual({ allow: {} });
    expect(acl.inputs.scope).toBe('REGIONAL');
    const rate = acl.inputs.rules.find((r: { priority: number }) => r.priority === 1);
    expect(rate.action).toEqual({ block: {} });
    expect(rate.statement.rateBasedStatement).toEqual({
      limit: 2000,
      evaluationWindowSec: 300,
      aggregateKeyType: 'IP',
    });
  });

  it('runs the managed groups after it, with per-rule count overrides, and metrics on every rule', () => {
    const acl = one(resourcesOf('waf'), 'aws:wafv2/webAcl:WebAcl');
    const groups = acl.inputs.rules.filter((r: { statement: object }) => 'managedRuleGroupStatement' in r.statement);
    expect(groups.map((g: { name: string; priority: number }) => [g.name, g.priority])).toEqual([
      ['AWSManagedRulesCommonRuleSet', 10],
      ['AWSManagedRulesSQLiRuleSet', 20],
    ]);
    expect(groups[1].statement.managedRuleGroupStatement.ruleActionOverrides).toEqual([
      { name: 'SQLi_BODY', actionToUse: { count: {} } },
    ]);
    for (const rule of [...acl.inputs.rules, { visibilityConfig: acl.inputs.visibilityConfig }]) {
      expect(rule.visibilityConfig.cloudwatchMetricsEnabled).toBe(true);
      expect(rule.visibilityConfig.sampledRequestsEnabled).toBe(true);
    }
  });

  it('logs to an encrypted aws-waf-logs- group with authorization and cookie redacted', () => {
    const group = one(resourcesOf('waf'), 'aws:cloudwatch/logGroup:LogGroup');
    expect(group.inputs.name).toBe('aws-waf-logs-waf');
    expect(group.inputs.kmsKeyId).toBe(KEY);
    const logging = one(resourcesOf('waf'), 'aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration');
    expect(logging.inputs.redactedFields).toEqual([
      { singleHeader: { name: 'authorization' } },
      { singleHeader: { name: 'cookie' } },
      { singleHeader: { name: 'x-api-key' } },
    ]);
  });

  it('associates the given resources', () => {
    const assoc = one(resourcesOf('waf'), 'aws:wafv2/webAclAssociation:WebAclAssociation');
    expect(assoc.inputs.resourceArn).toBe(ALB);
  });

  it('computes the default capacity from the WCU table', () => {
    const parsed = WebAclArgsSchema.parse({ logging: false });
    expect(webAclCapacity(parsed).total).toBe(2 + 700 + 200 + 25 + 50 + 200);
  });

  it('fails above the WCU limit, naming each rule group', () => {
    expect(() => new WebAcl('too-big', { logging: false, wcuLimit: 1000 })).toThrow(WebAclCapacityError);
    expect(() => new WebAcl('too-big', { logging: false, wcuLimit: 1000 })).toThrow(
      'WebAcl "too-big" needs 1177 WCU (rate-limit 2, AWSManagedRulesCommonRuleSet 700, AWSManagedRulesKnownBadInputsRuleSet 200, AWSManagedRulesAmazonIpReputationList 25, AWSManagedRulesAnonymousIpList 50, AWSManagedRulesSQLiRuleSet 200) but its limit is 1000',
    );
  });

  it('fails with clear messages on bad args', () => {
    expect(() => new WebAcl('bad', {})).toThrow(BaselineArgsError);
    expect(() => new WebAcl('bad', {})).toThrow('logging.kmsKeyArn: required to encrypt the log group');
    expect(() => new WebAcl('bad', { logging: false, associations: ['arn:aws:s3:::bucket'] })).toThrow(
      'must be the ARN of an ALB, API Gateway stage, AppSync API or Cognito user pool',
    );
    expect(() => new WebAcl('bad', { logging: false, scope: 'CLOUDFRONT', associations: [ALB] })).toThrow(
      'a CLOUDFRONT web ACL is attached through the distribution',
    );
    expect(() => new WebAcl('bad', { logging: false, managedRuleGroups: ['SomeoneElsesGroup'] })).toThrow(
      'capacity of AWS/SomeoneElsesGroup is unknown; give its wcu',
    );
    expect(
      () => new WebAcl('bad', { logging: { destinationArn: `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:my-logs` } }),
    ).toThrow('a WAF log destination name must start with aws-waf-logs-');
  });

  it('can drop the rate rule and logging only explicitly', async () => {
    await deploy(() => new WebAcl('plain', { rateLimit: false, logging: false }));
    const acl = one(resourcesOf('plain'), 'aws:wafv2/webAcl:WebAcl');
    expect(acl.inputs.rules.some((r: { name: string }) => r.name === 'rate-limit')).toBe(false);
    expect(ofType(resourcesOf('plain'), 'aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration')).toEqual([]);
  });
});
