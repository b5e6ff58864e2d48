import type { ConfigItem } from '../ci/config-item.js';
import type { FactType } from '../facts/fact.js';
import type { Control, EvaluationContext, FactLookup, Verdict, Where } from '../model/control.js';
import { type CollectionError, type Evaluation, GLOBAL_REGION, type IncompleteScope } from '../model/types.js';
import { accountItem, type Snapshot } from './snapshot.js';

/**
 * Thrown (through `ctx.require`) when a control needs data the input does not hold; the engine
 * turns it into INSUFFICIENT_DATA with the message, never a pass.
 */
export class MissingDataError extends Error {
  override readonly name = 'MissingDataError';

  /**
   * Thrown once per resource when a fact is missing, so it can be thrown tens of thousands of times
   * in a run: it is control flow, not a bug, and capturing a stack trace each time would dominate.
   */
  static withoutStack(message: string): MissingDataError {
    // `stackTraceLimit` is V8's (Node); elsewhere setting it is harmless.
    const errorClass = Error as { stackTraceLimit?: number };
    const limit = errorClass.stackTraceLimit;
    errorClass.stackTraceLimit = 0;
    try {
      return new MissingDataError(message);
    } finally {
      errorClass.stackTraceLimit = limit;
    }
  }
}

export interface EvaluateOptions {
  controls: readonly Control<unknown>[];
  /** "Now" for age-based controls; the CLI passes `--now`, the snapshot's `capturedAt`, or the current time. */
  now: Date;
  /** Rule parameters per control id (AWS Config style: values may be strings). */
  parameters?: Readonly<Record<string, Record<string, unknown>>>;
  /**
   * Receives each evaluation as it is made, in no particular order, instead of the run collecting
   * them (`run.evaluations` is then empty). For consumers that only count or keep a few (the table
   * summary): evaluations they drop die young instead of filling the heap of a large run.
   */
  onEvaluation?: (evaluation: Evaluation) => void;
  /**
   * Like `onEvaluation`, one call per verdict, before it becomes an {@link Evaluation}: for consumers
   * that count most verdicts and keep a few ({@link toEvaluation} builds the evaluation of one they keep).
   */
  onVerdict?: (controlId: string, item: ConfigItem, verdict: Verdict) => void;
}

/**
 * Whether a control reads other resources than the one it evaluates: account-level controls and
 * controls that need other resource types (`needs` with `AWS::` types). Every other control decides
 * from its item, the run's parameters and "now" (change-triggered), plus account-level facts
 * (periodic), so it can be evaluated on each item alone (the aggregator scan evaluates them page by
 * page). A test pins this for the whole catalog.
 */
export function readsOtherResources(control: Control<unknown>): boolean {
  return control.accountLevel || control.needs.some((t) => t.startsWith('AWS::'));
}

/** Where runControl puts verdicts: a partition's array, or the caller's sink. */
type VerdictOut = (controlId: string, item: ConfigItem, verdict: Verdict) => void;

export interface EvaluationScope {
  controls: string[];
  accounts: string[];
  regions: string[];
  now: string;
  incomplete: IncompleteScope[];
}

export interface EvaluationRun {
  evaluations: Evaluation[];
  scope: EvaluationScope;
  /** Account-level controls not evaluated because the input holds no account-level data for an account. */
  skippedAccountLevel: { accountId: string; controls: string[] }[];
}

interface Prepared {
  control: Control<unknown>;
  params: unknown;
  sortedTypes: string[];
}

/** Evaluates every selected control over a snapshot, partition by partition (account, then region). */
export function evaluateSnapshot(snapshot: Snapshot, options: EvaluateOptions): EvaluationRun {
  const prepared: Prepared[] = [...options.controls]
    .sort((a, b) => cmp(a.id, b.id))
    .map((control) => ({
      control,
      params: control.parseParameters(options.parameters?.[control.id]),
      sortedTypes: [...control.resourceTypes].sort(cmp),
    }));
  const accounts = snapshot.accounts();
  const regions = snapshot.regions();
  const hasHeader = snapshot.headers.length > 0;
  const evaluations: Evaluation[] = [];
  const skipped: EvaluationRun['skippedAccountLevel'] = [];
  const accountLevel = prepared.filter((p) => p.control.accountLevel);

  for (const accountId of accounts) {
    // Account-level controls run where the input speaks for the account: a snapshot header, or any
    // fact or collection error for it. A plain list of resource CIs says nothing about GuardDuty.
    const accountKnown = hasHeader || hasAccountData(snapshot, accountId);
    if (!accountKnown && accountLevel.length > 0) {
      skipped.push({ accountId, controls: accountLevel.map((p) => p.control.id) });
    }
    const partitionRegions = [...new Set([...regions, ...snapshot.itemRegions(accountId)])]
      .filter((r) => r !== GLOBAL_REGION)
      .sort(cmp);
    for (const region of [GLOBAL_REGION, ...partitionRegions].sort(cmp)) {
      const sink = options.onEvaluation;
      const out: Evaluation[] = [];
      const target: VerdictOut =
        options.onVerdict ??
        (sink === undefined
          ? (id, item, verdict) => out.push(toEvaluation(id, item, verdict))
          : (id, item, verdict) => sink(toEvaluation(id, item, verdict)));
      for (const p of prepared) {
        const ctx = new Context(snapshot, p.params, options.now, accountId, region);
        if (p.control.accountLevel) {
          if (!accountKnown) continue;
          if ((p.control.scope === 'global') !== (region === GLOBAL_REGION)) continue;
          runControl(p.control, accountItem(accountId, region), ctx, target, missingNeed(p.control, ctx));
          continue;
        }
        const missing = missingNeed(p.control, ctx);
        for (const type of p.sortedTypes) {
          const items = snapshot.sortedItems(accountId, region, type);
          for (let i = 0; i < items.length; i++) {
            runControl(p.control, items[i]!, ctx, target, missing);
          }
        }
      }
      // Controls run in id order over types and items sorted by id, so the output is usually sorted
      // already; sort only when a control reported on other resources.
      if (!isSorted(out)) out.sort(compareEvaluations);
      for (let i = 0; i < out.length; i++) evaluations.push(out[i]!);
    }
  }

  return {
    evaluations,
    scope: {
      controls: prepared.map((p) => p.control.id),
      accounts,
      regions,
      now: options.now.toISOString(),
      incomplete: incompleteScope(snapshot.collectionErrors(), readTypes(prepared)),
    },
    skippedAccountLevel: skipped,
  };
}

function hasAccountData(snapshot: Snapshot, accountId: string): boolean {
  return snapshot.hasFacts(accountId) || snapshot.collectionErrors().some((e) => e.accountId === accountId);
}

const DELETED: Verdict = { compliance: 'NOT_APPLICABLE', annotation: 'The resource was deleted.' };

function runControl(
  control: Control<unknown>,
  item: ConfigItem,
  ctx: Context,
  out: VerdictOut,
  missing: Verdict | undefined,
): void {
  if (item.deleted) {
    out(control.id, item, DELETED);
    return;
  }
  let result: Verdict | readonly Verdict[];
  try {
    result = missing ?? control.evaluate(item, ctx);
  } catch (error) {
    result =
      error instanceof MissingDataError
        ? { compliance: 'INSUFFICIENT_DATA', annotation: error.message }
        : { compliance: 'ERROR', annotation: `Control ${control.id} failed on ${item}: ${describeError(error)}` };
  }
  if (Array.isArray(result)) {
    for (const verdict of result as readonly Verdict[]) out(control.id, item, verdict);
  } else {
    out(control.id, item, result as Verdict);
  }
}

/** A needed resource type that could not be read makes the verdict INSUFFICIENT_DATA. */
function missingNeed(control: Control<unknown>, ctx: Context): Verdict | undefined {
  for (const type of control.needs) {
    if (type.startsWith('Rampart::')) continue; // facts are checked on read, with a precise reason
    const error = ctx.incomplete(type) ?? ctx.incomplete(type, { region: GLOBAL_REGION });
    if (error !== undefined) {
      return {
        compliance: 'INSUFFICIENT_DATA',
        annotation: `${type} could not be read: ${describeCollectionError(error)}`,
      };
    }
  }
  return undefined;
}

/** The evaluation of one verdict of a control on an item (its own resource, or the one the verdict names). */
export function toEvaluation(controlId: string, item: ConfigItem, verdict: Verdict): Evaluation {
  const resource = verdict.resource;
  return {
    controlId,
    resourceType: resource?.type ?? item.resourceType,
    resourceId: resource?.id ?? item.resourceId,
    resourceArn: (resource ? resource.arn : item.arn) ?? null,
    accountId: item.accountId,
    region: item.region,
    compliance: verdict.compliance,
    annotation: verdict.annotation,
  };
}

class Context implements EvaluationContext<unknown> {
  constructor(
    private readonly snapshot: Snapshot,
    readonly params: unknown,
    readonly now: Date,
    readonly accountId: string,
    readonly region: string,
  ) {}

  items(resourceType: string, where?: Where): readonly ConfigItem[] {
    return this.snapshot.items(where?.accountId ?? this.accountId, where?.region ?? this.region, resourceType);
  }

  item(resourceType: string, resourceId: string, where?: Where): ConfigItem | undefined {
    return this.snapshot.item(
      where?.accountId ?? this.accountId,
      where?.region ?? this.region,
      resourceType,
      resourceId,
    );
  }

  /** Look-ups in this context's own account and region: controls ask for the same fact on every item. */
  #facts: Map<string, FactLookup<unknown>> | undefined;

  fact<T>(type: FactType<T>, where?: Where): FactLookup<T> {
    const own =
      where === undefined || ((where.accountId ?? this.accountId) === this.accountId && where.region === undefined);
    if (own) {
      const cached = this.#facts?.get(type.type);
      if (cached !== undefined) return cached as FactLookup<T>;
    }
    const lookup = this.#lookUp(type, where);
    if (own) {
      this.#facts ??= new Map();
      this.#facts.set(type.type, lookup);
    }
    return lookup;
  }

  #lookUp<T>(type: FactType<T>, where?: Where): FactLookup<T> {
    const accountId = where?.accountId ?? this.accountId;
    const region = type.scope === 'global' ? GLOBAL_REGION : (where?.region ?? this.region);
    const found = this.snapshot.fact(type.type, accountId, region);
    if (found !== undefined) return { found: true, value: found.value as T, item: found.item };
    const where_ = type.scope === 'global' ? `account ${accountId}` : `account ${accountId} in ${region}`;
    const error = this.snapshot.collectionError(accountId, region, type.type);
    if (error !== undefined) {
      return {
        found: false,
        reason: `${type.type} for ${where_} could not be read: ${describeCollectionError(error)}`,
      };
    }
    return { found: false, reason: `The input holds no ${type.type} fact for ${where_}.` };
  }

  /** The fact, or a {@link MissingDataError} that the engine turns into INSUFFICIENT_DATA. */
  require<T>(type: FactType<T>, where?: Where): T {
    const lookup = this.fact(type, where);
    if (!lookup.found) {
      // One error per reason and context: the same reason is thrown for every item.
      this.#missing ??= new Map();
      let error = this.#missing.get(lookup.reason);
      if (error === undefined) {
        error = MissingDataError.withoutStack(lookup.reason);
        this.#missing.set(lookup.reason, error);
      }
      throw error;
    }
    return lookup.value;
  }

  #missing: Map<string, MissingDataError> | undefined;

  /** Memo values this context already fetched from the snapshot (controls ask on every item). */
  #memos: Map<string, unknown> | undefined;

  memo<T>(key: string, build: () => T): T {
    const own = this.#memos?.get(key);
    if (own !== undefined || this.#memos?.has(key)) return own as T;
    const value = this.snapshot.memo(`${this.accountId}\u0000${this.region}\u0000${key}`, build);
    this.#memos ??= new Map();
    this.#memos.set(key, value);
    return value;
  }

  incomplete(resourceType: string, where?: Where): CollectionError | undefined {
    return this.snapshot.collectionError(
      where?.accountId ?? this.accountId,
      where?.region ?? this.region,
      resourceType,
    );
  }
}

export function describeCollectionError(error: CollectionError): string {
  return `${error.service} ${error.operation} failed with ${error.code}${error.message ? `: ${error.message}` : ''}`;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** Every resource and fact type the selected controls read. */
function readTypes(prepared: readonly Prepared[]): Set<string> {
  const types = new Set<string>();
  for (const { control } of prepared) {
    for (const t of control.resourceTypes) types.add(t);
    for (const t of control.needs) types.add(t);
  }
  return types;
}

/** What could not be read, limited to the types the run's controls read: the rest says nothing about this run. */
function incompleteScope(errors: readonly CollectionError[], relevant: ReadonlySet<string>): IncompleteScope[] {
  const byPartition = new Map<string, IncompleteScope>();
  for (const e of errors) {
    if (!e.resourceTypes.some((t) => relevant.has(t))) continue;
    const key = `${e.accountId}\u0000${e.region}`;
    let entry = byPartition.get(key);
    if (entry === undefined) {
      entry = { accountId: e.accountId, region: e.region, resourceTypes: [] };
      byPartition.set(key, entry);
    }
    for (const t of e.resourceTypes)
      if (relevant.has(t) && !entry.resourceTypes.includes(t)) entry.resourceTypes.push(t);
  }
  const list = [...byPartition.values()];
  for (const entry of list) entry.resourceTypes.sort(cmp);
  return list.sort((a, b) => cmp(a.accountId, b.accountId) || cmp(a.region, b.region));
}

function isSorted(list: readonly Evaluation[]): boolean {
  for (let i = 1; i < list.length; i++) if (compareEvaluations(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The output order DESIGN.md fixes within a partition: control id, resource type, resource id. */
export function compareEvaluations(a: Evaluation, b: Evaluation): number {
  return cmp(a.controlId, b.controlId) || cmp(a.resourceType, b.resourceType) || cmp(a.resourceId, b.resourceId);
}
