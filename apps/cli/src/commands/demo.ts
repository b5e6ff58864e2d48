import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalog, evaluateSnapshot, formatProblem } from '@rampart/core';
import { buildReport, renderHtmlReport } from '@rampart/findings';
import { loadAttestations } from '../attestations.js';
import { readInputs } from '../input.js';
import { type CliIo, EXIT, paint } from '../io.js';
import { summarize } from '../render/summary.js';
import { renderFindings, renderSummary } from '../render/table.js';
import { writeEvaluationJson } from './evaluate.js';
import { writeOutFile } from './report.js';

/** The demo snapshot shipped in the repository (examples/demo-account.jsonl). */
export const DEMO_FILE = fileURLToPath(new URL('../../../../examples/demo-account.jsonl', import.meta.url));

/** The demo's attestations (examples/attestations.example.json): some current, one expired, the rest missing. */
export const DEMO_ATTESTATIONS = fileURLToPath(
  new URL('../../../../examples/attestations.example.json', import.meta.url),
);

/** Where `rampart demo` writes the HTML report unless `--out` says otherwise (relative to the working directory). */
export const DEMO_REPORT = 'rampart-demo-report.html';

/**
 * Evaluates the demo account with every control, prints what `evaluate` would and writes the HTML
 * report (with `--format json` only when `--out` is given: stdout is the JSON then); exits 0 when it ran.
 */
export function demoCommand(
  io: CliIo,
  options: { format: string; file?: string; out?: string; attestations?: string },
): number {
  const file = options.file ?? DEMO_FILE;
  if (!existsSync(file)) {
    io.stderr(`rampart: the demo snapshot ${file} is missing.\n`);
    return EXIT.USAGE;
  }
  const loaded = readInputs([file], io.cwd);
  loaded.problems.push(...loadAttestations(io, options.attestations ?? DEMO_ATTESTATIONS, loaded.snapshot));
  for (const problem of loaded.problems) io.stderr(`rampart: ${formatProblem(problem)}\n`);
  const controls = catalog().all();
  const now = new Date(loaded.snapshot.capturedAt ?? '2026-11-29T08:00:00Z');
  const run = evaluateSnapshot(loaded.snapshot, { controls, now });
  let report: string | undefined;
  if (options.format !== 'json' || options.out !== undefined) {
    const html = renderHtmlReport(buildReport(run, { title: 'Rampart report: demo account' }));
    report = writeOutFile(io, options.out ?? DEMO_REPORT, html);
  }
  if (options.format === 'json') {
    writeEvaluationJson(io.stdout, run);
    if (report !== undefined) io.stderr(`rampart: HTML report written to ${report}\n`);
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
    io.stdout(`\nHTML report: ${report}\n`);
    io.stdout(`\nTry: pnpm -s rampart evaluate --input examples/demo-account.jsonl --format json\n`);
  }
  return loaded.problems.length > 0 ? EXIT.USAGE : EXIT.OK;
}
