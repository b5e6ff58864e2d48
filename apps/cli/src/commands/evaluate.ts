import {
  type Control,
  catalog,
  type EvaluationRun,
  evaluateSnapshot,
  formatProblem,
  type Severity,
} from '@rampart/core';
import { loadAttestations } from '../attestations.js';
import { readInputs } from '../input.js';
import { type CliIo, combineExit, EXIT, UsageError } from '../io.js';
import { SummaryBuilder } from '../render/summary.js';
import { FindingsSelector, renderSummary } from '../render/table.js';
import { exitCode, summaryTally, tally } from './exit-code.js';
import { parseControlIds, parseFailOn, parseParams } from './options.js';
import { outputTo } from './output.js';
import { isReportFormat, REPORT_FORMATS } from './report-formats.js';

export const EVALUATE_FORMATS = ['table', 'json', 'asff', ...REPORT_FORMATS] as const;
export type EvaluateFormat = (typeof EVALUATE_FORMATS)[number];

export interface EvaluateOptions {
  input: string[];
  controls?: string;
  area?: string;
  now?: string;
  format: string;
  failOn?: string;
  param?: string[];
  /** `--format asff`: the Security Hub region for findings on global resources (default: the first region scanned). */
  homeRegion?: string;
  /** Where the output goes instead of stdout (every format but table). */
  out?: string;
  /** The attestations file (docs/attestations.md) whose entries become `Rampart::Attestation` facts. */
  attestations?: string;
}

/** Evaluations written per call of `write` by {@link writeEvaluationJson}. */
const JSON_CHUNK = 2_000;

/**
 * The JSON document `--format json` prints (DESIGN.md contract): one evaluation per line, so it stays
 * readable and diffable, and costs little to write for 100,000 evaluations. Written in chunks of a few
 * thousand evaluations: a large run's output (tens of megabytes) is never one string, nor copied whole
 * into a buffer to be written.
 */
export function writeEvaluationJson(write: (text: string) => void, run: EvaluationRun): void {
  const all = run.evaluations;
  write(`{"scope":${JSON.stringify(run.scope)},\n"evaluations":`);
  if (all.length === 0) {
    write('[]}\n');
    return;
  }
  for (let start = 0; start < all.length; start += JSON_CHUNK) {
    const end = Math.min(start + JSON_CHUNK, all.length);
    let text = start === 0 ? '[\n' : ',\n';
    for (let i = start; i < end; i++) text += i === start ? JSON.stringify(all[i]) : `,\n${JSON.stringify(all[i])}`;
    write(text);
  }
  write('\n]}\n');
}

export async function evaluateCommand(io: CliIo, options: EvaluateOptions): Promise<number> {
  const format = parseFormat(options.format);
  const failOn = parseFailOn(options.failOn);
  if (options.out !== undefined && format === 'table') throw new UsageError('--out needs a --format other than table');
  const controls = selectControls(options.controls, options.area);
  const parameters = parseParams(options.param ?? [], controls);
  let now: Date | undefined;
  if (options.now !== undefined) {
    now = new Date(options.now);
    if (Number.isNaN(now.getTime())) throw new UsageError(`--now must be an ISO 8601 date-time, got "${options.now}"`);
  }
  const byId = new Map(controls.map((c) => [c.id, c]));

  const loaded = readInputs(options.input, io.cwd);
  if (options.attestations !== undefined) {
    loaded.problems.push(...loadAttestations(io, options.attestations, loaded.snapshot));
  }
  for (const problem of loaded.problems) io.stderr(`rampart: ${formatProblem(problem)}\n`);
  now ??= loaded.snapshot.capturedAt !== undefined ? new Date(loaded.snapshot.capturedAt) : new Date();

  if (format === 'table') {
    // The table needs counts and the evaluations that need attention only: stream them rather than
    // holding every evaluation of a large run.
    const summary = new SummaryBuilder(byId);
    const findings = new FindingsSelector(byId);
    const run = evaluateSnapshot(loaded.snapshot, {
      controls,
      now,
      parameters,
      onVerdict: (controlId, item, verdict) => {
        summary.addVerdict(controlId, verdict.compliance);
        findings.addVerdict(controlId, item, verdict);
      },
    });
    return finishTable(io, run, summary, findings, failOn, loaded.problems.length);
  }

  const run = evaluateSnapshot(loaded.snapshot, { controls, now, parameters });
  reportSkipped(io, run);
  let asffGaps = 0;
  // Reports and ASFF need @rampart/findings (and the AWS SDK types behind it): load them only for those formats.
  const sink = outputTo(io, isReportFormat(format) ? undefined : options.out);
  if (isReportFormat(format)) {
    const { writeReport } = await import('./report.js');
    asffGaps = writeReport(io, run, format, { out: options.out, homeRegion: options.homeRegion });
  } else if (format === 'json') {
    writeEvaluationJson(sink.io.stdout, run);
  } else {
    const { printAsff } = await import('./export.js');
    asffGaps = printAsff(sink.io, run, options.homeRegion);
  }
  sink.finish();
  return combineExit([
    exitCode(io, tally(run.evaluations, failOn, byId), unreadableTypes(run), loaded.problems.length > 0, failOn),
    asffGaps > 0 ? EXIT.GAPS : EXIT.OK,
  ]);
}

function reportSkipped(io: CliIo, run: EvaluationRun): void {
  for (const skip of run.skippedAccountLevel) {
    io.stderr(
      `rampart: account ${skip.accountId}: ${skip.controls.length} account-level controls not evaluated: the input holds no account-level facts for it (scan with \`rampart scan --snapshot\` to collect them).\n`,
    );
  }
}

/** The default output: the findings that need attention and the summary; returns the exit code. */
function finishTable(
  io: CliIo,
  run: EvaluationRun,
  summary: SummaryBuilder,
  findings: FindingsSelector,
  failOn: Severity | undefined,
  problems: number,
): number {
  reportSkipped(io, run);
  io.stdout(findings.render(io) + renderSummary(io, summary.summary, summary.count));
  return exitCode(io, summaryTally(summary.summary, failOn), unreadableTypes(run), problems > 0, failOn);
}

/** What the run could not read, for the exit-code message; undefined when it read everything. */
function unreadableTypes(run: EvaluationRun): string | undefined {
  const unread = run.scope.incomplete.reduce((n, s) => n + s.resourceTypes.length, 0);
  return run.scope.incomplete.length > 0
    ? `${unread} resource type(s) unreadable in ${run.scope.incomplete.length} account/region(s)`
    : undefined;
}

function parseFormat(format: string): EvaluateFormat {
  if (!(EVALUATE_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${EVALUATE_FORMATS.join(', ')}, got "${format}"`);
  }
  return format as EvaluateFormat;
}

export function selectControls(ids: string | undefined, area: string | undefined): Control<unknown>[] {
  return catalog().select(parseControlIds(ids), parseArea(area));
}

function parseArea(area: string | undefined) {
  if (area === undefined) return undefined;
  const areas = ['iam', 'detection', 'infrastructure', 'data-protection', 'incident-response'] as const;
  if (!(areas as readonly string[]).includes(area))
    throw new UsageError(`--area must be one of ${areas.join(', ')}, got "${area}"`);
  return area as (typeof areas)[number];
}
