// Node.js 22, the major of the function's runtime (nodejs22.x), from the npm registry into
// apps/config-rules/.node22: the smoke test runs the bundle on it, the benchmark measures it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cache = join(fileURLToPath(new URL('..', import.meta.url)), '.node22');
export const NODE22 = join(cache, 'node_modules', '.bin', 'node');

/** The path of the Node 22 binary, installed on first use; throws with npm's output when it cannot be. */
export function installNode22() {
  if (existsSync(NODE22)) return NODE22;
  mkdirSync(cache, { recursive: true });
  const install = spawnSync('npm', ['i', '--prefix', cache, '--no-save', '--no-audit', '--no-fund', 'node@22'], {
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (install.status !== 0 || !existsSync(NODE22)) {
    throw new Error(
      `Could not install Node.js 22 from the npm registry into ${cache} (npm i --prefix ${cache} node@22 exited ${install.status}): ${(install.stderr || install.error?.message || '').slice(-1500)}`,
    );
  }
  return NODE22;
}
