import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type InputProblem, loadInput, Snapshot } from '@rampart/core';

export interface LoadedInputs {
  snapshot: Snapshot;
  problems: InputProblem[];
  items: number;
}

/** Reads every input file into one snapshot; an unreadable file or a bad item is a problem, not an abort. */
export function readInputs(files: readonly string[], cwd: string): LoadedInputs {
  const snapshot = new Snapshot();
  const problems: InputProblem[] = [];
  let items = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(resolve(cwd, file), 'utf8');
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
