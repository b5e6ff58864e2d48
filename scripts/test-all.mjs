#!/usr/bin/env node
// The README's test command: lint, typecheck and test every package (and the e2e suite) through
// Turborepo, then print one line "N passed, N failed" summed over all of them. Exits non-zero when a
// task failed, a test failed, or a package with a test script reported no test results.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const groups = ['packages', 'apps', 'infra'];

function workspaces() {
  const dirs = [];
  for (const group of groups) {
    const base = join(root, group);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base)) dirs.push(join(base, name));
  }
  dirs.push(join(root, 'test-e2e'));
  return dirs.filter((dir) => existsSync(join(dir, 'package.json')));
}

const tested = workspaces().filter((dir) => {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return typeof pkg.scripts?.test === 'string';
});
// Stale results from an earlier run must never count; turbo restores them for cache hits.
for (const dir of tested) rmSync(join(dir, 'test-results.json'), { force: true });

const tasks = process.argv.includes('--tests-only') ? ['test'] : ['lint', 'typecheck', 'test'];
const turbo = spawnSync('pnpm', ['exec', 'turbo', 'run', ...tasks, '--continue', '--output-logs=errors-only'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
});

let passed = 0;
let failed = 0;
const problems = [];
for (const dir of tested) {
  const name = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name;
  const file = join(dir, 'test-results.json');
  if (!existsSync(file)) {
    problems.push(`${name}: no test results (its test task did not run or crashed)`);
    continue;
  }
  const results = JSON.parse(readFileSync(file, 'utf8'));
  const total = results.numTotalTests ?? 0;
  if (total === 0) problems.push(`${name}: reported no tests`);
  passed += results.numPassedTests ?? 0;
  failed += results.numFailedTests ?? 0;
  // A test file that fails to load counts as a failure even though no test inside it ran.
  const brokenFiles = (results.testResults ?? []).filter(
    (f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0,
  );
  for (const f of brokenFiles) {
    failed += 1;
    problems.push(`${name}: ${f.name.replace(root, '')} failed to load: ${(f.message ?? '').split('\n')[0]}`);
  }
  console.log(`${name}: ${results.numPassedTests ?? 0} passed, ${results.numFailedTests ?? 0} failed`);
}
if (turbo.status !== 0) problems.push(`turbo run ${tasks.join(' ')} exited with ${turbo.status ?? turbo.signal}`);
for (const p of problems) console.log(`problem: ${p}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(turbo.status !== 0 || failed > 0 || problems.length > 0 ? 1 : 0);
