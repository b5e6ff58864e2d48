// Budget of the AWS Config rules Lambda (apps/config-rules), measured on the built bundle:
//  - size: the entry plus the chunks it imports statically (what a change-triggered invocation loads) <= 700 KB;
//  - cold start: a fresh `node` that imports the bundle and handles one change event against a loopback
//    endpoint answering PutEvaluations, <= 2.75x a bare `node -e 0`; medians of >= 10 interleaved runs.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { installNode22 } from '../../apps/config-rules/scripts/node22.mjs';

const root = new URL('../..', import.meta.url).pathname;
const app = join(root, 'apps', 'config-rules');
const SIZE_BUDGET = 700 * 1024;
const COLD_BUDGET = 2.75;

/** Bytes of the entry and every chunk it imports statically (from esbuild's metafile). */
function changePathBytes() {
  const meta = JSON.parse(readFileSync(join(app, 'dist', 'meta.json'), 'utf8'));
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of meta.outputs[file]?.imports ?? [])
      if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
  };
  visit('dist/handler.mjs');
  let bytes = 0;
  for (const file of seen) bytes += statSync(join(app, file)).size;
  return { bytes, files: seen.size };
}

const EVENT = {
  version: '1.0',
  invokingEvent: JSON.stringify({
    configurationItemDiff: null,
    configurationItem: {
      relatedEvents: [],
      relationships: [],
      configuration: { volumeId: 'vol-0bench', encrypted: false, size: 8, volumeType: 'gp3', state: 'in-use' },
      supplementaryConfiguration: {},
      tags: {},
      configurationItemVersion: '1.3',
      configurationItemCaptureTime: '2026-11-29T08:00:00.000Z',
      configurationStateId: 1764403200000,
      awsAccountId: '123456789012',
      configurationItemStatus: 'OK',
      resourceType: 'AWS::EC2::Volume',
      resourceId: 'vol-0bench',
      resourceName: null,
      ARN: 'arn:aws:ec2:eu-west-1:123456789012:volume/vol-0bench',
      awsRegion: 'eu-west-1',
      availabilityZone: 'eu-west-1a',
      configurationStateMd5Hash: '',
    },
    notificationCreationTime: '2026-11-29T08:00:01.000Z',
    messageType: 'ConfigurationItemChangeNotification',
    recordVersion: '1.3',
  }),
  ruleParameters: JSON.stringify({ controlId: 'encrypted-volumes' }),
  resultToken: 'bench-token',
  eventLeftScope: false,
  executionRoleArn: 'arn:aws:iam::123456789012:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig',
  configRuleArn: 'arn:aws:config:eu-west-1:123456789012:config-rule/config-rule-bench',
  configRuleName: 'rampart-encrypted-volumes',
  configRuleId: 'config-rule-bench',
  accountId: '123456789012',
};

const invokeScript = (bundle) => `
const { handler } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
const deadline = Date.now() + 30000;
await handler(${JSON.stringify(EVENT)}, {
  awsRequestId: 'bench', functionName: 'rampart-config-rules', functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:rampart-config-rules',
  memoryLimitInMB: '256', getRemainingTimeInMillis: () => deadline - Date.now(),
});`;

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timed(node, args, env) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(node, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code === 0) resolve(ms);
      else reject(new Error(`node ${args[0]} exited ${code}: ${stderr.slice(0, 2000)}`));
    });
  });
}

/** Node.js 22 (installed like the smoke test does), or undefined when the registry cannot be reached. */
function node22() {
  let bin;
  try {
    bin = installNode22();
  } catch (error) {
    console.log(`config-rules: no Node.js 22 (${error instanceof Error ? error.message.slice(0, 200) : error})`);
    return undefined;
  }
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim();
  return { bin, version };
}

/**
 * The budget is checked on Node.js 22, the runtime the function runs on; the Node running the
 * benchmark (20 here) is measured alongside, for information.
 */
export async function benchConfigRules({ runs = Math.max(10, Number(process.env.RAMPART_BENCH_RUNS ?? 10)) } = {}) {
  const runtimes = [{ bin: process.execPath, version: process.version }];
  const twentyTwo = process.version.startsWith('v22.') ? undefined : node22();
  if (twentyTwo !== undefined) runtimes.push(twentyTwo);
  const results = [];
  for (const runtime of runtimes) results.push(await measureOn(runtime, runs));
  const judged = results.find((r) => r.node.startsWith('v22.')) ?? results[0];
  return { ...judged, byNode: results };
}

async function measureOn(runtime, runs) {
  const bundle = join(app, 'dist', 'handler.mjs');
  const size = changePathBytes();
  let requests = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests++;
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'bench' });
      res.end('{"FailedEvaluations":[]}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${server.address().port}`;
  const env = {
    PATH: process.env.PATH,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_ENDPOINT_URL: endpoint,
    POWERTOOLS_LOG_LEVEL: 'WARN',
  };
  const bare = [];
  const cold = [];
  try {
    // Warm the file cache once, then interleave so machine noise hits both alike.
    await timed(runtime.bin, ['--input-type=module', '-e', invokeScript(bundle)], env);
    for (let i = 0; i < runs; i++) {
      bare.push(await timed(runtime.bin, ['-e', '0'], env));
      cold.push(await timed(runtime.bin, ['--input-type=module', '-e', invokeScript(bundle)], env));
    }
  } finally {
    server.close();
  }
  if (requests < runs + 1) throw new Error(`expected a PutEvaluations call per run, the endpoint saw ${requests}`);
  const figures = {
    changePathBytes: size.bytes,
    changePathFiles: size.files,
    sizeBudgetBytes: SIZE_BUDGET,
    bareMs: median(bare),
    coldStartMs: median(cold),
    ratio: median(cold) / median(bare),
    ratioBudget: COLD_BUDGET,
    runs,
    // The function runs on nodejs22.x; this is the Node that ran the measurement.
    node: runtime.version,
  };
  figures.withinBudget = figures.changePathBytes <= SIZE_BUDGET && figures.ratio <= COLD_BUDGET;
  console.log(
    `config-rules: change path ${(size.bytes / 1024).toFixed(0)} KB in ${size.files} file(s) (budget 700 KB); cold start ${figures.coldStartMs.toFixed(0)} ms vs node -e 0 ${figures.bareMs.toFixed(0)} ms = ${figures.ratio.toFixed(2)}x (budget ${COLD_BUDGET}x, medians of ${runs}, node ${runtime.version})${figures.withinBudget ? '' : ' OVER BUDGET'}`,
  );
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchConfigRules();
