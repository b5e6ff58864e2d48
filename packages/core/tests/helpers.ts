import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Control,
  type Evaluation,
  type EvaluationRun,
  evaluateSnapshot,
  type FactType,
  factResourceId,
  GLOBAL_REGION,
  loadInput,
  Snapshot,
} from '../src/index.js';

export const ACCOUNT = '123456789012';
export const REGION = 'eu-west-1';
export const NOW = new Date('2026-11-29T08:00:00Z');

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON that tests mutate field by field.
export type Json = Record<string, any>;

const FIXTURES = join(import.meta.dirname, 'fixtures');
const cache = new Map<string, Json>();

/** A fixture CI (`tests/fixtures/config-items/<type>/<variant>.json`), cloned so tests can mutate it. */
export function fixture(resourceType: string, variant: string): Json {
  const path = join(FIXTURES, 'config-items', resourceType, `${variant}.json`);
  let value = cache.get(path);
  if (value === undefined) {
    value = JSON.parse(readFileSync(path, 'utf8')) as Json;
    cache.set(path, value);
  }
  return structuredClone(value);
}

/** A fact fixture (`tests/fixtures/facts/<name>.json`): the `configuration` of a fact item. */
export function factFixture(name: string): Json {
  return structuredClone(JSON.parse(readFileSync(join(FIXTURES, 'facts', `${name}.json`), 'utf8')) as Json);
}

/** An event-shaped CI turned into the Config API shape: `configuration` and supplementary values as JSON strings. */
export function toApiShape(event: Json): Json {
  const supplementary: Record<string, string> = {};
  for (const [key, value] of Object.entries(event['supplementaryConfiguration'] ?? {})) {
    supplementary[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return {
    version: event['configurationItemVersion'] ?? '1.3',
    accountId: event['awsAccountId'],
    configurationItemCaptureTime: Date.parse(event['configurationItemCaptureTime']) / 1000,
    configurationItemStatus: event['configurationItemStatus'],
    configurationStateId: String(event['configurationStateId'] ?? '1'),
    arn: event['ARN'],
    resourceType: event['resourceType'],
    resourceId: event['resourceId'],
    resourceName: event['resourceName'],
    awsRegion: event['awsRegion'],
    availabilityZone: event['availabilityZone'],
    tags: event['tags'] ?? {},
    relatedEvents: [],
    relationships: (event['relationships'] ?? []).map((r: Json) => ({
      resourceType: r['resourceType'],
      resourceId: r['resourceId'],
      resourceName: r['resourceName'],
      relationshipName: r['name'],
    })),
    configuration: JSON.stringify(event['configuration']),
    supplementaryConfiguration: supplementary,
  };
}

/** An event-shaped CI turned into a `SelectResourceConfig` row string. */
export function toSelectRow(event: Json): string {
  return JSON.stringify({
    accountId: event['awsAccountId'],
    awsRegion: event['awsRegion'],
    resourceType: event['resourceType'],
    resourceId: event['resourceId'],
    resourceName: event['resourceName'],
    arn: event['ARN'],
    configurationItemCaptureTime: event['configurationItemCaptureTime'],
    configurationItemStatus: event['configurationItemStatus'],
    tags: Object.entries(event['tags'] ?? {}).map(([key, value]) => ({ key, value })),
    configuration: event['configuration'],
    supplementaryConfiguration: event['supplementaryConfiguration'] ?? {},
  });
}

/** A fact item in the snapshot envelope. */
export function factItem<T>(type: FactType<T>, configuration: unknown, accountId = ACCOUNT, region = REGION): Json {
  const r = type.scope === 'global' ? GLOBAL_REGION : region;
  return {
    resourceType: type.type,
    resourceId: factResourceId(type, accountId, r),
    awsAccountId: accountId,
    awsRegion: r,
    configuration,
  };
}

export interface RunOptions {
  now?: Date;
  params?: Record<string, unknown>;
  /** Extra items (other resources, facts) in the snapshot. */
  with?: unknown[];
  collectionErrors?: Json[];
  /** Add a snapshot header for these regions (account-level controls need the account to be known). */
  header?: boolean;
}

/** Runs one control over the given items in a fresh snapshot. */
export function run(
  control: Control<unknown> | Control<never>,
  items: unknown[],
  options: RunOptions = {},
): EvaluationRun {
  const c = control as Control<unknown>;
  const lines: unknown[] = [];
  if (options.header ?? c.accountLevel) {
    lines.push({
      snapshot: { version: 1, capturedAt: (options.now ?? NOW).toISOString(), accounts: [ACCOUNT], regions: [REGION] },
    });
  }
  lines.push(...items, ...(options.with ?? []));
  for (const e of options.collectionErrors ?? []) lines.push({ collectionError: e });
  const snapshot = new Snapshot();
  const text = lines.map((l) => JSON.stringify(l)).join('\n');
  const loaded = loadInput(snapshot, text, 'test.jsonl');
  if (loaded.problems.length > 0 || snapshot.problems.length > 0) {
    throw new Error(`test input has problems: ${JSON.stringify([...loaded.problems, ...snapshot.problems])}`);
  }
  return evaluateSnapshot(snapshot, {
    controls: [c],
    now: options.now ?? NOW,
    parameters: options.params ? { [c.id]: options.params } : {},
  });
}

/** The single verdict of a control on one item (throws when there is not exactly one). */
export function verdict(
  control: Control<unknown> | Control<never>,
  item: unknown,
  options: RunOptions = {},
): Evaluation {
  const { evaluations } = run(control, [item], options);
  if (evaluations.length !== 1)
    throw new Error(`expected 1 evaluation, got ${evaluations.length}: ${JSON.stringify(evaluations)}`);
  return evaluations[0]!;
}

/** The verdict of an account-level control for the test account and region (global controls: region `global`). */
export function accountVerdict(
  control: Control<unknown> | Control<never>,
  facts: unknown[],
  options: RunOptions = {},
): Evaluation {
  const { evaluations } = run(control, facts, { ...options, header: true });
  const c = control as Control<unknown>;
  const region = c.scope === 'global' ? GLOBAL_REGION : REGION;
  const found = evaluations.filter((e) => e.accountId === ACCOUNT && e.region === region);
  if (found.length !== 1) throw new Error(`expected 1 account evaluation, got ${JSON.stringify(evaluations)}`);
  return found[0]!;
}
