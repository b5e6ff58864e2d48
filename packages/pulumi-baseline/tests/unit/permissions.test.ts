import { describe, expect, it } from 'vitest';
import {
  ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS,
  CONFIG_RULES_LAMBDA_PERMISSIONS,
  fillResource,
  grantsFor,
  iamActionName,
  REPORT_GENERATOR_LAMBDA_PERMISSIONS,
} from '../../src/permissions.js';

describe('Lambda permission lists', () => {
  for (const [name, list] of Object.entries({ CONFIG_RULES_LAMBDA_PERMISSIONS, REPORT_GENERATOR_LAMBDA_PERMISSIONS })) {
    it(`${name}: single actions, "*" only where no resource-level permission exists`, () => {
      for (const grant of list) {
        for (const action of grant.actions) expect(action).toMatch(/^[a-z0-9-]+:[A-Za-z0-9]+$/);
        if (grant.resources.includes('*')) {
          for (const action of grant.actions) expect(ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS).toContain(action);
        }
      }
      expect(new Set(list.map((g) => g.sid)).size).toBe(list.length);
    });
  }

  it('config rules can answer Config and the list is sorted', () => {
    expect(CONFIG_RULES_LAMBDA_PERMISSIONS.flatMap((g) => g.actions)).toContain('config:PutEvaluations');
    expect([...ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS].sort()).toEqual(ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS);
  });

  it('groups statements by service, "*" only in <Service>AllResources statements', () => {
    for (const grant of [...CONFIG_RULES_LAMBDA_PERMISSIONS, ...REPORT_GENERATOR_LAMBDA_PERMISSIONS]) {
      expect(new Set(grant.actions.map((a) => a.split(':')[0])).size, grant.sid).toBe(1);
      expect(grant.resources.includes('*'), grant.sid).toBe(grant.sid.endsWith('AllResources'));
    }
    expect(grantsFor(['config:PutEvaluations', 'config:GetComplianceDetailsByConfigRule', 'sts:AssumeRole'])).toEqual([
      {
        sid: 'Config',
        actions: ['config:GetComplianceDetailsByConfigRule'],
        resources: ['arn:{partition}:config:*:{account}:config-rule/*'],
      },
      { sid: 'ConfigAllResources', actions: ['config:PutEvaluations'], resources: ['*'] },
      { sid: 'Sts', actions: ['sts:AssumeRole'], resources: ['arn:{partition}:iam::*:role/*'] },
    ]);
  });

  it('refuses an action it has no scope for, and uses IAM names for SDK client names', () => {
    expect(() => grantsFor(['s3:GetObject'])).toThrow('No resource scope for s3:GetObject');
    expect(iamActionName('emr:ListClusters')).toBe('elasticmapreduce:ListClusters');
    expect(iamActionName('wafv2:ListWebACLs')).toBe('wafv2:ListWebACLs');
  });

  it('fits an IAM managed policy (6,144 characters without whitespace), with long placeholder values', () => {
    const fill = {
      partition: 'aws-us-gov',
      region: 'us-gov-west-1',
      account: '123456789012',
      logGroup: `arn:aws-us-gov:logs:us-gov-west-1:123456789012:log-group:/aws/lambda/${'x'.repeat(64)}`,
      bucket: `arn:aws-us-gov:s3:::${'b'.repeat(63)}`,
      kmsKey: 'arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/12345678-1234-1234-1234-123456789012',
    };
    for (const list of [CONFIG_RULES_LAMBDA_PERMISSIONS, REPORT_GENERATOR_LAMBDA_PERMISSIONS]) {
      const statements = list.map((g) => ({
        Sid: g.sid,
        Effect: 'Allow',
        Action: g.actions,
        Resource: g.resources.map((r) => fillResource(r, fill)),
      }));
      expect(JSON.stringify({ Version: '2012-10-17', Statement: statements }).length).toBeLessThan(6144);
    }
  });

  it('fills placeholders and refuses unknown ones', () => {
    expect(fillResource('arn:{partition}:guardduty:*:{account}:detector/*', { partition: 'aws', account: '1' })).toBe(
      'arn:aws:guardduty:*:1:detector/*',
    );
    expect(() => fillResource('{bucket}/x', {})).toThrow('No value for {bucket}');
  });
});
