import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Control,
  catalog,
  type EvaluationContext,
  evaluateSnapshot,
  loadInput,
  readsOtherResources,
  Snapshot,
} from '../../../src/index.js';

// The aggregator scan evaluates the controls that do not read other resources (readsOtherResources
// false) page by page, on each item as it arrives with the account-level facts, and keeps for the
// others only the items of the types they read. That is only right if controls read what their
// metadata says. This test runs the whole catalog over every fixture and the demo account with a
// context that records what each control reads.

const ROOT = join(import.meta.dirname, '..', '..', '..', '..', '..');
const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'config-items');

function corpus(): Snapshot {
  const snapshot = new Snapshot();
  loadInput(snapshot, readFileSync(join(ROOT, 'examples', 'demo-account.jsonl'), 'utf8'), 'demo');
  for (const type of readdirSync(FIXTURES)) {
    for (const file of readdirSync(join(FIXTURES, type))) {
      const item = JSON.parse(readFileSync(join(FIXTURES, type, file), 'utf8'));
      // Fixtures reuse resource ids across variants; give each its own so that all are evaluated.
      item.resourceId = `${item.resourceId}-${file}`;
      loadInput(snapshot, JSON.stringify([item]), `${type}/${file}`);
    }
  }
  return snapshot;
}

type Reads = Map<string, Set<string>>;

function recording(control: Control<unknown>, reads: Reads): Control<unknown> {
  const seen = reads.get(control.id) ?? new Set<string>();
  reads.set(control.id, seen);
  const spy = (ctx: EvaluationContext<unknown>): EvaluationContext<unknown> =>
    new Proxy(ctx, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const first = args[0];
          const what =
            key === 'fact' || key === 'require' ? 'fact' : `${String(key)}(${typeof first === 'string' ? first : ''})`;
          seen.add(what);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  return Object.assign(Object.create(Object.getPrototypeOf(control)), control, {
    evaluate: (item: never, ctx: EvaluationContext<unknown>) => {
      const result = control.evaluate(item, spy(ctx));
      for (const v of Array.isArray(result) ? result : [result])
        if (v.resource !== undefined) seen.add('other resource');
      return result;
    },
  });
}

describe('what controls read (page-by-page evaluation relies on it)', () => {
  const snapshot = corpus();
  const reads: Reads = new Map();
  const controls = catalog().all();
  const run = evaluateSnapshot(snapshot, {
    controls: controls.map((c) => recording(c, reads)),
    now: new Date('2026-11-29T08:00:00Z'),
  });

  it('evaluates every control on the corpus', () => {
    const evaluated = new Set(run.evaluations.map((e) => e.controlId));
    expect(controls.filter((c) => !evaluated.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  it('change-triggered controls read nothing but their item, the parameters and now', () => {
    const offenders = controls
      .filter((c) => c.trigger === 'change' && (reads.get(c.id)?.size ?? 0) > 0)
      .map((c) => `${c.id}: ${[...(reads.get(c.id) ?? [])].join(', ')}`);
    expect(offenders).toEqual([]);
    expect(controls.filter((c) => c.trigger === 'change' && readsOtherResources(c))).toEqual([]);
  });

  it('controls that do not read other resources report on their item only', () => {
    const offenders = controls.filter((c) => !readsOtherResources(c) && reads.get(c.id)?.has('other resource'));
    expect(offenders.map((c) => c.id)).toEqual([]);
    expect(controls.filter((c) => reads.get(c.id)?.has('other resource')).length).toBeGreaterThan(0);
  });

  it('controls that do not read other resources read at most account-level facts', () => {
    // A memo is fine: what its builder reads through the context is recorded too (a view of a fact).
    const offenders = controls
      .filter((c) => !readsOtherResources(c))
      .flatMap((c) =>
        [...(reads.get(c.id) ?? [])]
          .filter((r) => r !== 'fact' && r !== 'other resource' && !r.startsWith('memo('))
          .map((r) => `${c.id}: ${r}`),
      );
    expect(offenders).toEqual([]);
  });

  it('controls that read other resources read only the types they declare', () => {
    const offenders: string[] = [];
    for (const c of controls.filter(readsOtherResources)) {
      const declared = new Set([...c.resourceTypes, ...c.needs]);
      for (const r of reads.get(c.id) ?? []) {
        const type = /^(?:items|item|incomplete)\((.+)\)$/.exec(r)?.[1];
        if (type !== undefined && !declared.has(type)) offenders.push(`${c.id}: ${r}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the split has work on both sides', () => {
    expect(controls.filter(readsOtherResources).length).toBeGreaterThan(0);
    expect(controls.filter((c) => !readsOtherResources(c)).length).toBeGreaterThan(0);
  });
});
