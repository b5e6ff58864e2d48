import { resolve } from 'node:path';
import type { EvaluationRun } from '@rampart/core';
import {
  buildFindings,
  EvaluationRunInputError,
  type ExportOptions,
  type ExportSummary,
  exportToSecurityHub,
  parseEvaluationRun,
} from '@rampart/findings';
import { readText } from '../input.js';
import { type CliIo, EXIT, UsageError } from '../io.js';

export const EXPORT_FORMATS = ['text', 'json'] as const;

export interface ExportSecurityHubOptions {
  input: string;
  region?: string;
  homeRegion?: string;
  endpointUrl?: string;
  profile?: string;
  dryRun?: boolean;
  format: string;
}

/**
 * `rampart export securityhub --input results.json`: imports the findings of a saved
 * `evaluate`/`scan --format json` run. Summary on stderr (and as JSON on stdout with --format json);
 * exit 3 when a finding failed.
 */
export async function exportSecurityHubCommand(
  io: CliIo,
  options: ExportSecurityHubOptions,
  overrides: Pick<ExportOptions, 'clientFor' | 'now'> = {},
): Promise<number> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, got "${options.format}"`);
  }
  let text: string;
  try {
    text = readText(resolve(io.cwd, options.input));
  } catch (error) {
    throw new UsageError(`${options.input}: cannot read: ${(error as Error).message}`, { cause: error });
  }
  let run: ReturnType<typeof parseEvaluationRun>;
  try {
    run = parseEvaluationRun(text, options.input);
  } catch (error) {
    if (error instanceof EvaluationRunInputError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
  const summary = await exportToSecurityHub(run, {
    ...overrides,
    ...(options.region !== undefined ? { region: options.region } : {}),
    ...(options.homeRegion !== undefined ? { homeRegion: options.homeRegion } : {}),
    ...(options.endpointUrl !== undefined ? { endpoint: options.endpointUrl } : {}),
    ...(options.profile !== undefined ? { profile: options.profile } : {}),
    dryRun: options.dryRun === true,
    log: (message) => io.stderr(`rampart: ${message}\n`),
  });
  if (options.format === 'json') io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
  return reportExport(io, summary);
}

/** Writes the summary and every failure to stderr; returns exit 3 when a finding failed, else 0. For `scan --export` too. */
export function reportExport(io: CliIo, summary: ExportSummary): number {
  for (const f of summary.failures) {
    io.stderr(
      `rampart: finding ${f.id} (${f.accountId}/${f.region}) failed: ${f.code}${f.message ? `: ${f.message}` : ''}\n`,
    );
  }
  io.stderr(`rampart: ${exportSummaryLine(summary)}\n`);
  return summary.failed > 0 ? EXIT.GAPS : EXIT.OK;
}

export function exportSummaryLine(s: ExportSummary): string {
  const extra: string[] = [];
  if (s.keptIncomplete > 0) extra.push(`${s.keptIncomplete} kept because their resource types could not be read`);
  if (s.outdated > 0) extra.push(`${s.outdated} skipped because Security Hub holds a newer observation`);
  return (
    `Security Hub${s.dryRun ? ' (dry run, nothing imported)' : ''}: ${s.new} new, ${s.updated} updated, ` +
    `${s.unchanged} unchanged, ${s.archived} archived, ${s.failed} failed` +
    (extra.length > 0 ? ` (${extra.join('; ')})` : '') +
    ` in ${s.partitions.length} account/region(s).`
  );
}

/**
 * `--format asff`: a JSON array BatchImportFindings accepts as is, one finding per line. Evaluations
 * that cannot become a finding are named on stderr; returns how many.
 */
export function printAsff(io: CliIo, run: EvaluationRun, homeRegion: string | undefined): number {
  const built = buildFindings(run, homeRegion !== undefined ? { homeRegion } : {});
  const lines = built.findings.map((f) => JSON.stringify(f));
  io.stdout(lines.length === 0 ? '[]\n' : `[\n${lines.join(',\n')}\n]\n`);
  for (const p of built.problems) io.stderr(`rampart: no finding for ${p.id}: ${p.code}: ${p.message}\n`);
  return built.problems.length;
}
