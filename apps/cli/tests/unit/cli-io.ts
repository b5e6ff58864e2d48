import { type CliIo, runCli } from '../../src/main.js';

export interface CliOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `run` with an io that collects stdout and stderr (no colors), in `cwd`; `extra` adds to the io. */
export async function capture(
  cwd: string,
  run: (io: CliIo) => Promise<number>,
  extra: Record<string, unknown> = {},
): Promise<CliOutput> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    color: false,
    cwd,
    ...extra,
  };
  const code = await run(io);
  return { code, stdout, stderr };
}

/** `rampart ...argv` in `cwd`, in process, with its output. */
export function runIn(cwd: string, ...argv: string[]): Promise<CliOutput> {
  return capture(cwd, (io) => runCli(argv, io));
}
