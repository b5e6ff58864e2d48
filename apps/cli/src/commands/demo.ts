import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalog, evaluateSnapshot, formatProblem } from '@rampart/core';
import { readInputs } from '../input.js';
import { type CliIo, EXIT, paint } from '../io.js';
import { summarize } from '../render/summary.js';
import { renderFindings, renderSummary } from '../render/table.js';
import { evaluationJson } from './evaluate.js';

/** The demo snapshot shipped in the repository (examples/demo-account.jsonl). */
export const DEMO_FILE = fileURLToPath(new URL('../../../../examples/demo-account.jsonl', import.meta.url));

/** Evaluates the demo account with every control and prints what `evaluate` would; exits 0 when it ran. */
export function demoCommand(io: CliIo, options: { format: string; file?: string }): number {
  const file = options.file ?? DEMO_FILE;
  if (!existsSync(file)) {
    io.stderr(`rampart: the demo snapshot ${file} is missing.\n`);
    return EXIT.USAGE;
  }
  const loaded = readInputs([file], io.cwd);
  for (const problem of loaded.problems) io.stderr(`rampart: ${formatProblem(problem)}\n`);
  const controls = catalog().all();
  const now = new Date(loaded.snapshot.capturedAt ?? '2026-11-29T08:00:00Z');
  const run = evaluateSnapshot(loaded.snapshot, { controls, now });
  if (options.format === 'json') {
    io.stdout(evaluationJson(run));
  } else {
    const byId = new Map(controls.map((c) => [c.id, c]));
    const { size, factCount } = loaded.snapshot;
    io.stdout(
      paint(
        io,
        'bold',
        `Rampart demo: ${size} configuration items and ${factCount} account-level facts of a sample account, ${controls.length} controls\n\n`,
      ),
    );
    io.stdout(renderFindings(io, run.evaluations, byId));
    io.stdout(renderSummary(io, summarize(run.evaluations, byId), run.evaluations.length));
    io.stdout(`\nTry: pnpm -s rampart evaluate --input examples/demo-account.jsonl --format json\n`);
  }
  return loaded.problems.length > 0 ? EXIT.USAGE : EXIT.OK;
}
