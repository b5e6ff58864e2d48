// The scan benchmark: a moto account with >= 1,000 resources, scanned with `--source direct` through
// @rampart/collectors and evaluated like `rampart scan` does. Reports wall time of the scan (collect +
// evaluate), API calls made (HTTP attempts, counted by an SDK middleware) and peak memory (RSS and heap,
// sampled every 20 ms during the scan). `benchScan()` is what scripts/bench.mjs calls; run this file
// directly for the figures alone. Needs moto_server (see test-e2e/support/moto.ts) and `pnpm build`.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { pathToFileURL } from 'node:url';

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

export async function benchScan() {
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
