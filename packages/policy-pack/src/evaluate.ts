import {
  type Control,
  type Evaluation,
  evaluateSnapshot,
  factResourceId,
  factType,
  normalizeItem,
  Snapshot,
} from '@rampart/core';
import { type AdaptedItem, type AdapterEnv, FACT_ADAPTERS, RESOURCE_ADAPTERS } from './adapters/index.js';
import { type PolicyResourceLike, Stack } from './stack.js';
import { checked, isUnknown } from './unknown.js';

/** Where the items of a stack are attributed; inferred from the ARNs the program holds when not given. */
export interface EnvOptions {
  accountId?: string;
  region?: string;
}

/** One verdict of one control, with the URN of the Pulumi resource it is about. */
export interface StackEvaluation extends Evaluation {
  urn: string | undefined;
}

export interface StackItems {
  env: AdapterEnv;
  /** The configuration items (event shape) built from the stack, with the URN each came from. */
  items: { raw: Record<string, unknown>; urn: string }[];
  /** Fact types built from the stack, with the URN of the resource that declares each. */
  facts: Map<string, string>;
  /** Fact types whose resources are in the stack (built or, when unknown values prevented it, not). */
  declaredFacts: Set<string>;
}

const ARN = /^arn:(aws[a-z-]*):[a-z0-9-]+:([a-z]{2}(?:-[a-z]+)+-\d)?:(\d{12}):/;

/** The most frequent account and region among the ARNs in the stack's inputs (policies name the account). */
export function inferEnv(stack: Stack, options: EnvOptions = {}): AdapterEnv {
  const accounts = new Map<string, number>();
  const regions = new Map<string, number>();
  let partition = 'aws';
  const visit = (value: unknown, depth: number): void => {
    if (depth > 12) return;
    if (typeof value === 'string') {
      for (const candidate of value.includes('"') ? (value.match(/arn:[^"\s]+/g) ?? []) : [value]) {
        const m = ARN.exec(candidate);
        if (m === null) continue;
        partition = m[1]!;
        if (m[2]) regions.set(m[2], (regions.get(m[2]) ?? 0) + 1);
        accounts.set(m[3]!, (accounts.get(m[3]!) ?? 0) + 1);
      }
    } else if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
    } else if (value !== null && typeof value === 'object' && !isUnknown(value)) {
      for (const v of Object.values(value)) visit(v, depth + 1);
    }
  };
  for (const r of stack.resources) visit(r.props, 0);
  const top = (m: Map<string, number>) =>
    [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  const providerRegion = stack.resources.find((r) => r.providerRegion !== undefined)?.providerRegion;
  return {
    accountId: options.accountId ?? top(accounts) ?? '000000000000',
    region: options.region ?? providerRegion ?? top(regions) ?? 'us-east-1',
    partition,
  };
}

function toRaw(item: AdaptedItem, env: AdapterEnv): Record<string, unknown> {
  const supplementary: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item.supplementaryConfiguration ?? {})) supplementary[k] = checked(v);
  return {
    configurationItemStatus: 'OK',
    awsAccountId: env.accountId,
    awsRegion: item.region ?? env.region,
    resourceType: item.resourceType,
    resourceId: item.resourceId,
    resourceName: item.resourceName ?? null,
    ARN: item.arn ?? null,
    tags: Object.fromEntries(Object.entries(item.tags ?? {}).filter(([, v]) => typeof v === 'string')),
    relationships: [],
    configuration: checked(item.configuration),
    supplementaryConfiguration: supplementary,
  };
}

/** The configuration items and facts a stack's resources amount to. */
export function stackItems(resources: readonly PolicyResourceLike[], options: EnvOptions = {}): StackItems {
  const stack = new Stack(resources);
  const env = inferEnv(stack, options);
  const items: StackItems['items'] = [];
  const seen = new Set<string>();
  for (const adapter of RESOURCE_ADAPTERS) {
    for (const resource of stack.ofType(adapter.tokens)) {
      const item = adapter.adapt(resource, stack, env);
      // Two resources with the same natural id (or an unknown one) stay apart under their Pulumi names.
      const key = `${item.resourceType}\u0000${item.region ?? env.region}\u0000${item.resourceId}`;
      if (seen.has(key)) item.resourceId = `${item.resourceId} (${resource.name})`;
      seen.add(`${item.resourceType}\u0000${item.region ?? env.region}\u0000${item.resourceId}`);
      items.push({ raw: toRaw(item, env), urn: resource.urn });
    }
  }
  const facts = new Map<string, string>();
  const declaredFacts = new Set<string>();
  for (const adapter of FACT_ADAPTERS) {
    if (stack.ofType(adapter.tokens).length === 0) continue;
    declaredFacts.add(adapter.factType);
    facts.set(adapter.factType, stack.ofType(adapter.tokens)[0]!.urn);
    const built = adapter.build(stack, env);
    if (built === undefined) continue;
    const type = factType(adapter.factType);
    if (type === undefined) continue;
    const region = type.scope === 'global' ? 'global' : env.region;
    items.push({
      raw: {
        configurationItemStatus: 'OK',
        awsAccountId: env.accountId,
        awsRegion: region,
        resourceType: adapter.factType,
        resourceId: factResourceId(type, env.accountId, region),
        configuration: built.value,
      },
      urn: built.resource.urn,
    });
    facts.set(adapter.factType, built.resource.urn);
  }
  return { env, items, facts, declaredFacts };
}

/**
 * Evaluates controls over a stack with the engine itself: the same `evaluateSnapshot` the CLI and the
 * Config rules Lambda run. Account-level controls run only when the stack declares what their facts
 * describe (a stack without a GuardDuty detector says nothing about GuardDuty).
 */
export function evaluateStack(
  resources: readonly PolicyResourceLike[],
  controls: readonly Control<unknown>[],
  options: EnvOptions & { parameters?: Readonly<Record<string, Record<string, unknown>>>; now?: Date } = {},
): StackEvaluation[] {
  const built = stackItems(resources, options);
  const { env } = built;
  const snapshot = new Snapshot();
  const now = options.now ?? new Date();
  snapshot.addHeader({
    version: 1,
    capturedAt: now.toISOString(),
    accounts: [env.accountId],
    regions: [env.region],
    tool: 'rampart policy pack',
  });
  const urns = new Map<string, string>();
  built.items.forEach(({ raw, urn }, index) => {
    const result = normalizeItem(raw);
    if (!result.ok) {
      const detail = result.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      throw new Error(`Adapter produced an invalid configuration item for ${urn}: ${detail}`);
    }
    snapshot.add(result.item, { source: 'pulumi stack', position: `resource ${index}` });
    urns.set(`${result.item.resourceType}\u0000${result.item.resourceId}`, urn);
  });
  const problem = snapshot.problems[0];
  if (problem !== undefined) throw new Error(`Adapter produced an invalid fact: ${problem.path}: ${problem.message}`);
  const selected = controls.filter((c) => !c.accountLevel || c.needs.some((n) => built.declaredFacts.has(n)));
  const run = evaluateSnapshot(snapshot, { controls: selected, now, parameters: options.parameters ?? {} });
  const accountUrn = (control: string): string | undefined => {
    const c = selected.find((s) => s.id === control);
    for (const need of c?.needs ?? []) {
      const urn = built.facts.get(need);
      if (urn !== undefined) return urn;
    }
    return undefined;
  };
  return run.evaluations.map((e) => ({
    ...e,
    urn:
      e.resourceType === 'AWS::::Account'
        ? accountUrn(e.controlId)
        : urns.get(`${e.resourceType}\u0000${e.resourceId}`),
  }));
}
