import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { addAttestations, type InputProblem, parseAttestationFile, type Snapshot } from '@rampart/core';
import type { CliIo } from './io.js';

/**
 * `--attestations FILE`: reads the attestations file (docs/attestations.md), adds its valid entries
 * to the snapshot as `Rampart::Attestation` facts of the accounts being evaluated, and returns the
 * problems (file, index, zod path) so the caller reports them and exits 2 after evaluating the rest.
 */
export function loadAttestations(io: CliIo, file: string, snapshot: Snapshot): InputProblem[] {
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    return [{ source: file, position: 'file', path: '', message }];
  }
  const { entries, problems } = parseAttestationFile(text, file);
  const added = addAttestations(snapshot, entries, file);
  problems.push(...snapshot.problems.filter((p) => p.source === file));
  if (added.unmatched > 0) {
    io.stderr(`rampart: ${added.unmatched} attestation(s) in ${file} name no account of the input.\n`);
  }
  if (added.skipped.length > 0) {
    io.stderr(
      `rampart: attestations not applied to account(s) ${added.skipped.join(', ')}: the input holds no account-level data for them (a snapshot from \`rampart scan --snapshot\` does).\n`,
    );
  }
  return problems;
}
