import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '..', '..');
const BIN = join(REPO, 'apps', 'cli', 'bin', 'rampart.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `rampart` command (the built CLI) with dummy AWS credentials, as a user would. */
export function runRampart(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO,
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? '/tmp',
        AWS_ACCESS_KEY_ID: 'testing',
        AWS_SECRET_ACCESS_KEY: 'testing',
        // No shared config files: the scan must not pick up a developer's real profile.
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface EvaluationLine {
  controlId: string;
  resourceType: string;
  resourceId: string;
  resourceArn: string | null;
  accountId: string;
  region: string;
  compliance: string;
  annotation: string;
}

export interface EvaluationDoc {
  scope: { controls: string[]; accounts: string[]; regions: string[]; now: string; incomplete: unknown[] };
  evaluations: EvaluationLine[];
}

/**
 * `rampart scan --source direct --format json` of the moto account in one region, as the scan suites run
 * it; fails with the scan's stderr when it printed no JSON.
 */
export async function scanMoto(
  endpoint: string,
  region: string,
  extraArgs: readonly string[] = [],
): Promise<CliRun & { doc: EvaluationDoc }> {
  const run = await runRampart([
    'scan',
    '--endpoint-url',
    endpoint,
    '--region',
    region,
    '--source',
    'direct',
    '--format',
    'json',
    ...extraArgs,
  ]);
  if (!run.stdout.startsWith('{')) throw new Error(`scan printed no JSON (exit ${run.code}): ${run.stderr}`);
  return { ...run, doc: JSON.parse(run.stdout) as EvaluationDoc };
}

/** The one evaluation of a control on a resource (throws when there is none). */
export function verdict(doc: EvaluationDoc, controlId: string, resourceId: string): EvaluationLine {
  const found = doc.evaluations.find((e) => e.controlId === controlId && e.resourceId === resourceId);
  if (found === undefined) throw new Error(`no evaluation of ${controlId} on ${resourceId}`);
  return found;
}
