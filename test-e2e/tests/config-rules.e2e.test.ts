import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CreateVolumeCommand, EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient, UpdateAccountPasswordPolicyCommand } from '@aws-sdk/client-iam';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { ACCOUNT, motoClientConfig, REGION } from '../support/aws.js';
import { resetMoto } from '../support/moto.js';

/**
 * The bundled AWS Config rules Lambda (apps/config-rules/dist/handler.mjs) against moto: events for
 * resources created in moto, `TESTMODE` result tokens (moto accepts PutEvaluations only in TestMode),
 * and the requests asserted. moto 5.2.1 answers GetResourceConfigHistory and BatchGetResourceConfig with
 * timestamps as "2026-11-29 09:31:06.9+00:00" strings where AWS sends epoch seconds; the test-only
 * middleware below rewrites them before the SDK parses the body.
 */

const bundle = fileURLToPath(new URL('../../apps/config-rules/dist/handler.mjs', import.meta.url));

interface Sent {
  command: string;
  input: Record<string, unknown>;
}

type Handler = (event: unknown, context: unknown) => Promise<Record<string, unknown>>;
type Middleware = {
  middleware: (
    next: (args: unknown) => Promise<unknown>,
    context: { commandName?: string },
  ) => (args: unknown) => Promise<unknown>;
  options: { step: string; priority?: string; name: string };
};

const MOTO_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?\+00:00$/;

function epochTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(epochTimes);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, epochTimes(v)]));
  }
  if (typeof value === 'string' && MOTO_TIME.test(value)) return Date.parse(value.replace(' ', 'T')) / 1000;
  return value;
}

/** Test-only: moto's string timestamps → epoch numbers, in the raw JSON body, before deserialization. */
const motoTimestamps: Middleware = {
  middleware: (next) => async (args) => {
    const out = (await next(args)) as {
      response: { body: AsyncIterable<Uint8Array> | Uint8Array; headers: Record<string, string> };
    };
    const body = out.response.body;
    if (body === undefined || body instanceof Uint8Array) return out;
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(Buffer.from(chunk));
    const text = Buffer.concat(chunks).toString('utf8');
    let fixed = text;
    try {
      fixed = JSON.stringify(epochTimes(JSON.parse(text)));
    } catch {
      // Not JSON: leave it to the SDK.
    }
    out.response.body = new Uint8Array(Buffer.from(fixed, 'utf8'));
    delete out.response.headers['content-length'];
    return out;
  },
  // Below the deserializer: it sees the raw HTTP response.
  options: { step: 'deserialize', priority: 'low', name: 'motoTimestamps' },
};

const sent: Sent[] = [];
const recorder: Middleware = {
  middleware: (next, context) => async (args) => {
    sent.push({
      command: (context.commandName ?? '').replace(/Command$/, ''),
      input: (args as { input: Record<string, unknown> }).input,
    });
    return next(args);
  },
  options: { step: 'initialize', name: 'recordRequests' },
};

let handler: Handler;
let signedRequestHandler: Handler;

function context() {
  const deadline = Date.now() + 60_000;
  return {
    awsRequestId: 'e2e',
    functionName: 'rampart-config-rules',
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:rampart-config-rules`,
    memoryLimitInMB: '256',
    getRemainingTimeInMillis: () => deadline - Date.now(),
  };
}

function ruleEvent(controlId: string, invoking: Record<string, unknown>) {
  return {
    version: '1.0',
    invokingEvent: JSON.stringify(invoking),
    ruleParameters: JSON.stringify({ controlId }),
    resultToken: 'TESTMODE',
    eventLeftScope: false,
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
    configRuleArn: `arn:aws:config:${REGION}:${ACCOUNT}:config-rule/config-rule-e2e`,
    configRuleName: `rampart-${controlId}`,
    configRuleId: 'config-rule-e2e',
    accountId: ACCOUNT,
  };
}

/** The change event of an EBS volume created in moto. */
function volumeEvent(id: string, encrypted: boolean, captured: string) {
  return ruleEvent('encrypted-volumes', {
    configurationItemDiff: null,
    configurationItem: {
      relationships: [],
      configuration: {
        volumeId: id,
        encrypted,
        kmsKeyId: null,
        size: 8,
        state: 'in-use',
        attachments: [{ instanceId: 'i-0a1b2c3d4e5f60718', state: 'attached', device: '/dev/xvda' }],
        availabilityZone: `${REGION}a`,
      },
      supplementaryConfiguration: {},
      tags: {},
      configurationItemVersion: '1.3',
      configurationItemCaptureTime: captured,
      configurationStateId: 1764404102318,
      awsAccountId: ACCOUNT,
      configurationItemStatus: 'OK',
      resourceType: 'AWS::EC2::Volume',
      resourceId: id,
      resourceName: null,
      ARN: `arn:aws:ec2:${REGION}:${ACCOUNT}:volume/${id}`,
      awsRegion: REGION,
      availabilityZone: `${REGION}a`,
    },
    notificationCreationTime: '2026-11-29T08:15:05.120Z',
    messageType: 'ConfigurationItemChangeNotification',
    recordVersion: '1.3',
  });
}

const puts = () => sent.filter((s) => s.command === 'PutEvaluations').map((s) => s.input);

beforeAll(async () => {
  if (!existsSync(bundle)) {
    throw new Error(`${bundle} is missing: build it first (cd apps/config-rules && pnpm build)`);
  }
  const endpoint = inject('motoEndpoint');
  const env = {
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_ENDPOINT_URL: endpoint,
    RAMPART_DEADLINE_RESERVE_MS: '2000',
  };
  const mod = (await import(pathToFileURL(bundle).href)) as {
    createHandler: (options: unknown) => Handler;
    handler: Handler;
  };
  expect(typeof mod.handler).toBe('function');
  handler = mod.createHandler({ env, middleware: [motoTimestamps, recorder], collectorOptions: { maxAttempts: 2 } });
  // Without test middleware the change path sends PutEvaluations as its own signed request (no SDK client).
  signedRequestHandler = mod.createHandler({ env, collectorOptions: { maxAttempts: 2 } });
  process.env['POWERTOOLS_LOG_LEVEL'] ??= 'WARN';
});

beforeEach(async () => {
  await resetMoto(inject('motoEndpoint'));
  sent.length = 0;
});

describe('config-rules handler (bundled) against moto', () => {
  it('ConfigurationItemChangeNotification: an unencrypted volume is NON_COMPLIANT (TestMode)', async () => {
    const ec2 = new EC2Client(motoClientConfig());
    const volume = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: `${REGION}a`, Size: 8 }));
    const id = volume.VolumeId!;
    const captured = '2026-11-29T08:15:02.318Z';
    const result = await handler(volumeEvent(id, volume.Encrypted ?? false, captured), context());
    expect(result).toMatchObject({ sent: 1, calls: 1 });
    expect(puts()).toEqual([
      {
        ResultToken: 'TESTMODE',
        TestMode: true,
        Evaluations: [
          expect.objectContaining({
            ComplianceResourceType: 'AWS::EC2::Volume',
            ComplianceResourceId: id,
            ComplianceType: 'NON_COMPLIANT',
            OrderingTimestamp: new Date(captured),
          }),
        ],
      },
    ]);
  });

  it('ConfigurationItemChangeNotification through the signed-request client (no SDK): moto takes the evaluation', async () => {
    const ec2 = new EC2Client(motoClientConfig());
    const volume = await ec2.send(
      new CreateVolumeCommand({ AvailabilityZone: `${REGION}a`, Size: 8, Encrypted: true }),
    );
    const result = await signedRequestHandler(
      volumeEvent(volume.VolumeId!, volume.Encrypted ?? false, '2026-11-29T08:20:00.000Z'),
      context(),
    );
    expect(result).toMatchObject({ controlId: 'encrypted-volumes', sent: 1, calls: 1, gaps: 0 });
    // Nothing went through the SDK client (the recorder sits in its middleware).
    expect(puts()).toEqual([]);
  });

  it('OversizedConfigurationItemChangeNotification: the bucket is read with GetResourceConfigHistory', async () => {
    const s3 = new S3Client(motoClientConfig());
    await s3.send(
      new CreateBucketCommand({
        Bucket: 'rampart-oversized',
        CreateBucketConfiguration: { LocationConstraint: REGION },
      }),
    );
    const captured = new Date(Date.now() + 60_000).toISOString();
    const result = await handler(
      ruleEvent('s3-bucket-versioning-enabled', {
        configurationItemSummary: {
          changeType: 'UPDATE',
          configurationItemVersion: '1.3',
          configurationItemCaptureTime: captured,
          configurationStateId: 1764404102318,
          awsAccountId: ACCOUNT,
          configurationItemStatus: 'OK',
          resourceType: 'AWS::S3::Bucket',
          resourceId: 'rampart-oversized',
          resourceName: 'rampart-oversized',
          ARN: 'arn:aws:s3:::rampart-oversized',
          awsRegion: REGION,
          availabilityZone: 'Regional',
          configurationStateMd5Hash: '',
        },
        s3DeliverySummary: { s3BucketLocation: null, errorCode: null, errorMessage: null },
        notificationCreationTime: captured,
        messageType: 'OversizedConfigurationItemChangeNotification',
        recordVersion: '1.0',
      }),
      context(),
    );
    const history = sent.filter((s) => s.command === 'GetResourceConfigHistory');
    expect(history).toEqual([
      {
        command: 'GetResourceConfigHistory',
        input: {
          resourceType: 'AWS::S3::Bucket',
          resourceId: 'rampart-oversized',
          laterTime: new Date(captured),
          limit: 1,
        },
      },
    ]);
    expect(result).toMatchObject({ sent: 1 });
    expect(puts()[0]!['Evaluations']).toEqual([
      expect.objectContaining({
        ComplianceResourceType: 'AWS::S3::Bucket',
        ComplianceResourceId: 'rampart-oversized',
        // Evaluated from the item moto returned: a bucket without versioning.
        ComplianceType: 'NON_COMPLIANT',
        OrderingTimestamp: new Date(captured),
      }),
    ]);
  });

  it('ScheduledNotification, account level: the password policy is read with the collectors', async () => {
    const iam = new IAMClient(motoClientConfig());
    await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 8 }));
    const notified = '2026-11-29T09:00:00.000Z';
    const result = await handler(
      ruleEvent('iam-password-policy', {
        awsAccountId: ACCOUNT,
        notificationCreationTime: notified,
        messageType: 'ScheduledNotification',
        recordVersion: '1.0',
      }),
      context(),
    );
    expect(result).toMatchObject({ sent: 1, stale: 0 });
    expect(puts()).toEqual([
      {
        ResultToken: 'TESTMODE',
        TestMode: true,
        Evaluations: [
          expect.objectContaining({
            ComplianceResourceType: 'AWS::::Account',
            ComplianceResourceId: ACCOUNT,
            ComplianceType: 'NON_COMPLIANT',
            OrderingTimestamp: new Date(notified),
          }),
        ],
      },
    ]);
  });

  it('ScheduledNotification, resources: buckets from ListDiscoveredResources + BatchGetResourceConfig', async () => {
    const s3 = new S3Client(motoClientConfig());
    for (const b of ['rampart-periodic-a', 'rampart-periodic-b']) {
      await s3.send(new CreateBucketCommand({ Bucket: b, CreateBucketConfiguration: { LocationConstraint: REGION } }));
    }
    const result = await handler(
      ruleEvent('s3-bucket-versioning-enabled', {
        awsAccountId: ACCOUNT,
        notificationCreationTime: '2026-11-29T09:00:00.000Z',
        messageType: 'ScheduledNotification',
        recordVersion: '1.0',
      }),
      context(),
    );
    expect(sent.map((s) => s.command)).toEqual(
      expect.arrayContaining(['ListDiscoveredResources', 'BatchGetResourceConfig', 'PutEvaluations']),
    );
    // TestMode results are not stored, so there is nothing to clean up (and moto lacks the API).
    expect(sent.some((s) => s.command === 'GetComplianceDetailsByConfigRule')).toBe(false);
    const evaluations = puts().flatMap(
      (p) => p['Evaluations'] as { ComplianceResourceId: string; ComplianceType: string }[],
    );
    expect(evaluations.map((e) => [e.ComplianceResourceId, e.ComplianceType]).sort()).toEqual([
      ['rampart-periodic-a', 'NON_COMPLIANT'],
      ['rampart-periodic-b', 'NON_COMPLIANT'],
    ]);
    expect(result).toMatchObject({ sent: 2 });
  });
});
