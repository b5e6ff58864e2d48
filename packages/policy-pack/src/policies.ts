import type {
  EnforcementLevel,
  PolicyConfigSchema,
  ReportViolation,
  StackValidationArgs,
  StackValidationPolicy,
} from '@pulumi/policy';
import { type Control, SEVERITIES, type Severity } from '@rampart/core';
import { previewControls } from './controls.js';
import { type EnvOptions, evaluateStack, type StackEvaluation } from './evaluate.js';
import type { PolicyResourceLike } from './stack.js';

/** How strictly the pack enforces. Per-control levels in Pulumi's policy config file still win. */
export interface EnforcementOptions {
  /** Level of every control not raised by `mandatorySeverities` or `controls`; `advisory` unless given. */
  default?: EnforcementLevel;
  /** Controls of these severities are mandatory (for example `['CRITICAL', 'HIGH']`). */
  mandatorySeverities?: readonly Severity[];
  /** Per-control levels by control id. */
  controls?: Readonly<Record<string, EnforcementLevel>>;
  /**
   * What to do when a control cannot decide at preview (INSUFFICIENT_DATA: a value is known only after
   * apply). `advisory` (default) reports it through the advisory `rampart-insufficient-data` policy;
   * `silent` reports nothing. Never a violation of the control's own policy.
   */
  insufficientData?: 'advisory' | 'silent';
}

export interface PolicyOptions extends EnvOptions {
  enforcement?: EnforcementOptions;
  /** Controls to build policies for; all the preview controls by default. */
  controls?: readonly Control<unknown>[];
}

/**
 * A resource suppresses a control with the tag `rampart:suppress:<control-id>` whose value is the reason
 * (cdk-nag's suppressions, as data on the resource): the control's policy then reports nothing for it,
 * and the advisory `rampart-suppressions` policy lists every suppression with its reason, so none is
 * silent. A suppression without a reason is ignored.
 */
export const SUPPRESS_TAG_PREFIX = 'rampart:suppress:';

/** The advisory policy that lists the suppressions in force. */
export const SUPPRESSIONS_POLICY = 'rampart-suppressions';

/** The reason a resource's tags give for suppressing `controlId`, if any. */
export function suppressionReason(tags: unknown, controlId: string): string | undefined {
  if (tags === null || typeof tags !== 'object') return undefined;
  const reason = (tags as Record<string, unknown>)[`${SUPPRESS_TAG_PREFIX}${controlId}`];
  return typeof reason === 'string' && reason.trim() !== '' ? reason.trim() : undefined;
}

function tagsByUrn(resources: readonly PolicyResourceLike[]): Map<string, unknown> {
  return new Map(resources.map((r) => [r.urn, (r.props as { tags?: unknown } | undefined)?.tags]));
}

/** The name of the advisory policy that reports what could not be decided at preview. */
export const INSUFFICIENT_DATA_POLICY = 'rampart-insufficient-data';

const SEVERITY: Readonly<Record<Severity, 'low' | 'medium' | 'high' | 'critical'>> = {
  CRITICAL: 'critical',
  HIGH: 'high',
  MEDIUM: 'medium',
  LOW: 'low',
  INFORMATIONAL: 'low',
};

/** The enforcement level a control's policy gets from the options. */
export function enforcementLevelFor(control: Control<unknown>, options: EnforcementOptions = {}): EnforcementLevel {
  const own = options.controls?.[control.id];
  if (own !== undefined) return own;
  if (options.mandatorySeverities?.includes(control.severity)) return 'mandatory';
  return options.default ?? 'advisory';
}

/** Each policy's config: the control's rule parameters, by the managed rule's names, as AWS Config takes them. */
export const POLICY_CONFIG_SCHEMA: PolicyConfigSchema = {
  properties: {
    parameters: {
      type: 'object',
      description: "The control's rule parameters (the AWS Config managed rule's names); see docs/controls.md.",
    },
  },
};

/** The message of a violation: the control's annotation, then where to read how to fix it. */
export function violationMessage(control: Control<unknown>, evaluation: StackEvaluation): string {
  const prefix = evaluation.compliance === 'ERROR' ? 'The control failed, so nothing is known: ' : '';
  return `${prefix}${evaluation.annotation} Remediation: ${control.remediation.url}`;
}

/**
 * One evaluation of the whole stack per `args`, shared by every policy of the pack (CrossGuard calls
 * each stack policy with its own args object, but the same resources): built on first request.
 */
class StackRun {
  readonly #cache = new WeakMap<object, Map<string, Map<string, StackEvaluation[]>>>();

  constructor(
    private readonly controls: readonly Control<unknown>[],
    private readonly env: EnvOptions,
  ) {}

  evaluations(
    resources: readonly PolicyResourceLike[],
    parameters: Record<string, Record<string, unknown>>,
  ): Map<string, StackEvaluation[]> {
    let byParameters = this.#cache.get(resources);
    if (byParameters === undefined) {
      byParameters = new Map();
      this.#cache.set(resources, byParameters);
    }
    const paramKey = JSON.stringify(parameters);
    const cached = byParameters.get(paramKey);
    if (cached !== undefined) return cached;
    const byControl = new Map<string, StackEvaluation[]>();
    for (const e of evaluateStack(resources, this.controls, { ...this.env, parameters })) {
      const list = byControl.get(e.controlId) ?? [];
      list.push(e);
      byControl.set(e.controlId, list);
    }
    byParameters.set(paramKey, byControl);
    return byControl;
  }
}

/**
 * The pack's policies: one stack policy per preview control (named by the control id), plus the
 * advisory policy for INSUFFICIENT_DATA. Tests call these directly with fake `args`; only `pack.ts`
 * hands them to `new PolicyPack(...)`.
 */
export function buildPolicies(options: PolicyOptions = {}): StackValidationPolicy[] {
  const controls = options.controls ?? previewControls();
  const enforcement = options.enforcement ?? {};
  const run = new StackRun(controls, { accountId: options.accountId, region: options.region } as EnvOptions);
  const parametersOf = (args: StackValidationArgs, id: string): Record<string, Record<string, unknown>> => {
    const config = args.getConfig<{ parameters?: Record<string, unknown> }>();
    return config.parameters ? { [id]: config.parameters } : {};
  };

  const policies: StackValidationPolicy[] = controls.map((control) => ({
    name: control.id,
    displayName: control.title,
    description: `${control.description} (Rampart control ${control.id}, ${control.severity})`,
    enforcementLevel: enforcementLevelFor(control, enforcement),
    severity: SEVERITY[control.severity],
    remediationSteps: control.remediation.text,
    url: control.remediation.url,
    tags: [control.area, ...control.wellArchitected],
    configSchema: POLICY_CONFIG_SCHEMA,
    validateStack(args: StackValidationArgs, reportViolation: ReportViolation) {
      const evaluations = run.evaluations(args.resources, parametersOf(args, control.id)).get(control.id) ?? [];
      const tags = tagsByUrn(args.resources);
      for (const e of evaluations) {
        if (e.compliance !== 'NON_COMPLIANT' && e.compliance !== 'ERROR') continue;
        if (e.compliance === 'NON_COMPLIANT' && suppressionReason(tags.get(e.urn ?? ''), control.id) !== undefined)
          continue;
        reportViolation(violationMessage(control, e), e.urn);
      }
    },
  }));

  policies.push({
    name: SUPPRESSIONS_POLICY,
    displayName: 'Rampart controls suppressed on a resource',
    description: `Lists every Rampart violation a resource suppresses with a ${SUPPRESS_TAG_PREFIX}<control-id> tag, with the tag's reason. Advisory only.`,
    enforcementLevel: 'advisory',
    severity: 'low',
    validateStack(args: StackValidationArgs, reportViolation: ReportViolation) {
      const tags = tagsByUrn(args.resources);
      for (const [id, evaluations] of run.evaluations(args.resources, {})) {
        for (const e of evaluations) {
          if (e.compliance !== 'NON_COMPLIANT') continue;
          const reason = suppressionReason(tags.get(e.urn ?? ''), id);
          if (reason !== undefined) reportViolation(`${id} suppressed: ${e.annotation} Reason: ${reason}`, e.urn);
        }
      }
    },
  });

  if ((enforcement.insufficientData ?? 'advisory') === 'advisory') {
    const byId = new Map(controls.map((c) => [c.id, c] as const));
    policies.push({
      name: INSUFFICIENT_DATA_POLICY,
      displayName: 'Rampart controls that cannot decide at preview',
      description:
        'Reports the Rampart controls that could not decide at preview because a value is known only after apply (INSUFFICIENT_DATA). Advisory only: AWS Config decides after deployment.',
      enforcementLevel: 'advisory',
      severity: 'low',
      validateStack(args: StackValidationArgs, reportViolation: ReportViolation) {
        for (const [id, evaluations] of run.evaluations(args.resources, {})) {
          const control = byId.get(id);
          if (control === undefined) continue;
          for (const e of evaluations) {
            if (e.compliance === 'INSUFFICIENT_DATA') reportViolation(`${control.id}: ${e.annotation}`, e.urn);
          }
        }
      },
    });
  }
  return policies;
}

/** Parses `RAMPART_MANDATORY_SEVERITIES` (`CRITICAL,HIGH`) and `RAMPART_INSUFFICIENT_DATA` (`advisory|silent`). */
export function enforcementFromEnv(env: Readonly<Record<string, string | undefined>>): EnforcementOptions {
  const severities = (env['RAMPART_MANDATORY_SEVERITIES'] ?? '')
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter((s) => s !== '');
  const bad = severities.filter((s) => !(SEVERITIES as readonly string[]).includes(s));
  if (bad.length > 0) {
    throw new PolicyPackConfigError(
      `RAMPART_MANDATORY_SEVERITIES holds unknown severities: ${bad.join(', ')} (expected ${SEVERITIES.join(', ')})`,
    );
  }
  const insufficient = env['RAMPART_INSUFFICIENT_DATA'] ?? 'advisory';
  if (insufficient !== 'advisory' && insufficient !== 'silent') {
    throw new PolicyPackConfigError(`RAMPART_INSUFFICIENT_DATA must be advisory or silent, not ${insufficient}`);
  }
  const levels = ['advisory', 'mandatory', 'disabled'] as const;
  const level = env['RAMPART_DEFAULT_ENFORCEMENT'] ?? 'advisory';
  if (!(levels as readonly string[]).includes(level)) {
    throw new PolicyPackConfigError(`RAMPART_DEFAULT_ENFORCEMENT must be one of ${levels.join(', ')}, not ${level}`);
  }
  return {
    default: level as EnforcementLevel,
    mandatorySeverities: severities as Severity[],
    insufficientData: insufficient,
  };
}

export class PolicyPackConfigError extends Error {
  override readonly name = 'PolicyPackConfigError';
}
