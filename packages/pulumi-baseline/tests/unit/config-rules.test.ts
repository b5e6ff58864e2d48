import * as pulumi from '@pulumi/pulumi';
import { catalog } from '@rampart/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, deploy, installMocks, ofType, one, resourcesOf } from './helpers/mocks.js';

await installMocks();
const { ConfigRules, iamActionName, isRuleEvaluable, LAMBDA_RUNTIME } = await import('../../src/index.js');
const { CONFIG_RULES, CONFIG_RULES_IAM_ACTIONS, iamActionsFor } = await import('@rampart/config-rules');

/** Every action of a component's function role, sorted. */
function roleActions(component: string): string[] {
  const policy = JSON.parse(one(resourcesOf(component), 'aws:iam/policy:Policy').inputs.policy);
  return policy.Statement.flatMap((s: { Action: string[] }) => s.Action).sort();
}
/** What apps/config-rules lists, by IAM name, plus the Lambda runtime's writes to the function's own log group. */
const expectedActions = (listed: readonly string[]) =>
  [...listed.map(iamActionName), 'logs:CreateLogStream', 'logs:PutLogEvents'].sort();

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

  it('grants exactly the actions apps/config-rules exports, no missing, no extra', () => {
    const actions = roleActions('rules');
    expect(new Set(actions).size).toBe(actions.length);
    expect(actions).toEqual(expectedActions(CONFIG_RULES_IAM_ACTIONS));
    expect(actions.length).toBeGreaterThan(60);
  });

  it('grants a subset of controls only what their rules call', () => {
    const picked = ['restricted-ssh', 'iam-password-policy', 'cw-loggroup-retention-period-check'].map(
      (id) => catalog().get(id)!,
    );
    expect(roleActions('picked')).toEqual(expectedActions(iamActionsFor(picked)));
    expect(roleActions('picked')).toContain('iam:GetAccountPasswordPolicy');
    expect(roleActions('picked')).not.toContain('shield:GetSubscriptionState');
  });

  it("uses apps/config-rules' rule definitions: names, descriptions, InputParameters, triggers and scopes", () => {
    const rules = ofType(resourcesOf('rules'), 'aws:cfg/rule:Rule');
    expect(rules).toHaveLength(CONFIG_RULES.length);
    for (const definition of CONFIG_RULES) {
      const rule = rules.find((r) => r.inputs.name === definition.name)!;
      expect(rule, definition.name).toBeDefined();
      expect(rule.inputs.description).toBe(definition.description);
      expect(rule.inputs.inputParameters).toBe(definition.inputParameters);
      expect(rule.inputs.scope).toEqual(definition.scope);
      expect(rule.inputs.source.sourceDetails).toEqual(definition.source.sourceDetails);
    }
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
