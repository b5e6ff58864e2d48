import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { EvaluationRun } from '@rampart/core';
import {
  buildOcsfEvents,
  buildReport,
  renderHtmlReport,
  renderMarkdownReport,
  renderOcsf,
} from '@rampart/findings';
import { type CliIo, EXIT, UsageError } from '../io.js';

/** Formats that are reports rather than the run itself: `--format html|markdown|ocsf [--out PATH]`. */
export const REPORT_FORMATS = ['html', 'markdown', 'ocsf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(format: string): format is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(format);
}

/** A CLI io that may say whether stdout is a terminal (tests set it; the process io falls back to process.stdout). */
type MaybeTtyIo = CliIo & { stdoutTty?: boolean };

function stdoutIsTty(io: MaybeTtyIo): boolean {
  return io.stdoutTty ?? (io.color || process.stdout.isTTY === true);
}

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

export interface ReportCommandOptions {
  out?: string | undefined;
  /** `ocsf`: the region findings on global resources are reported in. */
  homeRegion?: string | undefined;
  title?: string | undefined;
}

/** Renders a run as a report and writes it to `--out` or stdout; returns EXIT.GAPS when an evaluation could not be rendered. */
export function writeReport(io: CliIo, run: EvaluationRun, format: ReportFormat, options: ReportCommandOptions): number {
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
