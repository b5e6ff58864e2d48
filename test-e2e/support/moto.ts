import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * Starts moto (the AWS API emulator) in server mode on 127.0.0.1 with a free port.
 * Finds it in this order: `moto_server` on PATH (preinstalled with Python 3.11 on these machines),
 * `python3 -m moto.server`, the venv `.venv` that `.ci/run` creates where it is missing.
 */
export interface MotoServer {
  endpoint: string;
  stop(): Promise<void>;
}

const VENV = join(import.meta.dirname, '..', '.venv', 'bin');

function findMoto(): { command: string; args: string[] } {
  const candidates: { command: string; args: string[] }[] = [
    { command: 'moto_server', args: [] },
    { command: join(VENV, 'moto_server'), args: [] },
    { command: 'python3', args: ['-m', 'moto.server'] },
  ];
  for (const c of candidates) {
    if (c.command.includes('/') && !existsSync(c.command)) continue;
    const probe = spawnSync(c.command, [...c.args, '--help'], { stdio: 'ignore', timeout: 30_000 });
    if (probe.status === 0) return c;
  }
  throw new Error(
    'moto server not found: install it with `pip install "moto[server]==5.2.1"` (Python 3) or run .ci/run, ' +
      'which creates test-e2e/.venv with it when moto_server is missing.',
  );
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(endpoint: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto server exited with ${child.exitCode}: ${log()}`);
    try {
      const res = await fetch(`${endpoint}/moto-api/`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`moto server did not answer on ${endpoint} within 60 s: ${log()}`);
}

export async function startMoto(): Promise<MotoServer> {
  const { command, args } = findMoto();
  const port = await freePort();
  const child = spawn(command, [...args, '-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MOTO_ALLOW_NONEXISTENT_REGION: 'true' },
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(endpoint, child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}

/** Forgets every resource moto holds (between suites). */
export async function resetMoto(endpoint: string): Promise<void> {
  const res = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
  if (!res.ok) throw new Error(`moto reset failed: ${res.status}`);
}
