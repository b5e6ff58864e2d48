import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type CliIo, UsageError } from '../io.js';

/** Writes `text` to `path` (relative to the io's cwd) through a temporary file, so a half-written report never exists. */
export function writeOutFile(io: CliIo, path: string, text: string): string {
  const target = resolve(io.cwd, path);
  const partial = `${target}.partial`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(partial, text);
    renameSync(partial, target);
  } catch (error) {
    try {
      rmSync(partial, { force: true });
    } catch {
      // the directory itself was the problem
    }
    throw new UsageError(`--out ${path}: cannot write: ${(error as Error).message}`, { cause: error });
  }
  return target;
}

/**
 * Where a command's stdout goes: the io itself, or, with `--out PATH`, a buffer written to PATH by
 * `finish()`. Every format then prints the same way whichever the destination.
 */
export function outputTo(io: CliIo, out: string | undefined): { io: CliIo; finish(): void } {
  if (out === undefined) return { io, finish: () => {} };
  const chunks: string[] = [];
  const buffered: CliIo = { ...io, color: false, stdout: (text) => chunks.push(text) };
  return {
    io: buffered,
    finish: () => {
      const path = writeOutFile(io, out, chunks.join(''));
      io.stderr(`rampart: written to ${path}\n`);
    },
  };
}
