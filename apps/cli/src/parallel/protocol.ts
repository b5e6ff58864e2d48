import type { CollectionError, Evaluation } from '@rampart/core';
import type { ControlCounts } from '../render/summary.js';

/** What the worker thread is started with. */
export interface WorkerInit {
  controlIds: string[];
  parameters: Record<string, Record<string, unknown>>;
  /** The input's name as the user gave it (problem messages). */
  source: string;
}

/** Main → worker: the part of the input to load (bytes `start`..`end` of the shared buffer). */
export interface LoadMessage {
  type: 'load';
  buffer: SharedArrayBuffer;
  start: number;
  end: number;
  kind: 'array' | 'lines';
}

/** A problem with a position local to the worker's part (an index or a line number). */
export interface PartProblem {
  n: number;
  path: string;
  message: string;
}

/** Worker → main, once its part is loaded. */
export type LoadedMessage =
  | {
      type: 'loaded';
      ok: true;
      items: number;
      problems: PartProblem[];
      /**
       * JSON of `[position, value][]`: the values the main thread needs from this part: facts, snapshot
       * headers, collection errors, and the items of the types that controls reading other resources read.
       */
      shared: string;
      /** Every item this part loaded, as `account\u0001region\u0001type\u0001id` joined by `\u0000` (duplicates across parts). */
      keys: string;
      accounts: string[];
      regions: string[];
    }
  | { type: 'loaded'; ok: false; reason: string };

/** Main → worker: evaluate (with the whole input's facts and collection errors), or stop. */
export type GoMessage =
  | { type: 'go'; now: string; facts: string; errors: CollectionError[]; lines: boolean }
  | { type: 'abort' };

/** Worker → main: the verdicts of the part. */
export type DoneMessage =
  | {
      type: 'done';
      ok: true;
      counts: ControlCounts;
      attention: Evaluation[];
      /** With `lines`: every evaluation's order key and JSON line, in output order. */
      keys?: string[];
      lines?: string[];
    }
  | { type: 'done'; ok: false; reason: string };

export const KEY_FIELD = '\u0001';
export const KEY_SEPARATOR = '\u0000';
