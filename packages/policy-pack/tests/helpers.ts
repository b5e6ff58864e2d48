import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Compliance, catalog, evaluateSnapshot, normalizeItem, Snapshot } from '@rampart/core';
import { evaluateStack, type PolicyResourceLike } from '../src/index.js';

export const ACCOUNT = '123456789012';
export const REGION = 'eu-west-1';
export const NOW = new Date('2026-11-29T08:00:00Z');

const CORE_FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../core/tests/fixtures');

// biome-ignore lint/suspicious/noExplicitAny: fixtures are mutated field by field in the tests
export type Raw = Record<string, any>;

/** A real configuration item fixture of @rampart/core, cloned. */
export function fixture(resourceType: string, variant: string): Raw {
  return structuredClone(
    JSON.parse(readFileSync(join(CORE_FIXTURES, 'config-items', resourceType, `${variant}.json`), 'utf8')),
  ) as Raw;
}

/** A fact fixture of @rampart/core as a fact item of the account and region. */
export function factFixture(resourceType: string, file: string): Raw {
  const value = JSON.parse(readFileSync(join(CORE_FIXTURES, 'facts', `${file}.json`), 'utf8'));
  return factItem(resourceType, value);
}

export function factItem(resourceType: string, value: unknown, region = REGION): Raw {
  return {
    resourceType,
    resourceId: region === 'global' ? ACCOUNT : `${ACCOUNT}/${region}`,
    awsAccountId: ACCOUNT,
    awsRegion: region,
    configuration: value,
  };
}

/** A resource as CrossGuard passes it to a stack policy. */
export function res(
  type: string,
  name: string,
  props: Record<string, unknown>,
  propertyDependencies: Record<string, string[]> = {},
): PolicyResourceLike {
  return {
    type,
    name,
    urn: urn(type, name),
    props,
    propertyDependencies: Object.fromEntries(
      Object.entries(propertyDependencies).map(([k, urns]) => [k, urns.map((u) => ({ urn: u }))]),
    ),
  };
}

export function urn(type: string, name: string): string {
  return `urn:pulumi:test::rampart::${type}::${name}`;
}

/** The verdict the engine gives real configuration items (and facts): the AWS Config side. */
export function ciVerdict(controlId: string, items: Raw[]): Compliance {
  const control = catalog().get(controlId)!;
  const snapshot = new Snapshot();
  snapshot.addHeader({ version: 1, capturedAt: NOW.toISOString(), accounts: [ACCOUNT], regions: [REGION] });
  items.forEach((raw, i) => {
    const result = normalizeItem(raw);
    if (!result.ok) throw new Error(`fixture ${i} does not normalize: ${JSON.stringify(result.issues)}`);
    snapshot.add(result.item, { source: 'test', position: `index ${i}` });
  });
  if (snapshot.problems.length > 0) throw new Error(JSON.stringify(snapshot.problems));
  const run = evaluateSnapshot(snapshot, { controls: [control], now: NOW });
  const first = items[0]!;
  const own = run.evaluations.filter((e) =>
    control.accountLevel ? e.resourceType === 'AWS::::Account' : e.resourceId === first['resourceId'],
  );
  if (own.length !== 1) throw new Error(`expected one evaluation, got ${JSON.stringify(run.evaluations)}`);
  return own[0]!.compliance;
}

/** The verdict the same control gives the Pulumi resources: the preview side (the first resource is the subject). */
export function stackVerdict(
  controlId: string,
  resources: PolicyResourceLike[],
): { compliance: Compliance; annotation: string } {
  const control = catalog().get(controlId)!;
  const evaluations = evaluateStack(resources, [control], { accountId: ACCOUNT, region: REGION, now: NOW });
  const own = evaluations.filter((e) =>
    control.accountLevel ? e.resourceType === 'AWS::::Account' : e.urn === resources[0]!.urn,
  );
  if (own.length !== 1) throw new Error(`expected one evaluation, got ${JSON.stringify(evaluations)}`);
  return { compliance: own[0]!.compliance, annotation: own[0]!.annotation };
}
