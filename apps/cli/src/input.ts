import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type InputProblem, loadInput, Snapshot } from '@rampart/core';

export interface LoadedInputs {
  snapshot: Snapshot;
  problems: InputProblem[];
  items: number;
}

/**
 * A file's text. Reading the bytes and decoding them is about twice as fast on large files as
 * `readFileSync(path, 'utf8')` (Node 20: 110 ms against 210 ms for 89 MB), and the decoded string
 * parses as fast.
 */
export function readText(path: string): string {
  return readFileSync(path).toString('utf8');
}

/** Reads every input file into one snapshot; an unreadable file or a bad item is a problem, not an abort. */
export function readInputs(files: readonly string[], cwd: string): LoadedInputs {
  const snapshot = new Snapshot();
  const problems: InputProblem[] = [];
  let items = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readText(resolve(cwd, file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const message =
        code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
      problems.push({ source: file, position: 'file', path: '', message });
      continue;
    }
    const result = loadInput(snapshot, text, file);
    items += result.items;
    problems.push(...result.problems);
  }
  problems.push(...snapshot.problems);
  return { snapshot, problems, items };
}
