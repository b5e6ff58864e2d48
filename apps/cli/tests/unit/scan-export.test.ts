import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanCommand } from '../../src/commands/scan.js';
import { factReader } from './aggregator-mock.js';
import { capture } from './cli-io.js';

// The SDK clients are dependencies of @rampart/collectors and @rampart/findings (pnpm does not hoist
// them): take each from its package, so the mocks patch the very classes the scan and the export use.
const fromCollectors = createRequire(new URL('../../../../packages/collectors/package.json', import.meta.url));
const fromFindings = createRequire(new URL('../../../../packages/findings/package.json', import.meta.url));
const { mockClient } = fromCollectors('aws-sdk-client-mock');
const { GetCallerIdentityCommand, STSClient } = fromCollectors('@aws-sdk/client-sts');
const { BatchImportFindingsCommand, GetFindingsCommand, SecurityHubClient } =
  fromFindings('@aws-sdk/client-securityhub');

const ROLE_ACCOUNT = '210987654321';
const sts = mockClient(STSClient);
const hub = mockClient(SecurityHubClient);
afterAll(() => {
  sts.restore();
  hub.restore();
});

describe('rampart scan --role-arn --export securityhub', () => {
  it('imports the findings as the role it scanned with: Security Hub takes them only from their own account', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: ROLE_ACCOUNT });
    hub.on(GetFindingsCommand).resolves({ Findings: [] });
    const signedAs: string[] = [];
    const accounts: string[] = [];
    hub
      .on(BatchImportFindingsCommand)
      .callsFake(
        async (
          input: { Findings: { AwsAccountId: string }[] },
          getClient: () => { config: { credentials: () => Promise<{ accessKeyId: string }> } },
        ) => {
          signedAs.push((await getClient().config.credentials()).accessKeyId);
          accounts.push(...input.Findings.map((f) => f.AwsAccountId));
          return { FailedCount: 0, SuccessCount: input.Findings.length, FailedFindings: [] };
        },
      );
    const dir = mkdtempSync(join(tmpdir(), 'rampart-scan-export-'));
    const out = await capture(dir, (io) =>
      scanCommand(
        io,
        {
          source: 'direct',
          region: ['eu-west-1'],
          format: 'json',
          export: 'securityhub',
          roleArn: `arn:aws:iam::${ROLE_ACCOUNT}:role/rampart-scan`,
          controls: 'ec2-ebs-encryption-by-default',
        },
        {
          env: {},
          stderrTty: false,
          scanner: {
            // The identity the scanner built for the role (here given, as the SDK would resolve it).
            credentials: async () => ({ accessKeyId: 'ASIAROLE', secretAccessKey: 'secret', sessionToken: 'token' }),
            maxAttempts: 1,
            now: () => new Date('2026-11-29T08:00:00Z'),
            readers: [factReader([])],
          },
        },
      ),
    );
    expect(out.stderr).toContain('Security Hub: 1 new, 0 updated, 0 unchanged, 0 archived, 0 failed');
    expect(accounts.length).toBeGreaterThan(0);
    expect(new Set(accounts)).toEqual(new Set([ROLE_ACCOUNT]));
    expect(new Set(signedAs)).toEqual(new Set(['ASIAROLE']));
  });
});
