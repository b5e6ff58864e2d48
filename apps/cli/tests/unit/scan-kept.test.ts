import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeItem } from '@rampart/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeptItems } from '../../src/commands/scan-kept.js';
import type { Ingested } from '../../src/commands/scan-partitions.js';
import { SpillDirectory, SpillError } from '../../src/commands/scan-spill.js';

/** A Select row of the aggregator, as `ingest` receives it. */
function row(resourceType: string, resourceId: string, configuration: Record<string, unknown> = {}) {
  return {
    version: '1.3',
    accountId: '111111111111',
    awsRegion: 'eu-west-1',
    resourceType,
    resourceId,
    configurationItemCaptureTime: '2026-11-28T10:00:00.000Z',
    configurationItemStatus: 'OK',
    configuration,
    supplementaryConfiguration: { note: '{"a":1}' },
    tags: { team: 'payments' },
    relationships: [{ resourceType: 'AWS::EC2::VPC', resourceId: 'vpc-1', relationshipName: 'Is contained in VPC' }],
  };
}

function ingested(raw: ReturnType<typeof row>, line: number): Ingested {
  const normalized = normalizeItem(JSON.parse(JSON.stringify(raw)));
  if (!normalized.ok) throw new Error('test row does not normalize');
  return { item: normalized.item, origin: { source: 'scan', position: `line ${line}` } };
}

let parent: string;
beforeAll(() => {
  parent = mkdtempSync(join(tmpdir(), 'rampart-kept-test-'));
});
afterAll(() => rmSync(parent, { recursive: true, force: true }));

function kept(bound: number) {
  const spill = new SpillDirectory(mkdtempSync(join(parent, 'case-')));
  const rows = [
    row('AWS::EC2::SecurityGroup', 'sg-1', { groupName: 'web' }),
    row('AWS::EC2::NetworkInterface', 'eni-1', { groups: [{ groupId: 'sg-1' }] }),
    row('AWS::EC2::SecurityGroup', 'sg-2'),
  ];
  const store = new KeptItems(spill, bound, 'account 111111111111 eu-west-1');
  rows.forEach((r, i) => {
    store.add(ingested(r, i + 2), r);
  });
  return { spill, store, rows };
}

/** What a snapshot needs of an item: identity, origin and the configuration as controls read it. */
const view = (i: Ingested) => ({
  type: i.item.resourceType,
  id: i.item.resourceId,
  origin: i.origin,
  configuration: i.item.configuration,
  note: i.item.supplementary('note'),
  tags: i.item.tags,
  relationships: i.item.relationships,
  capture: i.item.captureTime,
});

describe('KeptItems (the items partition controls read, in memory or waiting on disk)', () => {
  it('gives the same items back, by type, whether they stayed in memory or went to disk (after the bound)', () => {
    const memory = kept(10);
    const disk = kept(1);
    expect(memory.store.spilled).toBe(false);
    expect(disk.store.spilled).toBe(true);
    expect(disk.store.inMemory).toBe(0);
    expect(disk.store.size).toBe(3);
    // Each type's items in the order they came (on disk, type by type).
    const byType = (list: Ingested[]) =>
      [...list].sort((a, b) =>
        a.item.resourceType < b.item.resourceType ? -1 : a.item.resourceType > b.item.resourceType ? 1 : 0,
      );
    expect(byType([...disk.store.read()]).map(view)).toEqual(byType([...memory.store.read()]).map(view));
    const groups = new Set(['AWS::EC2::SecurityGroup']);
    expect([...disk.store.read(groups)].map((i) => i.item.resourceId)).toEqual(['sg-1', 'sg-2']);
    expect([...memory.store.read(groups)].map((i) => i.item.resourceId)).toEqual(['sg-1', 'sg-2']);
    // Read again (one group after another); a partition is read once complete, so nothing is kept after.
    expect([...disk.store.read(groups)].map((i) => i.item.resourceId)).toEqual(['sg-1', 'sg-2']);
    const late = row('AWS::EC2::SecurityGroup', 'sg-3');
    expect(() => disk.store.add(ingested(late, 9), late)).toThrow(/kept-\d+\.jsonl is closed/);
    disk.spill.dispose();
    expect(readdirSync(disk.spill.parent)).toEqual([]);
  });

  it('writes one file per resource type once past the bound, and reads only the files of the types asked for', () => {
    const { spill, store } = kept(0);
    expect(readdirSync(spill.path!)).toHaveLength(2);
    [...store.read()]; // closes the files
    // A group that reads network interfaces only never opens the security groups' file.
    const sgFile = readdirSync(spill.path!)
      .map((f) => join(spill.path!, f))
      .find((f) => readFileSync(f, 'utf8').includes('"sg-1"'))!;
    rmSync(sgFile);
    expect([...store.read(new Set(['AWS::EC2::NetworkInterface']))].map((i) => i.item.resourceId)).toEqual(['eni-1']);
    expect(() => [...store.read(new Set(['AWS::EC2::SecurityGroup']))]).toThrow(
      `cannot read the file of kept AWS::EC2::SecurityGroup items`,
    );
    spill.dispose();
  });

  it('fails naming the file and line when the file is not what was written', () => {
    const { spill, store } = kept(0);
    const groups = new Set(['AWS::EC2::SecurityGroup']);
    [...store.read()]; // closes the files
    const path = readdirSync(spill.path!)
      .map((f) => join(spill.path!, f))
      .find((f) => readFileSync(f, 'utf8').includes('"sg-2"'))!;
    const text = readFileSync(path, 'utf8');

    writeFileSync(path, text.replace('"sg-2"', '"sg-2'));
    expect(() => [...store.read(groups)]).toThrow(SpillError);
    expect(() => [...store.read(groups)]).toThrow(`${path}, line 2`);

    writeFileSync(path, text.replace(/^.*$/m, '{"source":"scan"}'));
    expect(() => [...store.read(groups)]).toThrow(`${path}, line 1: not a kept item`);

    writeFileSync(path, `${text.split('\n')[0]}\n`);
    expect(() => [...store.read(groups)]).toThrow(`holds 1 items, 2 were kept`);

    writeFileSync(path, text);
    appendFileSync(path, '["scan","line 9",{"resourceType":"AWS::EC2::SecurityGroup"}]\n');
    expect(() => [...store.read(groups)]).toThrow(`${path}, line 3: the item no longer normalizes`);

    // A line that is an item of another type is not what this type's file holds.
    writeFileSync(
      path,
      text.replace('"AWS::EC2::SecurityGroup","resourceId":"sg-2"', '"AWS::EC2::NetworkInterface","resourceId":"sg-2"'),
    );
    expect(() => [...store.read(groups)]).toThrow(
      `${path}, line 2: the item no longer normalizes as a AWS::EC2::SecurityGroup`,
    );
    spill.dispose();
  });
});
