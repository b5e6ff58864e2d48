import type { EvaluationRun } from '@rampart/core';
import { buildOcsfEvents, buildReport, renderHtmlReport, renderMarkdownReport, renderOcsf } from '@rampart/findings';
import { type CliIo, EXIT, UsageError } from '../io.js';

import { writeOutFile } from './output.js';
import type { ReportFormat } from './report-formats.js';

export { outputTo, writeOutFile } from './output.js';
export { isReportFormat, REPORT_FORMATS, type ReportFormat } from './report-formats.js';

/** A CLI io that may say whether stdout is a terminal (tests set it; the process io falls back to process.stdout). */
type MaybeTtyIo = CliIo & { stdoutTty?: boolean };

function stdoutIsTty(io: MaybeTtyIo): boolean {
  return io.stdoutTty ?? (io.color || process.stdout.isTTY === true);
}

export interface ReportCommandOptions {
  out?: string | undefined;
  /** `ocsf`: the region findings on global resources are reported in. */
  homeRegion?: string | undefined;
  title?: string | undefined;
}

/** Renders a run as a report and writes it to `--out` or stdout; returns EXIT.GAPS when an evaluation could not be rendered. */
export function writeReport(
  io: CliIo,
  run: EvaluationRun,
  format: ReportFormat,
  options: ReportCommandOptions,
): number {
  if (format === 'html' && options.out === undefined && stdoutIsTty(io)) {
    throw new UsageError('--format html writes a whole HTML file: give --out PATH, or redirect stdout to a file');
  }
  let text: string;
  let problems = 0;
  if (format === 'ocsf') {
    const built = buildOcsfEvents(run, options.homeRegion !== undefined ? { homeRegion: options.homeRegion } : {});
    for (const p of built.problems) io.stderr(`rampart: no OCSF event for ${p.id}: ${p.code}: ${p.message}\n`);
    problems = built.problems.length;
    text = renderOcsf(built.events);
  } else {
    const model = buildReport(run, options.title !== undefined ? { title: options.title } : {});
    for (const id of model.unknownControls) io.stderr(`rampart: control ${id} is not in the catalog\n`);
    text = format === 'html' ? renderHtmlReport(model) : renderMarkdownReport(model);
  }
  if (options.out === undefined) {
    io.stdout(text);
  } else {
    const path = writeOutFile(io, options.out, text);
    io.stderr(`rampart: ${format} report written to ${path}\n`);
  }
  return problems > 0 ? EXIT.GAPS : EXIT.OK;
}
