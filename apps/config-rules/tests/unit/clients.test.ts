import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigServiceClient, PutEvaluationsCommand } from '@aws-sdk/client-config-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClientMiddleware, type ClientOptions, clientConfig, withMiddleware } from '../../src/clients.js';
import { configClient } from '../../src/config-client.js';

/** Stops each request just before it would go out, keeping its headers. */
class Captured extends Error {
  constructor(readonly headers: Record<string, string>) {
    super('captured');
  }
}
const capture: ClientMiddleware = {
  middleware: () => async (args: { request: { headers: Record<string, string> } }) => {
    throw new Captured(args.request.headers);
  },
  // The deserialize step runs after signing, right before the HTTP handler.
  options: { step: 'deserialize', priority: 'low', name: 'captureRequest' },
};

async function headersOf(client: ConfigServiceClient): Promise<Record<string, string>> {
  try {
    await client.send(new PutEvaluationsCommand({ ResultToken: 'token', Evaluations: [] }));
  } catch (error) {
    if (error instanceof Captured) return error.headers;
    throw error;
  }
  throw new Error('the request was not captured');
}

const BASE: ClientOptions = {
  region: 'eu-west-1',
  endpointUrl: 'http://127.0.0.1:9',
  credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'secret' },
  middleware: [capture],
};

const THREE_DAYS = 3 * 86_400_000;
/** The request's signing time, as the offset from now in ms (0 = local clock). */
async function signingOffset(client: ConfigServiceClient): Promise<number> {
  (client.config as { systemClockOffset: number }).systemClockOffset = THREE_DAYS;
  const date = (await headersOf(client))['x-amz-date']!;
  const iso = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 11)}:${date.slice(11, 13)}:${date.slice(13)}`;
  const days = Math.round((Date.parse(iso) - Date.now()) / 86_400_000);
  return days === 0 ? 0 : days * 86_400_000;
}

describe('SDK clients', () => {
  // A shared config file with settings the function must not pick up: in Lambda there is none,
  // and looking for one costs every cold start.
  const dir = mkdtempSync(join(tmpdir(), 'rampart-config-rules-'));
  const saved = { config: process.env['AWS_CONFIG_FILE'], credentials: process.env['AWS_SHARED_CREDENTIALS_FILE'] };
  beforeAll(() => {
    writeFileSync(
      join(dir, 'config'),
      '[default]\nsdk_ua_app_id = from-shared-file\ndisable_clock_skew_correction = true\n',
    );
    writeFileSync(join(dir, 'credentials'), '[default]\n');
    process.env['AWS_CONFIG_FILE'] = join(dir, 'config');
    process.env['AWS_SHARED_CREDENTIALS_FILE'] = join(dir, 'credentials');
  });
  afterAll(() => {
    for (const [name, value] of [
      ['AWS_CONFIG_FILE', saved.config],
      ['AWS_SHARED_CREDENTIALS_FILE', saved.credentials],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('the SDK alone would read the shared config file (what the next tests rule out)', async () => {
    const config = clientConfig(BASE);
    delete config['userAgentAppId'];
    delete config['disableClockSkewCorrection'];
    const client = withMiddleware(new ConfigServiceClient(config), BASE);
    expect((await headersOf(client))['user-agent']).toContain('app/from-shared-file');
    expect(await signingOffset(client)).toBe(0);
  });

  it('take the app id from the options only', async () => {
    expect((await headersOf(configClient(BASE)))['user-agent']).not.toContain('app/');
    expect((await headersOf(configClient({ ...BASE, userAgentAppId: 'rampart' })))['user-agent']).toContain(
      'app/rampart',
    );
  });

  it('correct the clock skew unless the options say not to', async () => {
    expect(await signingOffset(configClient(BASE))).toBe(THREE_DAYS);
    expect(await signingOffset(configClient({ ...BASE, disableClockSkewCorrection: true }))).toBe(0);
  });
});
