import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { type ConfigRuleDefinition, configRuleFor, configRules, isAttestation } from '@rampart/config-rules';
import { type Control, catalog } from '@rampart/core';
import * as z from 'zod';
import { ArnSchema, BaselineArgsError, componentTags, environment, input, parseArgs, TagsSchema } from './common.js';
import { archive, CodeSchema, PermissionsSchema, rampartFunction } from './lambda.js';
import { configRulesPermissions } from './permissions.js';

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
  /**
   * The function role's permissions. By default, the actions apps/config-rules lists for the selected controls'
   * rules (iamActionsFor), scoped by configRulesPermissions.
   */
  permissions: PermissionsSchema.optional(),
  /** Encrypts the function's log group. */
  kmsKeyArn: input(ArnSchema),
  memorySize: z.number().int().min(128).max(10240).default(512),
  timeout: z.number().int().min(1).max(900).default(300),
  logRetentionInDays: z.number().int().min(1).default(365),
  tags: TagsSchema,
});

export type ConfigRulesArgs = z.input<typeof ConfigRulesArgsSchema>;

/** True for controls an AWS Config rule can evaluate (attestations are for the CLI and report generator). */
export function isRuleEvaluable(control: Pick<Control, 'needs'> & Partial<Pick<Control, 'resourceTypes'>>): boolean {
  return !isAttestation({ resourceTypes: [], ...control } as unknown as Control<unknown>);
}

/** A parameter value as AWS Config passes it (a string; lists comma-separated), as apps/config-rules writes them. */
function parameterString(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(String).join(',');
  if (typeof value === 'object') return Object.keys(value).length === 0 ? undefined : JSON.stringify(value);
  return String(value);
}

/**
 * A control's rule as apps/config-rules defines it (name `rampart-<control-id>`, trigger, scope, InputParameters
 * with the control's defaults), with the given parameters overriding those defaults.
 */
export function ruleDefinition(
  control: Control,
  parameters: Record<string, unknown> = {},
  options: {
    maximumExecutionFrequency?: ConfigRuleDefinition['source']['sourceDetails'][number]['maximumExecutionFrequency'];
  } = {},
): ConfigRuleDefinition {
  control.parseParameters(parameters);
  const definition = configRuleFor(control, options);
  const overrides: Record<string, string> = {};
  for (const [name, value] of Object.entries(parameters)) {
    const text = parameterString(value);
    if (text !== undefined) overrides[name] = text;
  }
  if (Object.keys(overrides).length === 0) return definition;
  return {
    ...definition,
    inputParameters: JSON.stringify({ ...JSON.parse(definition.inputParameters), ...overrides, controlId: control.id }),
  };
}

/** The rule name and InputParameters of a control (DESIGN.md: `rampart-<control-id>`). */
export function ruleInput(
  control: Control,
  parameters: Record<string, unknown> = {},
): { name: string; inputParameters: string } {
  const { name, inputParameters } = ruleDefinition(control, parameters);
  return { name, inputParameters };
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
    const options = { maximumExecutionFrequency: parsed.maximumExecutionFrequency };
    // Every selected control has a rule in apps/config-rules' definitions (attestations were refused above).
    const defined = new Set(configRules(controls, options).map((r) => r.controlId));
    const definitions = controls.map((c) => {
      if (!defined.has(c.id)) throw new Error(`apps/config-rules defines no rule for control ${c.id}`);
      try {
        return { control: c, definition: ruleDefinition(c, parsed.parameters[c.id], options) };
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
      permissions: parsed.permissions ?? configRulesPermissions(controls),
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

    for (const { control, definition } of definitions) {
      new aws.cfg.Rule(
        `${name}-${control.id}`,
        {
          name: definition.name,
          description: definition.description,
          inputParameters: definition.inputParameters,
          source: { ...definition.source, sourceIdentifier: fn.arn },
          ...(definition.scope !== undefined
            ? { scope: definition.scope }
            : { maximumExecutionFrequency: parsed.maximumExecutionFrequency }),
          tags: { ...tags, 'rampart:control': control.id },
        },
        { parent: this, dependsOn: [permission] },
      );
    }

    this.functionArn = fn.arn;
    this.ruleNames = definitions.map((d) => d.definition.name).sort();
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
