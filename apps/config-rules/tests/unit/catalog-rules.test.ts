import {
  ConfigServiceClient,
  GetComplianceDetailsByConfigRuleCommand,
  ListDiscoveredResourcesCommand,
  PutEvaluationsCommand,
} from '@aws-sdk/client-config-service';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { catalog } from '@rampart/core';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { EvaluationGapError } from '../../src/errors.js';
import { createHandler } from '../../src/handler.js';
import { actionsInSource, CONFIG_RULES_IAM_ACTIONS, iamActionsFor } from '../../src/iam-actions.js';
import { CONFIG_RULES, configRules, isAttestation } from '../../src/rules.js';
import { ACCOUNT, changeEvent, ENV, lambdaContext, REGION, scheduledEvent } from '../fixtures/events.js';

const config = mockClient(ConfigServiceClient);
const sts = mockClient(STSClient);
// No collectors' readers: periodic rules then see no facts, which must give INSUFFICIENT_DATA, not a crash.
// PutEvaluations through the SDK client, which aws-sdk-client-mock stands in for (the signed-request
// client is tested against a local endpoint in config-http.test.ts).
const handler = createHandler({ env: ENV, retryBaseMs: 1, collectorOptions: { readers: [] }, transport: 'sdk' });

beforeEach(() => {
  config.reset();
  sts.reset();
  config.on(PutEvaluationsCommand).resolves({ FailedEvaluations: [] });
  config.on(ListDiscoveredResourcesCommand).resolves({ resourceIdentifiers: [] });
  config.on(GetComplianceDetailsByConfigRuleCommand).resolves({ EvaluationResults: [] });
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT });
});

describe('the rules for the catalog', () => {
  it('has one rule per non-attestation control, named rampart-<control-id>', () => {
    const controls = catalog()
      .all()
      .filter((c) => !isAttestation(c));
    expect(CONFIG_RULES.map((r) => r.name)).toEqual(controls.map((c) => `rampart-${c.id}`));
    for (const rule of CONFIG_RULES) {
      expect(rule.name.length).toBeLessThanOrEqual(128);
      // AWS Config's limit on InputParameters.
      expect(rule.inputParameters.length).toBeLessThanOrEqual(1024);
      const params = JSON.parse(rule.inputParameters) as Record<string, unknown>;
      expect(params['controlId']).toBe(rule.controlId);
      for (const value of Object.values(params)) expect(typeof value).toBe('string');
    }
  });

  it('scopes change-triggered rules to their resource types and schedules the others', () => {
    for (const rule of configRules()) {
      const control = catalog().get(rule.controlId)!;
      if (rule.trigger === 'change') {
        expect(control.trigger).toBe('change');
        expect(rule.scope?.complianceResourceTypes).toEqual([...control.resourceTypes]);
        expect(rule.source.sourceDetails.map((d) => d.messageType)).toEqual([
          'ConfigurationItemChangeNotification',
          'OversizedConfigurationItemChangeNotification',
        ]);
      } else {
        expect(rule.source.sourceDetails).toEqual([
          {
            eventSource: 'aws.config',
            messageType: 'ScheduledNotification',
            maximumExecutionFrequency: 'TwentyFour_Hours',
          },
        ]);
      }
    }
  });

  it.each(CONFIG_RULES.map((r) => [r.name, r] as const))('%s runs as its rule', async (_name, rule) => {
    const control = catalog().get(rule.controlId)!;
    const ruleParameters = JSON.parse(rule.inputParameters) as Record<string, unknown>;
    const type = control.resourceTypes[0]!;
    const event =
      rule.trigger === 'change'
        ? changeEvent(
            {
              configurationItemVersion: '1.3',
              configurationItemCaptureTime: '2026-11-29T08:15:02.318Z',
              configurationItemStatus: 'OK',
              awsAccountId: ACCOUNT,
              awsRegion: type.startsWith('AWS::IAM::') ? 'global' : REGION,
              resourceType: type,
              resourceId: 'resource-1',
              resourceName: 'resource-1',
              ARN: null,
              tags: {},
              relationships: [],
              configuration: {},
              supplementaryConfiguration: {},
            },
            { configRuleName: rule.name, ruleParameters, resultToken: 'TESTMODE' },
          )
        : scheduledEvent({ configRuleName: rule.name, ruleParameters, resultToken: 'TESTMODE' });
    // An empty item or missing facts may give ERROR or INSUFFICIENT_DATA verdicts (which fail the
    // invocation by design); what must never happen is a rule that cannot run at all.
    await handler(event, lambdaContext()).catch((error: unknown) => {
      expect(error).toBeInstanceOf(EvaluationGapError);
    });
    expect(config.commandCalls(PutEvaluationsCommand)).toHaveLength(1);
  });
});

describe('IAM actions', () => {
  it('lists exact actions only, never wildcards', () => {
    expect(CONFIG_RULES_IAM_ACTIONS.length).toBeGreaterThan(5);
    for (const action of CONFIG_RULES_IAM_ACTIONS) expect(action).toMatch(/^[a-z0-9-]+:[A-Z][A-Za-z0-9]+$/);
    expect(CONFIG_RULES_IAM_ACTIONS).toEqual(expect.arrayContaining(['config:PutEvaluations', 'sts:AssumeRole']));
  });

  it('covers the APIs of every fact a periodic rule reads', () => {
    const iam = catalog().get('iam-password-policy')!;
    expect(iamActionsFor([iam])).toContain('iam:GetAccountPasswordPolicy');
    expect(actionsInSource('guardduty:ListFindings + GetFindings (oldest)')).toEqual([
      'guardduty:ListFindings',
      'guardduty:GetFindings',
    ]);
    expect(actionsInSource('s3control:GetPublicAccessBlock')).toEqual(['s3:GetAccountPublicAccessBlock']);
  });
});
