import { closeSync, fstatSync, openSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

/** Inputs smaller than this load faster in one thread than a worker starts. */
const DEFAULT_MIN_BYTES = 32 * 1024 * 1024;

/**
 * The path of the one input file when it is worth two threads: large enough (`RAMPART_PARALLEL_MIN_BYTES`,
 * default 32 MiB), a second core, and not turned off (`RAMPART_THREADS=1`).
 */
export function parallelCandidate(files: readonly string[], cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  if (files.length !== 1 || env['RAMPART_THREADS'] === '1' || availableParallelism() < 2) return undefined;
  const min = Number(env['RAMPART_PARALLEL_MIN_BYTES'] ?? DEFAULT_MIN_BYTES);
  const path = resolve(cwd, files[0]!);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    return stats.isFile() && stats.size >= min && stats.size > 0 ? path : undefined;
  } finally {
    closeSync(fd);
  }
}
