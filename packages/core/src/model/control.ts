import * as z from 'zod';
import type { ConfigItem } from '../ci/config-item.js';
import type { FactType } from '../facts/fact.js';
import { bestPractice } from '../wellarchitected/best-practices.js';
import {
  ACCOUNT_RESOURCE_TYPE,
  AREAS,
  type Area,
  type CollectionError,
  type Compliance,
  SEVERITIES,
  type Severity,
} from './types.js';

/** What a control says about one resource. */
export interface Verdict {
  compliance: Compliance;
  annotation: string;
  /**
   * The resource the verdict is about, when it is not the item being evaluated (a periodic control
   * reporting on several resources, or an account-level control naming a resource).
   */
  resource?: { type: string; id: string; arn?: string | undefined };
}

export const compliant = (annotation: string): Verdict => ({ compliance: 'COMPLIANT', annotation });
export const nonCompliant = (annotation: string): Verdict => ({ compliance: 'NON_COMPLIANT', annotation });
export const notApplicable = (annotation: string): Verdict => ({ compliance: 'NOT_APPLICABLE', annotation });
export const insufficientData = (annotation: string): Verdict => ({ compliance: 'INSUFFICIENT_DATA', annotation });

export type FactLookup<T> = { found: true; value: T; item: ConfigItem } | { found: false; reason: string };

export interface Where {
  accountId?: string;
  region?: string;
}

/** What a control may look at besides the item it evaluates. Look-ups are indexed, never a scan. */
export interface EvaluationContext<P = unknown> {
  readonly params: P;
  /** "Now", passed in by the caller (`--now`, the snapshot's `capturedAt`, or the notification time). */
  readonly now: Date;
  readonly accountId: string;
  readonly region: string;
  /** Items of a type in this account and region, or in the account/region given. */
  items(resourceType: string, where?: Where): readonly ConfigItem[];
  item(resourceType: string, resourceId: string, where?: Where): ConfigItem | undefined;
  /** An account-level fact, validated against its schema. */
  fact<T>(type: FactType<T>, where?: Where): FactLookup<T>;
  /** The fact's value; when it is missing or unreadable the engine reports INSUFFICIENT_DATA with the reason. */
  require<T>(type: FactType<T>, where?: Where): T;
  /**
   * A value built once per run and account/region partition and shared by every evaluation in it
   * (an index of flow logs by VPC, say), so periodic controls never rescan a list per item.
   * `key` must name everything `build` depends on besides this context's account and region.
   */
  memo<T>(key: string, build: () => T): T;
  /** The collection error that leaves a resource or fact type unknown here, if any. */
  incomplete(resourceType: string, where?: Where): CollectionError | undefined;
}

export type Trigger = 'change' | 'periodic';

/**
 * How a control gets its evidence: `automated` reads configuration items and facts collected from
 * AWS; `attestation` reads what people declared (`Rampart::Attestation` facts from `--attestations`).
 * Attestation controls are evaluated by the CLI and the report generator only, never by a Config rule.
 */
export type ControlKind = 'automated' | 'attestation';
export const CONTROL_KINDS = ['automated', 'attestation'] as const;

/** The fact type attestations travel in; attestation controls name it in `needs`. */
export const ATTESTATION_FACT_TYPE = 'Rampart::Attestation';

/** Longest rationale line: it is shown in a table cell of docs/controls.md. */
export const RATIONALE_MAX_LENGTH = 200;

export interface ControlReferences {
  /** AWS Config managed rule names in kebab-case, exactly as the AWS Config docs list them. */
  awsConfigRules: readonly string[];
  /** Security Hub control ids (FSBP), such as `S3.8`. */
  securityHub: readonly string[];
  /** CIS AWS Foundations Benchmark v3.0.0 requirement ids. */
  cis: readonly string[];
}

export interface ControlMetadata {
  id: string;
  title: string;
  description: string;
  area: Area;
  severity: Severity;
  resourceTypes: readonly string[];
  wellArchitected: readonly string[];
  /**
   * One line per best practice in `wellArchitected`: what evidence this control gives for it. The
   * registry rejects a missing, empty, multi-line or extra rationale.
   */
  rationale: Readonly<Record<string, string>>;
  kind: ControlKind;
  references: ControlReferences;
  trigger: Trigger;
  /** Resource or fact types read through the context besides the evaluated items. */
  needs: readonly string[];
  /** Account-level controls: once per region (`regional`) or once per account (`global`). */
  scope: 'regional' | 'global';
  remediation: { text: string; url: string };
}

export interface ControlDefinition<P>
  extends Omit<ControlMetadata, 'needs' | 'scope' | 'references' | 'rationale' | 'kind'> {
  /** Required by the registry (one line per best practice); optional here so a missing one is reported with the rest. */
  rationale?: Readonly<Record<string, string>>;
  /** Default `automated`. */
  kind?: ControlKind;
  references?: Partial<ControlReferences>;
  needs?: readonly string[];
  scope?: 'regional' | 'global';
  /** Rule parameters, with the managed rule's names and documented defaults. */
  parameters?: z.ZodType<P>;
  evaluate(item: ConfigItem, ctx: EvaluationContext<P>): Verdict | readonly Verdict[];
}

/** A control, ready for the registry. `evaluate` must be pure: same item, context and "now", same verdicts. */
export interface Control<P = unknown> extends ControlMetadata {
  readonly parameters: z.ZodType<P>;
  /** True for controls on `AWS::::Account` (facts rather than resources). */
  readonly accountLevel: boolean;
  evaluate(item: ConfigItem, ctx: EvaluationContext<P>): Verdict | readonly Verdict[];
  /** Parses rule parameters (strings as AWS Config sends them, or typed values); throws {@link ControlParameterError}. */
  parseParameters(input?: Record<string, unknown>): P;
}

export class ControlParameterError extends Error {
  override readonly name = 'ControlParameterError';
  constructor(
    readonly controlId: string,
    readonly issues: { path: string; message: string }[],
    options?: { cause?: unknown },
  ) {
    super(
      `Invalid parameters for control ${controlId}: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`,
      options,
    );
  }
}

export class ControlDefinitionError extends Error {
  override readonly name = 'ControlDefinitionError';
}

const EMPTY_PARAMETERS = z.object({}).strict();

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Metadata of a control, as the registry checks it. Built on first use, not when this module loads:
 * every control module imports this one, and a process that loads one control without a registry
 * (the AWS Config rules Lambda, which validates its controls when it is bundled) would otherwise
 * build the whole schema on each cold start.
 */
export const ControlMetadataSchema = z.lazy(() => buildMetadataSchema());

function buildMetadataSchema() {
  const rationaleLine = z
    .string()
    .refine((r) => r.trim() !== '', 'must not be empty')
    .refine((r) => !/[\r\n]/.test(r), 'must be one line')
    .refine((r) => r.length <= RATIONALE_MAX_LENGTH, `must be at most ${RATIONALE_MAX_LENGTH} characters`);
  return z
    .object({
      id: z.string().regex(KEBAB, 'must be kebab-case'),
      title: z
        .string()
        .min(1)
        .max(150)
        .refine((t) => !/^ensure\b/i.test(t), 'must not start with "Ensure"'),
      description: z
        .string()
        .max(400)
        .refine((d) => d.startsWith('Checks whether'), 'must start with "Checks whether"'),
      area: z.enum(AREAS),
      severity: z.enum(SEVERITIES),
      resourceTypes: z.array(z.string().regex(/^(AWS|Rampart)::[A-Za-z0-9]*::[A-Za-z0-9]+$/)).min(1),
      wellArchitected: z
        .array(z.string().refine((id) => bestPractice(id) !== undefined, 'unknown Well-Architected best practice'))
        .min(1),
      rationale: z.record(z.string(), rationaleLine),
      kind: z.enum(CONTROL_KINDS),
      references: z.object({
        awsConfigRules: z.array(z.string().regex(KEBAB)),
        securityHub: z.array(z.string().regex(/^[A-Za-z0-9]+\.\d+$/)),
        cis: z.array(z.string().regex(/^\d+(\.\d+)*$/)),
      }),
      trigger: z.enum(['change', 'periodic']),
      needs: z.array(z.string()),
      scope: z.enum(['regional', 'global']),
      remediation: z.object({ text: z.string().min(1).max(512), url: z.url() }),
    })
    .superRefine((c, ctx) => {
      for (const bp of c.wellArchitected) {
        if (!(bp in c.rationale)) {
          ctx.addIssue({ code: 'custom', path: ['rationale', bp], message: `missing rationale for ${bp}` });
        }
      }
      for (const bp of Object.keys(c.rationale)) {
        if (!c.wellArchitected.includes(bp)) {
          ctx.addIssue({
            code: 'custom',
            path: ['rationale', bp],
            message: `rationale for ${bp}, which is not in wellArchitected`,
          });
        }
      }
      if (c.kind === 'attestation') {
        const accountOnly = c.resourceTypes.length === 1 && c.resourceTypes[0] === ACCOUNT_RESOURCE_TYPE;
        if (!accountOnly || c.scope !== 'global') {
          ctx.addIssue({
            code: 'custom',
            path: ['kind'],
            message: "attestation controls are account-level: resourceTypes ['AWS::::Account'], scope 'global'",
          });
        }
        if (!c.needs.includes(ATTESTATION_FACT_TYPE)) {
          ctx.addIssue({
            code: 'custom',
            path: ['needs'],
            message: `attestation controls need ${ATTESTATION_FACT_TYPE}`,
          });
        }
      } else if (c.needs.includes(ATTESTATION_FACT_TYPE)) {
        ctx.addIssue({
          code: 'custom',
          path: ['kind'],
          message: `controls that read ${ATTESTATION_FACT_TYPE} must be of kind 'attestation'`,
        });
      }
    });
}

/** Declares a control. Metadata is validated when the registry loads (see `createRegistry`). */
export function defineControl<P = Record<string, never>>(definition: ControlDefinition<P>): Control<P> {
  const parameters = (definition.parameters ?? EMPTY_PARAMETERS) as z.ZodType<P>;
  const accountLevel = definition.resourceTypes.includes(ACCOUNT_RESOURCE_TYPE);
  const control: Control<P> = {
    id: definition.id,
    title: definition.title,
    description: definition.description,
    area: definition.area,
    severity: definition.severity,
    resourceTypes: definition.resourceTypes,
    wellArchitected: definition.wellArchitected,
    rationale: definition.rationale ?? {},
    kind: definition.kind ?? 'automated',
    references: {
      awsConfigRules: definition.references?.awsConfigRules ?? [],
      securityHub: definition.references?.securityHub ?? [],
      cis: definition.references?.cis ?? [],
    },
    trigger: definition.trigger,
    needs: definition.needs ?? [],
    scope: definition.scope ?? 'regional',
    remediation: definition.remediation,
    parameters,
    accountLevel,
    evaluate: definition.evaluate,
    parseParameters(input = {}) {
      const result = parameters.safeParse(input);
      if (!result.success) {
        throw new ControlParameterError(
          definition.id,
          result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
          { cause: result.error },
        );
      }
      return result.data;
    },
  };
  return control;
}

function intInput(value: unknown): unknown {
  if (value === null) return undefined;
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text === '') return undefined;
  return /^[-+]?\d+$/.test(text) ? Number(text) : value;
}

/** Rule parameter helpers: AWS Config passes every `InputParameters` value as a string. */
export const param = {
  /**
   * An integer, or its decimal string. An empty string or null means "not set" (the default), where
   * `z.coerce.number()` would read 0; booleans and other non-numeric values are rejected.
   */
  int: (defaultValue: number, options: { min?: number; max?: number } = {}) => {
    let schema = z.number().int();
    if (options.min !== undefined) schema = schema.min(options.min);
    if (options.max !== undefined) schema = schema.max(options.max);
    return z.preprocess(intInput, schema.default(defaultValue));
  },
  bool: (defaultValue: boolean) =>
    z
      .union([z.boolean(), z.enum(['true', 'false', 'TRUE', 'FALSE', 'True', 'False'])])
      .transform((v) => (typeof v === 'boolean' ? v : v.toLowerCase() === 'true'))
      .default(defaultValue),
  /** Comma-separated list (or a real array); empty entries are dropped. */
  csv: (defaultValue: readonly string[] = []) =>
    z
      .union([z.string(), z.array(z.string())])
      .transform((v) => (typeof v === 'string' ? v.split(',') : v).map((s) => s.trim()).filter((s) => s !== ''))
      .default([...defaultValue]),
  string: (defaultValue?: string) =>
    defaultValue === undefined ? z.string().optional() : z.string().default(defaultValue),
};
