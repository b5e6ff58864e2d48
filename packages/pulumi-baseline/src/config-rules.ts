import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { type Control, catalog } from '@rampart/core';
import * as z from 'zod';
import { ArnSchema, BaselineArgsError, componentTags, environment, input, parseArgs, TagsSchema } from './common.js';
import { archive, CodeSchema, PermissionsSchema, rampartFunction } from './lambda.js';
import { CONFIG_RULES_LAMBDA_PERMISSIONS } from './permissions.js';

/** Fact type of attestations: answers only people can give, never evaluated by a Config rule. */
export const ATTESTATION_TYPE = 'Rampart::Attestation';

export const ConfigRulesArgsSchema = z.strictObject({
  /** The apps/config-rules bundle: a pulumi.asset.Archive, or the path of its build output. */
  code: CodeSchema,
  handler: z.string().default('index.handler'),
  /** Control ids to deploy rules for; every control a Config rule can evaluate when omitted. */
  controls: z.array(z.string()).optional(),
  /** Rule parameters per control id, by the managed rule's parameter names. */
  parameters: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  /** How often periodic rules run. */
  maximumExecutionFrequency: z
    .enum(['One_Hour', 'Three_Hours', 'Six_Hours', 'Twelve_Hours', 'TwentyFour_Hours'])
    .default('TwentyFour_Hours'),
  /** The function role's permissions; CONFIG_RULES_LAMBDA_PERMISSIONS unless given (apps/config-rules exports its own). */
  permissions: PermissionsSchema.default([...CONFIG_RULES_LAMBDA_PERMISSIONS]),
  /** Encrypts the function's log group. */
  kmsKeyArn: input(ArnSchema),
  memorySize: z.number().int().min(128).max(10240).default(512),
  timeout: z.number().int().min(1).max(900).default(300),
  logRetentionInDays: z.number().int().min(1).default(365),
  tags: TagsSchema,
});

export type ConfigRulesArgs = z.input<typeof ConfigRulesArgsSchema>;

/** True for controls an AWS Config rule can evaluate (attestations are for the CLI and report generator). */
export function isRuleEvaluable(control: Pick<Control, 'needs'>): boolean {
  return !control.needs.includes(ATTESTATION_TYPE);
}

/** AWS Config passes every InputParameters value as a string. */
function parameterString(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(',');
  return String(value);
}

/** The rule name and InputParameters of a control (DESIGN.md: `rampart-<control-id>`). */
export function ruleInput(
  control: Control,
  parameters: Record<string, unknown> = {},
): { name: string; inputParameters: string } {
  control.parseParameters(parameters);
  const strings = Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, parameterString(v)]));
  return { name: `rampart-${control.id}`, inputParameters: JSON.stringify({ controlId: control.id, ...strings }) };
}

/**
 * The AWS Config custom rules of the catalog: the apps/config-rules Lambda (nodejs22.x) and one rule per
 * control, triggered by configuration changes of its resource types or periodically.
 */
export class ConfigRules extends pulumi.ComponentResource {
  readonly functionArn: pulumi.Output<string>;
  /** Names of the rules created, sorted. */
  readonly ruleNames: string[];

  constructor(name: string, args: ConfigRulesArgs, opts?: pulumi.ComponentResourceOptions) {
    super('rampart:config:ConfigRules', name, {}, opts);
    const parsed = parseArgs(ConfigRulesArgsSchema, args, 'ConfigRules', name);
    const controls = selectControls(name, parsed.controls, parsed.parameters);
    const inputs = controls.map((c) => {
      try {
        return { control: c, ...ruleInput(c, parsed.parameters[c.id]) };
      } catch (error) {
        throw new BaselineArgsError(
          'ConfigRules',
          name,
          [{ path: `parameters.${c.id}`, message: error instanceof Error ? error.message : String(error) }],
          { cause: error },
        );
      }
    });
    const tags = componentTags('config-rules', parsed.tags);
    const env = environment(this);

    const fn = rampartFunction(this, {
      name: `${name}-evaluator`,
      description: 'Rampart: evaluates AWS Config configuration items against the control catalog',
      code: archive(parsed.code),
      handler: parsed.handler,
      memorySize: parsed.memorySize,
      timeout: parsed.timeout,
      environment: {},
      permissions: parsed.permissions,
      resourceValues: {},
      kmsKeyArn: parsed.kmsKeyArn,
      logRetentionInDays: parsed.logRetentionInDays,
      tags,
      env,
    });
    const permission = new aws.lambda.Permission(
      `${name}-invoke`,
      {
        action: 'lambda:InvokeFunction',
        function: fn.name,
        principal: 'config.amazonaws.com',
        sourceAccount: env.accountId,
      },
      { parent: this },
    );

    for (const { control, name: ruleName, inputParameters } of inputs) {
      const change = control.trigger === 'change';
      new aws.cfg.Rule(
        `${name}-${control.id}`,
        {
          name: ruleName,
          description: control.title,
          inputParameters,
          source: {
            owner: 'CUSTOM_LAMBDA',
            sourceIdentifier: fn.arn,
            sourceDetails: change
              ? [
                  { eventSource: 'aws.config', messageType: 'ConfigurationItemChangeNotification' },
                  { eventSource: 'aws.config', messageType: 'OversizedConfigurationItemChangeNotification' },
                ]
              : [
                  {
                    eventSource: 'aws.config',
                    messageType: 'ScheduledNotification',
                    maximumExecutionFrequency: parsed.maximumExecutionFrequency,
                  },
                ],
          },
          ...(change
            ? { scope: { complianceResourceTypes: [...control.resourceTypes] } }
            : { maximumExecutionFrequency: parsed.maximumExecutionFrequency }),
          tags: { ...tags, 'rampart:control': control.id },
        },
        { parent: this, dependsOn: [permission] },
      );
    }

    this.functionArn = fn.arn;
    this.ruleNames = inputs.map((i) => i.name).sort();
    this.registerOutputs({ functionArn: this.functionArn, ruleNames: this.ruleNames });
  }
}

function selectControls(
  name: string,
  ids: readonly string[] | undefined,
  parameters: Record<string, unknown>,
): Control[] {
  const registry = catalog();
  const issues: { path: string; message: string }[] = [];
  const unknown = (ids ?? []).filter((id) => registry.get(id) === undefined);
  if (unknown.length > 0) issues.push({ path: 'controls', message: `unknown control ids: ${unknown.join(', ')}` });
  const attestations = (ids ?? []).filter((id) => {
    const control = registry.get(id);
    return control !== undefined && !isRuleEvaluable(control);
  });
  if (attestations.length > 0) {
    issues.push({
      path: 'controls',
      message: `attestation controls are evaluated by the CLI and report generator, not Config rules: ${attestations.join(', ')}`,
    });
  }
  const selected =
    ids === undefined ? registry.all().filter(isRuleEvaluable) : registry.all().filter((c) => ids.includes(c.id));
  const selectedIds = new Set(selected.map((c) => c.id));
  const stray = Object.keys(parameters).filter((id) => !selectedIds.has(id));
  if (stray.length > 0)
    issues.push({ path: 'parameters', message: `parameters for controls not deployed: ${stray.join(', ')}` });
  if (selected.length === 0 && issues.length === 0) issues.push({ path: 'controls', message: 'selects no control' });
  if (issues.length > 0) throw new BaselineArgsError('ConfigRules', name, issues);
  return selected;
}
