// The second thread of `rampart evaluate` on a large input (see ./evaluate.ts): loads its part of the
// input, hands the main thread what it needs from it, and evaluates the controls that decide from one
// item (and account-level facts) on the items of its part.
import { parentPort, workerData } from 'node:worker_threads';
import {
  catalog,
  type Evaluation,
  evaluateSnapshot,
  loadEntry,
  loadPart,
  Snapshot,
  type Snapshot as SnapshotType,
} from '@rampart/core';
import { SummaryBuilder } from '../render/summary.js';
import {
  type DoneMessage,
  type GoMessage,
  KEY_FIELD,
  KEY_SEPARATOR,
  type LoadedMessage,
  type LoadMessage,
  type WorkerInit,
} from './protocol.js';
import { isAccountData, isRecord, mainThreadTypes, orderKey, runsWhereLoaded } from './types.js';

const init = workerData as WorkerInit;
const port = parentPort!;
const controls = catalog().select(init.controlIds);
const mainTypes = mainThreadTypes(controls);
const snapshot = new Snapshot();

function itemKeys(s: SnapshotType): string {
  const keys: string[] = [];
  for (const accountId of s.accounts()) {
    for (const region of s.itemRegions(accountId)) {
      for (const type of s.itemTypes(accountId, region)) {
        for (const item of s.items(accountId, region, type)) {
          keys.push(`${accountId}${KEY_FIELD}${region}${KEY_FIELD}${type}${KEY_FIELD}${item.resourceId}`);
        }
      }
    }
  }
  return keys.join(KEY_SEPARATOR);
}

function load(message: LoadMessage): LoadedMessage {
  const bytes = Buffer.from(message.buffer, message.start, message.end - message.start);
  const text = message.kind === 'array' ? `[${bytes.toString('utf8')}` : bytes.toString('utf8');
  const shared: [number, unknown][] = [];
  const result = loadPart(snapshot, text, init.source, message.kind, String, {
    load(value, n) {
      // Account data goes to the main thread, which loads it (reporting its problems) and sends all of it back.
      if (isRecord(value) && isAccountData(value)) {
        shared.push([n, value]);
        return false;
      }
      return true;
    },
    accepted(value, n) {
      const type = (value as Record<string, unknown>)['resourceType'];
      if (typeof type === 'string' && mainTypes.has(type)) shared.push([n, value]);
    },
  });
  if (result === undefined) return { type: 'loaded', ok: false, reason: 'the second part is not a JSON array' };
  return {
    type: 'loaded',
    ok: true,
    items: result.items,
    problems: result.problems.map((p) => ({ n: Number(p.position), path: p.path, message: p.message })),
    shared: JSON.stringify(shared),
    keys: itemKeys(snapshot),
    accounts: snapshot.accounts(),
    regions: snapshot.regions(),
  };
}

function evaluate(message: Extract<GoMessage, { type: 'go' }>): DoneMessage {
  for (const error of message.errors) snapshot.addCollectionError(error);
  const facts = JSON.parse(message.facts) as unknown[];
  for (const fact of facts) loadEntry(snapshot, fact, init.source, 'shared', []);
  const summary = new SummaryBuilder(new Map(controls.map((c) => [c.id, c])));
  const attention: Evaluation[] = [];
  const kept: Evaluation[] = [];
  evaluateSnapshot(snapshot, {
    controls,
    now: new Date(message.now),
    parameters: init.parameters,
    runOnly: runsWhereLoaded,
    onEvaluation: (e) => {
      summary.add(e);
      if (e.compliance !== 'COMPLIANT' && e.compliance !== 'NOT_APPLICABLE') attention.push(e);
      if (message.lines) kept.push(e);
    },
  });
  const done: DoneMessage = { type: 'done', ok: true, counts: summary.controlCounts(), attention };
  if (message.lines) {
    done.keys = kept.map(orderKey);
    done.lines = kept.map((e) => JSON.stringify(e));
  }
  return done;
}

port.on('message', (message: LoadMessage | GoMessage) => {
  try {
    if (message.type === 'load') port.postMessage(load(message));
    else if (message.type === 'go') port.postMessage(evaluate(message));
    else process.exit(0);
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    port.postMessage(
      message.type === 'load' ? { type: 'loaded', ok: false, reason } : { type: 'done', ok: false, reason },
    );
  }
});
