import * as pulumi from '@pulumi/pulumi';
import { catalog } from '@rampart/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, deploy, installMocks, ofType, one, resourcesOf } from './helpers/mocks.js';

await installMocks();
const { ConfigRules, isRuleEvaluable, LAMBDA_RUNTIME } = await import('../../src/index.js');

const KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/logs`;
const code = new pulumi.asset.AssetArchive({ 'index.mjs': new pulumi.asset.StringAsset('export const handler = 1;') });

describe('ConfigRules', () => {
  beforeAll(async () => {
    await deploy(() => new ConfigRules('rules', { code, kmsKeyArn: KEY }));
    await deploy(
      () =>
        new ConfigRules('picked', {
          code: '/tmp/config-rules-bundle',
          kmsKeyArn: KEY,
          controls: ['restricted-ssh', 'iam-password-policy', 'cw-loggroup-retention-period-check'],
          parameters: { 'cw-loggroup-retention-period-check': { MinRetentionTime: 400, LogGroupNames: ['a', 'b'] } },
        }),
    );
  });

  it('deploys the bundle as a nodejs22.x Lambda with its own encrypted log group', () => {
    const fn = one(resourcesOf('rules'), 'aws:lambda/function:Function');
    expect(LAMBDA_RUNTIME).toBe('nodejs22.x');
    expect(fn.inputs.runtime).toBe('nodejs22.x');
    expect(fn.inputs.loggingConfig.logGroup).toBe('/aws/lambda/rules-evaluator');
    expect(one(resourcesOf('rules'), 'aws:cloudwatch/logGroup:LogGroup').inputs.kmsKeyId).toBe(KEY);
    const permission = one(resourcesOf('rules'), 'aws:lambda/permission:Permission');
    expect(permission.inputs).toMatchObject({ principal: 'config.amazonaws.com', sourceAccount: ACCOUNT });
  });

  it('creates one rule per rule-evaluable control of the catalog, named rampart-<id>', () => {
    const rules = ofType(resourcesOf('rules'), 'aws:cfg/rule:Rule');
    const expected = catalog()
      .all()
      .filter(isRuleEvaluable)
      .map((c) => `rampart-${c.id}`);
    expect(rules.map((r) => r.inputs.name).sort()).toEqual(expected.sort());
    for (const r of rules) {
      expect(r.inputs.source.owner).toBe('CUSTOM_LAMBDA');
      expect(r.inputs.tags['rampart:component']).toBe('config-rules');
    }
  });

  it('scopes change-triggered rules by resource type and schedules periodic ones', () => {
    const rules = ofType(resourcesOf('picked'), 'aws:cfg/rule:Rule');
    const ssh = rules.find((r) => r.inputs.name === 'rampart-restricted-ssh')!;
    expect(ssh.inputs.scope).toEqual({ complianceResourceTypes: ['AWS::EC2::SecurityGroup'] });
    expect(ssh.inputs.source.sourceDetails.map((d: { messageType: string }) => d.messageType)).toEqual([
      'ConfigurationItemChangeNotification',
      'OversizedConfigurationItemChangeNotification',
    ]);
    const password = rules.find((r) => r.inputs.name === 'rampart-iam-password-policy')!;
    expect(password.inputs.scope).toBeUndefined();
    expect(password.inputs.source.sourceDetails).toEqual([
      {
        eventSource: 'aws.config',
        messageType: 'ScheduledNotification',
        maximumExecutionFrequency: 'TwentyFour_Hours',
      },
    ]);
  });

  it('passes the control id and its parameters as strings in InputParameters', () => {
    const rules = ofType(resourcesOf('picked'), 'aws:cfg/rule:Rule');
    expect(rules).toHaveLength(3);
    const logs = rules.find((r) => r.inputs.name === 'rampart-cw-loggroup-retention-period-check')!;
    expect(JSON.parse(logs.inputs.inputParameters)).toEqual({
      controlId: 'cw-loggroup-retention-period-check',
      MinRetentionTime: '400',
      LogGroupNames: 'a,b',
    });
    const ssh = rules.find((r) => r.inputs.name === 'rampart-restricted-ssh')!;
    expect(JSON.parse(ssh.inputs.inputParameters)).toEqual({ controlId: 'restricted-ssh' });
  });

  it('excludes attestation controls', () => {
    expect(isRuleEvaluable({ needs: ['Rampart::Attestation'] })).toBe(false);
    expect(isRuleEvaluable({ needs: ['Rampart::IAM::PasswordPolicy'] })).toBe(true);
  });

  it('fails with clear messages on unknown controls, bad parameters and missing code', () => {
    expect(() => new ConfigRules('bad', { code, kmsKeyArn: KEY, controls: ['no-such-control'] })).toThrow(
      'Invalid ConfigRules args for "bad": controls: unknown control ids: no-such-control',
    );
    expect(
      () =>
        new ConfigRules('bad', {
          code,
          kmsKeyArn: KEY,
          controls: ['cw-loggroup-retention-period-check'],
          parameters: { 'cw-loggroup-retention-period-check': { MinRetentionTime: 'soon' } },
        }),
    ).toThrow(
      'parameters.cw-loggroup-retention-period-check: Invalid parameters for control cw-loggroup-retention-period-check',
    );
    expect(
      () =>
        new ConfigRules('bad', {
          code,
          kmsKeyArn: KEY,
          controls: ['restricted-ssh'],
          parameters: { 'iam-password-policy': {} },
        }),
    ).toThrow('parameters: parameters for controls not deployed: iam-password-policy');
    expect(() => new ConfigRules('bad', { kmsKeyArn: KEY } as never)).toThrow('code');
    expect(
      () =>
        new ConfigRules('bad', {
          code,
          kmsKeyArn: KEY,
          permissions: [{ sid: 'All', actions: ['s3:*'], resources: ['*'] }],
        }),
    ).toThrow('must be one service:Action, without wildcards');
  });
});
