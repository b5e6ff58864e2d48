// The scan benchmark: a moto account with >= 1,000 resources, scanned with `--source direct` through
// @rampart/collectors and evaluated like `rampart scan` does. Reports wall time of the scan (collect +
// evaluate), API calls made (HTTP attempts, counted by an SDK middleware) and peak memory (RSS and heap,
// sampled every 20 ms during the scan). Then the aggregator figure (`benchAggregator`): `rampart scan
// --aggregator` against a local Config endpoint serving an organization of 20,000 and 100,000 items,
// and one account and region of 50,000 and of 100,000, with the items and evaluations the scan held at once, what it
// spilled to disk, its peak live heap and RSS. `benchScan()` is what scripts/bench.mjs
// calls; run this file directly for the figures alone. Needs moto_server (see
// test-e2e/support/moto.ts) and `pnpm build`.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpus } from './corpus.mjs';

const root = new URL('../..', import.meta.url);
// The SDK clients are dependencies of @rampart/collectors (pnpm does not hoist them to the root).
const require = createRequire(new URL('packages/collectors/package.json', root));
const REGION = 'eu-west-1';

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startMoto() {
  const port = await freePort();
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: 'ignore',
    env: { ...process.env, MOTO_ALLOW_NONEXISTENT_REGION: 'true' },
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const failed = new Promise((_, reject) =>
    child.on('error', (e) => reject(new Error(`moto_server could not start: ${e.message}`))),
  );
  for (let i = 0; i < 300; i++) {
    const up = await Promise.race([
      fetch(`${endpoint}/moto-api/`).then(
        (r) => r.ok,
        () => false,
      ),
      failed,
    ]);
    if (up) return { endpoint, stop: () => child.kill('SIGTERM') };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`moto_server did not answer on ${endpoint}`);
}

async function inBatches(count, size, task) {
  for (let i = 0; i < count; i += size) {
    await Promise.all(Array.from({ length: Math.min(size, count - i) }, (_, j) => task(i + j)));
  }
}

/** Creates 400 security groups, 250 SNS topics, 200 IAM policies, 150 S3 buckets and 50 KMS keys (1,050). */
async function populate(endpoint) {
  const config = {
    endpoint,
    region: REGION,
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    forcePathStyle: true,
  };
  const ec2 = require('@aws-sdk/client-ec2');
  const sns = require('@aws-sdk/client-sns');
  const iam = require('@aws-sdk/client-iam');
  const s3 = require('@aws-sdk/client-s3');
  const kms = require('@aws-sdk/client-kms');
  const ec2c = new ec2.EC2Client(config);
  const snsc = new sns.SNSClient(config);
  const iamc = new iam.IAMClient(config);
  const s3c = new s3.S3Client(config);
  const kmsc = new kms.KMSClient(config);
  const doc = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
  });
  await inBatches(400, 25, async (i) => {
    const { GroupId } = await ec2c.send(
      new ec2.CreateSecurityGroupCommand({ GroupName: `bench-${i}`, Description: 'bench' }),
    );
    if (i % 4 === 0) {
      await ec2c.send(
        new ec2.AuthorizeSecurityGroupIngressCommand({
          GroupId,
          IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
        }),
      );
    }
  });
  await inBatches(250, 25, (i) => snsc.send(new sns.CreateTopicCommand({ Name: `bench-${i}` })));
  await inBatches(200, 25, (i) =>
    iamc.send(new iam.CreatePolicyCommand({ PolicyName: `bench-${i}`, PolicyDocument: doc })),
  );
  await inBatches(150, 25, (i) =>
    s3c.send(
      new s3.CreateBucketCommand({ Bucket: `bench-${i}`, CreateBucketConfiguration: { LocationConstraint: REGION } }),
    ),
  );
  await inBatches(50, 25, () => kmsc.send(new kms.CreateKeyCommand({})));
  for (const c of [ec2c, snsc, iamc, s3c, kmsc]) c.destroy();
  return 1050;
}

const CALLER = '123456789012';

/** A CI of the corpus (event shape) as a row of an advanced query, re-homed to an account and region. */
function selectRow(ci, accountId, region) {
  let text = JSON.stringify(ci).replaceAll('123456789012', accountId);
  if (ci.awsRegion !== 'global') text = text.replaceAll('eu-west-1', region);
  const c = JSON.parse(text);
  return JSON.stringify({
    accountId,
    awsRegion: c.awsRegion,
    resourceType: c.resourceType,
    resourceId: c.resourceId,
    resourceName: c.resourceName ?? null,
    arn: c.ARN ?? null,
    configurationItemCaptureTime: c.configurationItemCaptureTime,
    configurationItemStatus: c.configurationItemStatus ?? 'OK',
    tags: Object.entries(c.tags ?? {}).map(([key, value]) => ({ key, value })),
    relationships: (c.relationships ?? []).map((r) => ({
      resourceType: r.resourceType,
      ...(r.resourceId ? { resourceId: r.resourceId } : {}),
      ...(r.resourceName ? { resourceName: r.resourceName } : {}),
      relationshipName: r.name,
    })),
    configuration: c.configuration ?? {},
    supplementaryConfiguration: c.supplementaryConfiguration ?? {},
  });
}

/**
 * An organization of `count` items (the corpus: copies of the CI fixtures, each with its own ids),
 * one account per 2,000 items, each with `global` and 3 regions: copy n goes to account n mod A, and
 * its regional items to region (n div A) mod 3. A larger organization has more accounts, not larger
 * ones. Rows are made on demand, page by page, as AWS would send them.
 */
function organization(count) {
  const accounts = Array.from({ length: Math.max(1, Math.round(count / 2000)) }, (_, i) =>
    i === 0 ? CALLER : String(200000000000 + i),
  );
  const regions = ['ap-southeast-2', 'eu-west-1', 'us-east-1'];
  const { items, fixtures } = corpus(count, 'event');
  const partitions = new Map();
  items.forEach((ci, i) => {
    const copy = Math.floor(i / fixtures);
    const accountId = accounts[copy % accounts.length];
    const region = ci.awsRegion === 'global' ? 'global' : regions[Math.floor(copy / accounts.length) % regions.length];
    const key = `${accountId} ${region}`;
    if (!partitions.has(key)) partitions.set(key, []);
    partitions.get(key).push(i);
  });
  return { items, partitions };
}

/**
 * One account and one region holding `count` items (the corpus's regional items; its global ones, a
 * few per copy, go to the account's `global` partition): the largest partition an organization of
 * that size can have, whose evaluations the scan must spill to disk to stay within its bound.
 */
function onePartition(count) {
  const { items: all } = corpus(Math.ceil(count * 1.5), 'event');
  const regional = [];
  const global = [];
  all.forEach((ci, i) => {
    if (ci.awsRegion === 'global') global.push(i);
    else if (regional.length < count) regional.push(i);
  });
  const accountId = String(200000000001);
  const partitions = new Map([
    [`${accountId} global`, global.filter((i) => i < regional.at(-1))],
    [`${accountId} eu-west-1`, regional],
  ]);
  return { items: all, partitions };
}

/**
 * A local endpoint for the two APIs the aggregator scan calls: STS GetCallerIdentity (query protocol)
 * and Config SelectAggregateResourceConfig (JSON 1.1: the GROUP BY listing, then one partition's rows
 * in pages of `Limit`). Anything else (the direct reads of facts) is refused, as a denied call is.
 */
async function startAggregator(org) {
  const server = createHttpServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const target = req.headers['x-amz-target'];
      if (target === 'StarlingDoveService.SelectAggregateResourceConfig') {
        const input = JSON.parse(body);
        let results;
        let next;
        if (input.Expression.includes('GROUP BY')) {
          results = [...org.partitions].map(([key, list]) => {
            const [accountId, awsRegion] = key.split(' ');
            return JSON.stringify({ accountId, awsRegion, 'COUNT(*)': list.length });
          });
        } else {
          const [, accountId, region] = /accountId = '(\d{12})' AND awsRegion = '([a-z0-9-]+)'/.exec(input.Expression);
          const list = org.partitions.get(`${accountId} ${region}`) ?? [];
          const start = Number(input.NextToken ?? 0);
          const end = Math.min(list.length, start + (input.Limit ?? 100));
          results = list.slice(start, end).map((i) => selectRow(org.items[i], accountId, region));
          if (end < list.length) next = String(end);
        }
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify({ Results: results, ...(next ? { NextToken: next } : {}) }));
      } else if (body.includes('Action=GetCallerIdentity')) {
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end(
          `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>` +
            `<Arn>arn:aws:iam::${CALLER}:user/bench</Arn><UserId>AIDABENCH</UserId><Account>${CALLER}</Account>` +
            `</GetCallerIdentityResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
        );
      } else {
        res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'AccessDeniedException' });
        res.end(JSON.stringify({ __type: 'AccessDeniedException', message: 'not served by the bench' }));
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { endpoint: `http://127.0.0.1:${server.address().port}`, stop: () => server.close() };
}

// Preloaded into the CLI process: every 500 ms a full GC, then the heap still in use on stderr. Its
// maximum is the live memory the run needed; peak RSS also counts garbage V8 had not yet collected.
const HEAP_PROBE = `data:text/javascript,${encodeURIComponent(
  "import v8 from 'node:v8'; import vm from 'node:vm'; v8.setFlagsFromString('--expose-gc');" +
    "const gc = vm.runInNewContext('gc'); setInterval(() => { gc();" +
    "process.stderr.write('rampart-bench-heap ' + process.memoryUsage().heapUsed + '\\n'); }, 500).unref();",
)}`;

/** Runs the CLI in a child process (the endpoint lives in this one) with the RSS and heap probes. */
function runCli(args, env) {
  const rssFile = join(tmpdir(), `rampart-bench-rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const probe = fileURLToPath(new URL('scripts/bench/rss-probe.mjs', root));
  const rampart = fileURLToPath(new URL('apps/cli/bin/rampart.mjs', root));
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', probe, '--import', HEAP_PROBE, rampart, ...args], {
      env: { ...process.env, ...env, RAMPART_BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0 && code !== 3) {
        reject(new Error(`rampart ${args.join(' ')} exited ${code}: ${stderr}`));
        return;
      }
      let rss = 0;
      try {
        rss = Number(readFileSync(rssFile, 'utf8'));
      } catch {}
      rmSync(rssFile, { force: true });
      const heaps = [...stderr.matchAll(/^rampart-bench-heap (\d+)$/gm)].map((m) => Number(m[1]));
      resolve({ code, ms, rss, liveHeap: Math.max(0, ...heaps), stderr });
    });
  });
}

/**
 * `rampart scan --aggregator org --format json` (every control; the facts' direct reads are refused)
 * over organizations of the given sizes: the items and evaluations it held at once and what it
 * spilled to disk (its own counts, on stderr), the peak live heap, peak RSS and wall time. Memory
 * should follow a page plus what periodic controls join, not the organization: the same at 100,000
 * items as at 20,000; and in one large partition, the evaluations held stay within the scan's bound
 * (50,000 page-control evaluations of a partition), the rest spilled, and past 20,000 kept items the
 * items cross-resource controls join wait on disk too (100,000 items in one partition).
 */
export async function benchAggregator(
  cases = [
    { count: 20_000, layout: 'organization' },
    { count: 100_000, layout: 'organization' },
    { count: 50_000, layout: 'one partition' },
    { count: 100_000, layout: 'one partition' },
  ],
) {
  const out = [];
  for (const { count, layout } of cases) {
    const org = layout === 'one partition' ? onePartition(count) : organization(count);
    const items = [...org.partitions.values()].reduce((n, list) => n + list.length, 0);
    const aggregator = await startAggregator(org);
    try {
      const run = await runCli(['scan', '--aggregator', 'org', '--region', REGION, '--format', 'json'], {
        AWS_ENDPOINT_URL: aggregator.endpoint,
        AWS_ACCESS_KEY_ID: 'bench',
        AWS_SECRET_ACCESS_KEY: 'bench',
        AWS_REGION: REGION,
        AWS_MAX_ATTEMPTS: '1',
      });
      const collected =
        /collected (\d+) item\(s\).*?(\d+) aggregator partition\(s\); at most (\d+) item\(s\) and (\d+) evaluation\(s\) held at once(?:; (\d+) kept item\(s\) waited on disk)?(?:; (\d+) evaluation\(s\) spilled to disk in (\d+) sorted run\(s\))?/.exec(
          run.stderr,
        );
      if (collected === null) throw new Error(`no collection summary on stderr: ${run.stderr.slice(-2000)}`);
      const figures = {
        layout,
        items,
        partitions: Number(collected[2]),
        largestPartition: Math.max(...[...org.partitions.values()].map((l) => l.length)),
        maxItemsHeld: Number(collected[3]),
        maxEvaluationsHeld: Number(collected[4]),
        spilledItems: Number(collected[5] ?? 0),
        spilledEvaluations: Number(collected[6] ?? 0),
        spilledRuns: Number(collected[7] ?? 0),
        peakLiveHeapMb: Math.round(run.liveHeap / 2 ** 20),
        peakRssMb: Math.round(run.rss / 2 ** 20),
        wallMs: Math.round(run.ms),
      };
      console.log(
        `scan --aggregator (${figures.layout}): ${figures.items} items in ${figures.partitions} partitions (largest ${figures.largestPartition}) -> ` +
          `at most ${figures.maxItemsHeld} items and ${figures.maxEvaluationsHeld} evaluations held at once, ` +
          `${figures.spilledItems} kept items waited on disk, ${figures.spilledEvaluations} evaluations spilled in ${figures.spilledRuns} sorted runs, peak live heap ${figures.peakLiveHeapMb} MB ` +
          `(after GC, every 500 ms), peak RSS ${figures.peakRssMb} MB, ${(figures.wallMs / 1000).toFixed(1)} s`,
      );
      out.push(figures);
    } finally {
      aggregator.stop();
    }
  }
  return out;
}

export async function benchScan() {
  const figures = await benchMoto();
  // After the moto scan, whose memory is sampled in this process: the aggregator cases build large
  // organizations here (served to the CLI, which runs as a child process).
  figures.aggregator = await benchAggregator();
  return figures;
}

async function benchMoto() {
  const { scan } = await import(new URL('packages/collectors/dist/index.js', root).href);
  const core = await import(new URL('packages/core/dist/index.js', root).href);
  const moto = await startMoto();
  try {
    const resources = await populate(moto.endpoint);
    let calls = 0;
    let peakRss = 0;
    let peakHeap = 0;
    const sample = () => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    };
    const timer = setInterval(sample, 20);
    const snapshot = new core.Snapshot();
    const start = process.hrtime.bigint();
    let items = 0;
    let errors = 0;
    const result = await scan(
      {
        endpointUrl: moto.endpoint,
        regions: [REGION],
        source: 'direct',
        credentials: async () => ({ accessKeyId: 'bench', secretAccessKey: 'bench' }),
        reportPollMs: 50,
        onApiCall: () => {
          calls++;
        },
      },
      {
        item(raw) {
          const normalized = core.normalizeItem(JSON.parse(JSON.stringify(raw)));
          if (normalized.ok) snapshot.add(normalized.item, { source: 'bench', position: `item ${items}` });
          items++;
        },
        error(e) {
          errors++;
          snapshot.addCollectionError(e);
        },
      },
    );
    snapshot.addHeader({
      version: 1,
      capturedAt: new Date().toISOString(),
      accounts: [result.accountId],
      regions: [REGION],
    });
    const run = core.evaluateSnapshot(snapshot, { controls: core.catalog().select(), now: new Date() });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    sample();
    clearInterval(timer);
    const figures = {
      resources,
      items,
      collectionErrors: errors,
      evaluations: run.evaluations.length,
      apiCalls: calls,
      wallMs: Math.round(ms),
      peakRssMb: Math.round(peakRss / 2 ** 20),
      peakHeapMb: Math.round(peakHeap / 2 ** 20),
    };
    console.log(
      `scan: ${figures.resources} moto resources -> ${figures.items} items, ${figures.evaluations} evaluations, ` +
        `${figures.apiCalls} API calls, ${(figures.wallMs / 1000).toFixed(1)} s, peak RSS ${figures.peakRssMb} MB ` +
        `(heap ${figures.peakHeapMb} MB), ${figures.collectionErrors} collection error(s)`,
    );
    return figures;
  } finally {
    moto.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchScan();
