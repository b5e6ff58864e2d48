#!/usr/bin/env node
// `pnpm bench`: speed and memory figures, measured by running the real commands (never a timed test).
//
// evaluate: the marginal cost of `rampart evaluate` on a 50,000-CI corpus (its time on the 50k file
// minus its time on a one-item file) against a bare JSON.parse of the same file (minus `node -e 0`),
// medians of RUNS runs, for event-shaped CIs (objects) and API-shaped CIs (JSON strings). Targets
// (issue #3): <= 1.5x (event) and <= 3x (API) for `rampart evaluate` as run by default (the table).
// `--format json` is measured and reported too, not judged: it also writes every evaluation (124k
// JSON lines, about 30 MB, for this corpus), which a bare JSON.parse has no counterpart for.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchConfigRules } from './bench/config-rules.mjs';
import { corpus } from './bench/corpus.mjs';
import { benchExport } from './bench/export.mjs';
import { benchScan } from './bench/scan.mjs';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'bench-results');
const RUNS = Number(process.env.RAMPART_BENCH_RUNS ?? 5);
const COUNT = Number(process.env.RAMPART_BENCH_CIS ?? 50_000);
const probe = join(root, 'scripts', 'bench', 'rss-probe.mjs');
const rampart = join(root, 'apps', 'cli', 'bin', 'rampart.mjs');
mkdirSync(out, { recursive: true });

function run(args) {
  const rssFile = join(out, `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', probe, ...args], {
    env: { ...process.env, RAMPART_BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 28,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 3) {
    throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  let rss = 0;
  try {
    rss = Number(readFileSync(rssFile, 'utf8'));
  } catch {}
  return { ms, rss };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs each command once per round, interleaved, so machine noise hits all of them alike. */
function measure(commands) {
  const samples = commands.map(() => ({ ms: [], rss: [] }));
  for (let r = 0; r < RUNS; r++) {
    commands.forEach((args, i) => {
      const { ms, rss } = run(args);
      samples[i].ms.push(ms);
      samples[i].rss.push(rss);
    });
  }
  return samples.map((s) => ({ ms: median(s.ms), rss: Math.max(...s.rss) }));
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const results = { runs: RUNS, cis: COUNT, evaluate: {} };
const targets = { event: 1.5, api: 3 };
let failed = false;

for (const shape of process.env.RAMPART_BENCH_ONLY && !process.env.RAMPART_BENCH_ONLY.includes('evaluate')
  ? []
  : ['event', 'api']) {
  const { items, fixtures } = corpus(COUNT, shape);
  const big = join(out, `corpus-${shape}-${COUNT}.json`);
  const one = join(out, `corpus-${shape}-1.json`);
  writeFileSync(big, JSON.stringify(items));
  writeFileSync(one, JSON.stringify(items.slice(0, 1)));
  const parse = `JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'))`;
  // Both outputs: the default (a table of findings and the summary) and the JSON contract.
  const [bare, parseBig, tableOne, tableBig, jsonOne, jsonBig] = measure([
    ['-e', '0'],
    ['-e', parse, big],
    [rampart, 'evaluate', '--input', one],
    [rampart, 'evaluate', '--input', big],
    [rampart, 'evaluate', '--input', one, '--format', 'json'],
    [rampart, 'evaluate', '--input', big, '--format', 'json'],
  ]);
  const parseCost = parseBig.ms - bare.ms;
  results.evaluate[shape] = {
    fixtures,
    bytes: readFileSync(big).length,
    parseMs: Math.round(parseCost),
    parsePeakRss: parseBig.rss,
  };
  for (const [format, oneRun, bigRun] of [
    ['table', tableOne, tableBig],
    ['json', jsonOne, jsonBig],
  ]) {
    const evalCost = bigRun.ms - oneRun.ms;
    const ratio = evalCost / parseCost;
    const judged = format === 'table';
    const ok = ratio <= targets[shape];
    if (judged) failed ||= !ok;
    results.evaluate[shape][format] = {
      evaluateMs: Math.round(evalCost),
      ratio: Number(ratio.toFixed(2)),
      ...(judged ? { target: targets[shape], withinTarget: ok } : { judged: false }),
      peakRss: bigRun.rss,
    };
    const verdict = judged ? `(target <= ${targets[shape]}x) ${ok ? 'ok' : 'OVER'}` : '(reported, not judged)';
    console.log(
      `evaluate ${shape}-shaped --format ${format}, ${COUNT} CIs (${fixtures} fixtures replicated, ${mb(results.evaluate[shape].bytes)}): ` +
        `evaluate +${Math.round(evalCost)} ms vs JSON.parse +${Math.round(parseCost)} ms = ${ratio.toFixed(2)}x ` +
        `${verdict}; peak RSS ${mb(bigRun.rss)} (JSON.parse alone ${mb(parseBig.rss)})`,
    );
  }
}

// The other surfaces: each prints its own summary line and returns its figures.
const only = process.env.RAMPART_BENCH_ONLY?.split(',');
const sections = { scan: benchScan, export: benchExport, 'config-rules': benchConfigRules };
for (const [name, run] of Object.entries(sections)) {
  if (only && !only.includes(name)) continue;
  try {
    results[name] = await run();
    if (results[name]?.withinBudget === false) failed = true;
  } catch (error) {
    failed = true;
    results[name] = { error: String(error) };
    console.log(`${name}: FAILED: ${error instanceof Error ? error.message : error}`);
  }
}

writeFileSync(join(out, 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`medians of ${RUNS} runs; details in bench-results/bench.json`);
process.exit(failed ? 1 : 0);
