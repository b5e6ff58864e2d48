import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigServiceClient, PutEvaluationsCommand } from '@aws-sdk/client-config-service';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  configEndpoint,
  httpEvaluationsApi,
  type PutEvaluationsInput,
  putEvaluationsBody,
} from '../../src/config-http.js';
import { PutEvaluationsError } from '../../src/errors.js';
import { putEvaluations } from '../../src/evaluations.js';
import { Budget } from '../../src/lambda.js';
import { signRequest } from '../../src/sigv4.js';

// The change path's PutEvaluations without the SDK client (src/config-http.ts), against a local
// endpoint: the same request as the SDK's (target, body, signature algorithm), and the same errors.

interface Seen {
  headers: IncomingHttpHeaders;
  body: string;
}
type Answer = (res: ServerResponse, seen: Seen) => void;

const seen: Seen[] = [];
let answers: Answer[] = [];
const ok: Answer = (res) => {
  res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'r-1' });
  res.end('{"FailedEvaluations":[]}');
};
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (d) => {
    body += d;
  });
  req.on('end', () => {
    const s = { headers: req.headers, body };
    seen.push(s);
    (answers.shift() ?? ok)(res, s);
  });
});
let endpoint = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());
beforeEach(() => {
  seen.length = 0;
  answers = [];
});

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const input: PutEvaluationsInput = {
  Evaluations: [
    {
      ComplianceResourceType: 'AWS::EC2::Volume',
      ComplianceResourceId: 'vol-0abc',
      ComplianceType: 'NON_COMPLIANT',
      Annotation: 'Volume vol-0abc is not encrypted: "quoted", ünïcode.',
      OrderingTimestamp: new Date('2026-11-29T08:00:00.123Z'),
    },
    {
      ComplianceResourceType: 'AWS::EC2::Volume',
      ComplianceResourceId: 'vol-0def',
      ComplianceType: 'COMPLIANT',
      OrderingTimestamp: new Date('2026-11-29T08:00:00.000Z'),
    },
  ],
  ResultToken: 'token/with+chars=',
  TestMode: false,
};
const api = (extra: Record<string, unknown> = {}) =>
  httpEvaluationsApi({ region: 'eu-west-1', endpointUrl: endpoint, credentials, ...extra })!;
const budget = () => new Budget({ getRemainingTimeInMillis: () => 60_000 } as never, 1_000);

/** The signature of a captured request, recomputed with signRequest from its own headers and x-amz-date. */
function resign(request: Seen, path = '/'): string {
  const auth = String(request.headers['authorization']);
  const signed = /SignedHeaders=([^,]+)/.exec(auth)![1]!.split(';');
  const headers: Record<string, string> = {};
  for (const name of signed) if (name !== 'x-amz-date') headers[name] = String(request.headers[name]);
  const stamp = String(request.headers['x-amz-date']);
  const date = new Date(
    `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`,
  );
  const token = headers['x-amz-security-token'];
  delete headers['x-amz-security-token'];
  const out = signRequest({
    method: 'POST',
    path,
    headers,
    body: request.body,
    region: 'eu-west-1',
    service: 'config',
    credentials: { ...credentials, sessionToken: token },
    date,
  });
  return /Signature=([0-9a-f]{64})/.exec(out['authorization']!)![1]!;
}

describe('PutEvaluations as a signed request', () => {
  it('sends what the SDK sends: target, content type and body (timestamps as epoch seconds)', async () => {
    const sdk = new ConfigServiceClient({ region: 'eu-west-1', endpoint, credentials, maxAttempts: 1 });
    await sdk.send(new PutEvaluationsCommand(input));
    sdk.destroy();
    await api().putEvaluations(input);
    const [bySdk, byUs] = seen as [Seen, Seen];
    expect(byUs.headers['x-amz-target']).toBe(bySdk.headers['x-amz-target']);
    expect(byUs.headers['content-type']).toBe(bySdk.headers['content-type']);
    expect(JSON.parse(byUs.body)).toEqual(JSON.parse(bySdk.body));
    expect(JSON.parse(byUs.body).Evaluations[0].OrderingTimestamp).toBe(1795939200.123);
    expect(putEvaluationsBody(input)).toBe(byUs.body);
  });

  it('signs as the SDK signs: the SDK request re-signed by signRequest gives the SDK signature', async () => {
    for (const sessionToken of [undefined, 'FwoGZXIvYXdzEJr//////////token']) {
      seen.length = 0;
      const sdk = new ConfigServiceClient({
        region: 'eu-west-1',
        endpoint,
        credentials: { ...credentials, sessionToken },
        maxAttempts: 1,
      });
      await sdk.send(new PutEvaluationsCommand(input));
      sdk.destroy();
      const sdkSignature = /Signature=([0-9a-f]{64})/.exec(String(seen[0]!.headers['authorization']))![1];
      expect(resign(seen[0]!)).toBe(sdkSignature);
    }
  });

  it('signs its own requests with the host, date, target, content type and session token', async () => {
    await api({ credentials: { ...credentials, sessionToken: 'session' } }).putEvaluations(input);
    const auth = String(seen[0]!.headers['authorization']);
    expect(auth).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/config\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=[0-9a-f]{64}$/,
    );
    expect(seen[0]!.headers['x-amz-security-token']).toBe('session');
    expect(resign(seen[0]!)).toBe(/Signature=([0-9a-f]{64})/.exec(auth)![1]);
    expect(seen[0]!.headers['user-agent']).toMatch(/^rampart-config-rules/);
  });

  it('names error answers by their AWS error code, so throttling is retried like the SDK exceptions', async () => {
    answers = [
      (res) => {
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
        res.end('{"__type":"com.amazonaws.starlingdove#ThrottlingException","message":"Rate exceeded"}');
      },
      (res) => {
        res.writeHead(503, { 'content-type': 'text/html' });
        res.end('<html>unavailable</html>');
      },
    ];
    const result = await putEvaluations(input.Evaluations, {
      api: api(),
      resultToken: 'token',
      budget: budget(),
      retryBaseMs: 1,
    });
    expect(result).toEqual({ sent: 2, calls: 1, left: [] });
    expect(seen).toHaveLength(3);

    answers = [
      (res) => {
        res.writeHead(400, { 'x-amzn-errortype': 'InvalidResultTokenException:http://internal.amazon.com/' });
        res.end('{"message":"The resultToken is invalid"}');
      },
    ];
    await expect(api().putEvaluations(input)).rejects.toMatchObject({
      name: 'InvalidResultTokenException',
      message: 'The resultToken is invalid',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('rejected evaluations fail the call with their resources named', async () => {
    answers = [
      (res) => {
        res.writeHead(200);
        res.end(
          '{"FailedEvaluations":[{"ComplianceResourceType":"AWS::EC2::Volume","ComplianceResourceId":"vol-0abc","ComplianceType":"NON_COMPLIANT","OrderingTimestamp":1795852800.123}]}',
        );
      },
    ];
    await expect(
      putEvaluations(input.Evaluations, { api: api(), resultToken: 'token', budget: budget() }),
    ).rejects.toThrow(new PutEvaluationsError('AWS Config rejected 1 evaluation(s): AWS::EC2::Volume vol-0abc'));
  });

  it('retries a dropped connection, and gives up after three attempts', async () => {
    const drop: Answer = (res) => res.socket?.destroy();
    answers = [drop, drop];
    await expect(api().putEvaluations(input)).resolves.toEqual({ FailedEvaluations: [] });
    expect(seen).toHaveLength(3);
    seen.length = 0;
    answers = [drop, drop, drop];
    await expect(api().putEvaluations(input)).rejects.toThrow();
    expect(seen).toHaveLength(3);
  });

  it('corrects a clock skew AWS reports, once, unless turned off', async () => {
    const ahead = new Date(Date.now() + 3_600_000);
    const skewed: Answer = (res) => {
      res.writeHead(403, { date: ahead.toUTCString(), 'content-type': 'application/x-amz-json-1.1' });
      res.end('{"__type":"InvalidSignatureException","message":"Signature expired"}');
    };
    answers = [skewed];
    await api().putEvaluations(input);
    expect(seen).toHaveLength(2);
    const stamp = String(seen[1]!.headers['x-amz-date']);
    expect(stamp.slice(0, 11)).toBe(ahead.toISOString().replace(/[-:]/g, '').slice(0, 11));
    seen.length = 0;
    answers = [skewed];
    await expect(api({ disableClockSkewCorrection: true }).putEvaluations(input)).rejects.toMatchObject({
      name: 'InvalidSignatureException',
    });
    expect(seen).toHaveLength(1);
  });
});

describe('when the SDK client is used instead', () => {
  it('standard endpoints of the aws, aws-us-gov and aws-cn partitions, or the one set', () => {
    expect(configEndpoint({ region: 'eu-west-1' })?.href).toBe('https://config.eu-west-1.amazonaws.com/');
    expect(configEndpoint({ region: 'us-gov-west-1' })?.href).toBe('https://config.us-gov-west-1.amazonaws.com/');
    expect(configEndpoint({ region: 'cn-north-1' })?.href).toBe('https://config.cn-north-1.amazonaws.com.cn/');
    expect(configEndpoint({ region: 'eu-west-1', endpointUrl: 'http://127.0.0.1:5000' })?.href).toBe(
      'http://127.0.0.1:5000/',
    );
    // AWS_ENDPOINT_URL first (the SDK gets it as its endpoint), then AWS Config's own variable.
    expect(configEndpoint({ region: 'eu-west-1', configEndpointUrl: 'https://config.vpce.example' })?.href).toBe(
      'https://config.vpce.example/',
    );
    expect(
      configEndpoint({ region: 'eu-west-1', endpointUrl: 'http://127.0.0.1:5000', configEndpointUrl: 'https://x' })
        ?.href,
    ).toBe('http://127.0.0.1:5000/');
    // Only the SDK's endpoint rules know these.
    expect(configEndpoint({ region: 'us-east-1', useFipsEndpoint: true })).toBeUndefined();
    expect(configEndpoint({ region: 'us-east-1', useDualstackEndpoint: true })).toBeUndefined();
    expect(configEndpoint({ region: 'us-iso-east-1' })).toBeUndefined();
  });

  it('no signed-request client without credentials or with test middleware', () => {
    expect(httpEvaluationsApi({ region: 'eu-west-1' })).toBeUndefined();
    expect(
      httpEvaluationsApi({
        region: 'eu-west-1',
        credentials,
        middleware: [{ middleware: (next) => next, options: { step: 'build', name: 'test' } }],
      }),
    ).toBeUndefined();
    expect(httpEvaluationsApi({ region: 'eu-west-1', credentials })).toBeDefined();
  });
});
