import { styleText } from 'node:util';

/** Where a command writes: stdout carries only the requested format, stderr progress, logs and warnings. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal that takes colors. */
  color: boolean;
  cwd: string;
}

export function processIo(): CliIo {
  // A reader that stops early (`rampart evaluate --format json | head`) closes the pipe: that ends
  // the output, it is no crash. The exit code stays what the run decided.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  const color = process.stdout.isTTY === true && !('NO_COLOR' in process.env) && process.env['TERM'] !== 'dumb';
  return {
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (text) => {
      process.stderr.write(text);
    },
    color,
    cwd: process.cwd(),
  };
}

type Style = Parameters<typeof styleText>[0];

export function paint(io: CliIo, style: Style, text: string): string {
  return io.color ? styleText(style, text) : text;
}

/** Exit codes every command uses (DESIGN.md): when several apply, 2 wins over 3, and 3 over 1. */
export const EXIT = {
  OK: 0,
  /** `--fail-on` threshold reached. */
  FAIL_ON: 1,
  /** Usage or input error. */
  USAGE: 2,
  /** Finished with gaps: INSUFFICIENT_DATA or ERROR verdicts, unreadable services. */
  GAPS: 3,
} as const;

export function combineExit(codes: readonly number[]): number {
  if (codes.includes(EXIT.USAGE)) return EXIT.USAGE;
  if (codes.includes(EXIT.GAPS)) return EXIT.GAPS;
  if (codes.includes(EXIT.FAIL_ON)) return EXIT.FAIL_ON;
  return EXIT.OK;
}

/** A usage error: reported on stderr, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
