import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { installNode22, NODE22 } from '../../scripts/node22.mjs';
import { changeEvent, configItem } from '../fixtures/events.js';

/** The bundle, loaded and invoked by a real Node.js 22 (the nodejs22.x runtime's major), not the test's Node. */
const app = fileURLToPath(new URL('../..', import.meta.url));
const node22 = NODE22;
const bundle = join(app, 'dist', 'handler.mjs');

beforeAll(() => {
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run \`pnpm build\` in apps/config-rules first`);
  installNode22();
});

describe('the bundle under Node.js 22', () => {
  it('loads, handles a change event and calls PutEvaluations', async () => {
    const requests: { headers: IncomingHttpHeaders; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => {
        body += d;
      });
      req.on('end', () => {
        requests.push({ headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'smoke' });
        res.end('{"FailedEvaluations":[]}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const event = changeEvent(configItem('volume-unencrypted'));
    const script = `
      if (!process.version.startsWith('v22.')) throw new Error('not Node 22: ' + process.version);
      const { handler } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
      const result = await handler(${JSON.stringify(event)}, {
        awsRequestId: 'smoke', functionName: 'rampart-config-rules', functionVersion: '$LATEST',
        invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:rampart-config-rules',
        memoryLimitInMB: '256', getRemainingTimeInMillis: () => 30000,
      });
      console.log(JSON.stringify({ version: process.version, result }));`;
    try {
      const out = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(node22, ['--input-type=module', '-e', script], {
          env: {
            PATH: process.env['PATH'],
            AWS_REGION: 'eu-west-1',
            AWS_ACCESS_KEY_ID: 'smoke',
            AWS_SECRET_ACCESS_KEY: 'smoke',
            AWS_ENDPOINT_URL: endpoint,
            POWERTOOLS_LOG_LEVEL: 'WARN',
          },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => {
          stdout += d;
        });
        child.stderr.on('data', (d) => {
          stderr += d;
        });
        child.on('exit', (code) => resolve({ code, stdout, stderr }));
      });
      expect(out.stderr).toBe('');
      expect(out.code).toBe(0);
      const line = JSON.parse(out.stdout.trim().split('\n').at(-1)!);
      expect(line.version).toMatch(/^v22\./);
      expect(line.result).toMatchObject({ controlId: 'encrypted-volumes', sent: 1, calls: 1 });
      expect(requests).toHaveLength(1);
      expect(requests[0]!.headers['x-amz-target']).toBe('StarlingDoveService.PutEvaluations');
      expect(requests[0]!.headers['authorization']).toMatch(/^AWS4-HMAC-SHA256 Credential=smoke\//);
      // The change path's own signed request (src/config-http.ts), not the SDK client.
      expect(requests[0]!.headers['user-agent']).toMatch(/^rampart-config-rules/);
      const body = JSON.parse(requests[0]!.body);
      expect(body.Evaluations).toEqual([
        expect.objectContaining({ ComplianceResourceId: 'vol-0123456789abcdef0', ComplianceType: 'NON_COMPLIANT' }),
      ]);
    } finally {
      server.close();
    }
  });
});
