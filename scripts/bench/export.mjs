// Security Hub export benchmark (`benchExport()`, called by scripts/bench.mjs): 20,000 findings to a
// loopback endpoint that admits BatchImportFindings at Security Hub's quota — 10 requests/s, burst
// 30 — answers 429 beyond that, and counts the findings it accepted. The ceiling is 1,000 findings/s
// (10 requests of 100); the figure is findings/s as a share of it, and accepted must equal sent.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const root = new URL('../..', import.meta.url).pathname;
const findingsPackage = `${root}packages/findings/`;
const CEILING = 1000;

/** The endpoint: a token bucket like Security Hub's, a count of accepted findings and of 429s. */
function startEndpoint({ rate = 10, burst = 30 } = {}) {
  let tokens = burst;
  let last = performance.now();
  const stats = { requests: 0, throttled: 0, accepted: 0, ids: new Set() };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      stats.requests++;
      const reply = (status, body, headers = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      if (req.url.startsWith('/findings/import')) {
        const now = performance.now();
        tokens = Math.min(burst, tokens + ((now - last) * rate) / 1000);
        last = now;
        if (tokens < 1) {
          stats.throttled++;
          return reply(429, { message: 'Rate exceeded' }, { 'x-amzn-errortype': 'TooManyRequestsException' });
        }
        tokens -= 1;
        const { Findings } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        for (const f of Findings) stats.ids.add(f.Id);
        stats.accepted += Findings.length;
        return reply(200, { FailedCount: 0, SuccessCount: Findings.length, FailedFindings: [] });
      }
      if (req.url.startsWith('/findings')) return reply(200, { Findings: [] });
      return reply(404, { message: `no route ${req.url}` });
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, stats, endpoint: `http://127.0.0.1:${server.address().port}` }),
    );
  });
}

function syntheticRun(count) {
  const controls = [
    's3-bucket-server-side-encryption-enabled',
    's3-bucket-versioning-enabled',
    's3-bucket-logging-enabled',
    's3-bucket-ssl-requests-only',
  ];
  const evaluations = [];
  for (let i = 0; i < count; i++) {
    const bucket = `bench-bucket-${String(Math.floor(i / controls.length)).padStart(6, '0')}`;
    evaluations.push({
      controlId: controls[i % controls.length],
      resourceType: 'AWS::S3::Bucket',
      resourceId: bucket,
      resourceArn: `arn:aws:s3:::${bucket}`,
      accountId: '123456789012',
      region: 'eu-west-1',
      compliance: i % 3 === 0 ? 'NON_COMPLIANT' : 'COMPLIANT',
      annotation: `Bucket ${bucket} checked by the benchmark.`,
    });
  }
  return {
    evaluations,
    scope: {
      controls,
      accounts: ['123456789012'],
      regions: ['eu-west-1'],
      now: '2026-11-29T08:00:00.000Z',
      incomplete: [],
    },
  };
}

export async function benchExport({ count = Number(process.env.RAMPART_BENCH_FINDINGS ?? 20_000) } = {}) {
  const require = createRequire(`${findingsPackage}package.json`);
  const { SecurityHubClient } = await import(pathToFileURL(require.resolve('@aws-sdk/client-securityhub')).href);
  const { exportToSecurityHub } = await import(pathToFileURL(`${findingsPackage}dist/index.js`).href);
  const { server, stats, endpoint } = await startEndpoint();
  try {
    const run = syntheticRun(count);
    const client = new SecurityHubClient({
      region: 'eu-west-1',
      endpoint,
      credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
      retryMode: 'adaptive',
      maxAttempts: 5,
    });
    const start = performance.now();
    const summary = await exportToSecurityHub(run, { clientFor: () => client, now: new Date('2026-11-29T09:00:00Z') });
    const seconds = (performance.now() - start) / 1000;
    const sent = count;
    const perSecond = stats.accepted / seconds;
    const result = {
      findings: sent,
      accepted: stats.accepted,
      distinctAccepted: stats.ids.size,
      failed: summary.failed,
      seconds: Number(seconds.toFixed(2)),
      findingsPerSecond: Math.round(perSecond),
      shareOfCeiling: Number((perSecond / CEILING).toFixed(3)),
      requests: stats.requests,
      throttled: stats.throttled,
      ok: stats.ids.size === sent && summary.failed === 0 && summary.new === sent,
    };
    console.log(
      `export securityhub, ${sent} findings to a 10 req/s burst-30 endpoint: ${result.findingsPerSecond} findings/s ` +
        `= ${(result.shareOfCeiling * 100).toFixed(0)}% of the 1,000 findings/s ceiling (burst included) in ${result.seconds} s; ` +
        `accepted ${result.distinctAccepted} of ${sent} sent, ${result.failed} failed; ${result.requests} requests, ` +
        `${result.throttled} answered 429 ${result.ok ? 'ok' : 'LOST FINDINGS'}`,
    );
    return result;
  } finally {
    server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchExport();
  process.exit(result.ok ? 0 : 1);
}
