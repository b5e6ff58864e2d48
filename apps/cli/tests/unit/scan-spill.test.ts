import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Evaluation } from '@rampart/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareEntries,
  type Entry,
  mergeSorted,
  readRun,
  resolve,
  SpillDirectory,
  SpillError,
} from '../../src/commands/scan-spill.js';

function entry(resourceId: string, seq: number, annotation = `verdict ${seq}`, extra: Partial<Entry> = {}): Entry {
  const evaluation: Evaluation = {
    controlId: 'test-control',
    resourceType: 'AWS::SNS::Topic',
    resourceId,
    resourceArn: null,
    accountId: '111111111111',
    region: 'eu-west-1',
    compliance: 'COMPLIANT',
    annotation,
  };
  return { evaluation, capture: '2026-11-28T10:00:00.000Z', slot: seq, seq, ...extra };
}

let parent: string;
beforeAll(() => {
  parent = mkdtempSync(join(tmpdir(), 'rampart-spill-unit-'));
});
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('sorted runs on disk', () => {
  it('reads back what it wrote, whatever falls across the read buffer: multi-byte characters, lines longer than it', () => {
    const spill = new SpillDirectory(parent);
    // Lines of uneven length, with characters of two, three and four bytes, and a few of 100,000 characters.
    const entries = Array.from({ length: 3000 }, (_, i) =>
      entry(
        `topic-${String(i).padStart(5, '0')}`,
        i,
        i % 997 === 0 ? 'é'.repeat(100_000) : `${'ü€😀'.repeat(i % 37)} ${i}`,
        i % 5 === 0 ? { of: `AWS::SNS::Topic\u0000other-${i}` } : i % 7 === 0 ? { marker: true } : {},
      ),
    );
    const run = spill.write(entries, 0);
    expect(run.count).toBe(3000);
    expect(readFileSync(run.path).length).toBeGreaterThan(3 * 65_536);
    expect([...readRun(run)]).toEqual(entries);
    expect(spill.spilledRuns).toBe(1);
    expect(spill.spilledEntries).toBe(3000);
    const dir = spill.path!;
    expect(readdirSync(dir)).toEqual(['run-1.jsonl']);
    spill.dispose();
    expect(readdirSync(parent).includes(dir.slice(parent.length + 1))).toBe(false);
  });

  it('names the file and line of an entry that does not parse', () => {
    const spill = new SpillDirectory(parent);
    const run = spill.write([entry('a', 0), entry('b', 1)], 0);
    const broken = { ...run, path: `${run.path}.broken` };
    const text = readFileSync(run.path, 'utf8').split('\n');
    rmSync(run.path);
    writeFileSync(broken.path, `${text[0]}\n{"not":"an entry"}\n`);
    const read = () => [...readRun(broken)];
    expect(read).toThrow(SpillError);
    expect(read).toThrow(`sorted run ${broken.path}, line 2: not an entry of a sorted run`);
    spill.dispose();
  });
});

describe('merging and resolving runs', () => {
  it('merges sorted sources into one sorted stream', () => {
    const all = Array.from({ length: 200 }, (_, i) => entry(`t-${(i * 7919) % 200}`, i));
    const sources = [0, 1, 2, 3].map((k) => all.filter((_, i) => i % 4 === k).sort(compareEntries));
    const merged = [...mergeSorted(sources.map((s) => s[Symbol.iterator]()))];
    expect(merged).toEqual([...all].sort(compareEntries));
  });

  it('keeps, per item, the entries of its latest capture, and of equal captures the last to arrive', () => {
    const sorted = [
      entry('a', 0, 'older', { capture: '2026-01-01' }),
      entry('a', 1, 'newer', { capture: '2026-02-01' }),
      entry('a', 2, 'newer, second verdict', { capture: '2026-02-01', slot: 1 }),
      entry('b', 3, 'first of equal captures'),
      entry('b', 4, 'last of equal captures'),
      entry('c', 5, 'given before the control said nothing', { capture: '2026-01-01' }),
      entry('c', 6, '', { capture: '2026-03-01', marker: true }),
    ].sort(compareEntries);
    let dropped = 0;
    const kept = (final: boolean) =>
      [...resolve(sorted, final ? { winners: new Map() } : undefined, () => dropped++)].map(
        (e) => `${e.evaluation.resourceId} ${e.evaluation.annotation}`,
      );
    // On part of a partition, markers stay: they must still beat what other runs hold.
    expect(kept(false)).toEqual(['a newer', 'a newer, second verdict', 'b last of equal captures', 'c ']);
    expect(dropped).toBe(3);
    expect(kept(true)).toEqual(['a newer', 'a newer, second verdict', 'b last of equal captures']);
  });
});
