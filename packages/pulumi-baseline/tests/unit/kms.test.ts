import { parsePolicy } from '@rampart/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, deploy, installMocks, ofType, one, REGION, resourcesOf } from './helpers/mocks.js';

await installMocks();
const { KmsKeys, BaselineArgsError } = await import('../../src/index.js');

describe('KmsKeys', () => {
  beforeAll(() =>
    deploy(
      () =>
        new KmsKeys('kms', {
          keys: {
            logs: {
              users: [`arn:aws:iam::${ACCOUNT}:role/reader`],
              viaServices: ['s3'],
              services: [
                {
                  service: 'logs.{region}.amazonaws.com',
                  actions: ['kms:GenerateDataKey'],
                  encryptionContext: { 'aws:logs:arn': 'arn:{partition}:logs:{region}:{account}:log-group:*' },
                  sourceAccount: false,
                },
              ],
            },
            alerts: {},
          },
        }),
    ),
  );

  it('creates one key and alias per data class, rotation on, 30-day deletion window', () => {
    const keys = ofType(resourcesOf('kms'), 'aws:kms/key:Key');
    expect(keys.map((k) => k.name).sort()).toEqual(['kms-alerts', 'kms-logs']);
    for (const key of keys) {
      expect(key.inputs.enableKeyRotation).toBe(true);
      expect(key.inputs.deletionWindowInDays).toBe(30);
      expect(key.inputs.rotationPeriodInDays).toBe(365);
      expect(key.inputs.multiRegion).toBe(false);
      expect(key.inputs.tags['rampart:component']).toBe('baseline');
    }
    const aliases = ofType(resourcesOf('kms'), 'aws:kms/alias:Alias').map((a) => a.inputs.name);
    expect(aliases.sort()).toEqual(['alias/rampart/alerts', 'alias/rampart/logs']);
  });

  it('grants the root administration only, and use to named principals through kms:ViaService', () => {
    const key = one(resourcesOf('kms-logs'), 'aws:kms/key:Key');
    const policy = parsePolicy(key.inputs.policy);
    const root = policy.statements.find((s) => s.sid === 'AccountRootAdministersTheKey')!;
    expect(root.principals).toEqual({ AWS: [`arn:aws:iam::${ACCOUNT}:root`] });
    expect(root.actions).not.toContain('kms:Decrypt');
    expect(root.actions).toContain('kms:PutKeyPolicy');
    const users = policy.statements.find((s) => s.sid === 'NamedPrincipalsUseTheKey')!;
    expect(users.condition['ArnLike']?.['aws:PrincipalArn']).toEqual([`arn:aws:iam::${ACCOUNT}:role/reader`]);
    expect(users.condition['StringEquals']?.['kms:ViaService']).toEqual([`s3.${REGION}.amazonaws.com`]);
    const service = policy.statements.find((s) => s.principals?.['Service'] !== undefined)!;
    expect(service.principals?.['Service']).toEqual([`logs.${REGION}.amazonaws.com`]);
    expect(service.condition['StringLike']?.['kms:EncryptionContext:aws:logs:arn']).toEqual([
      `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:*`,
    ]);
    for (const s of policy.statements) expect(s.principals?.['AWS'] ?? []).not.toContain('*');
  });

  it('adds no user statement to a key without users', () => {
    const key = one(resourcesOf('kms-alerts'), 'aws:kms/key:Key');
    expect(parsePolicy(key.inputs.policy).statements.map((s) => s.sid)).toEqual(['AccountRootAdministersTheKey']);
  });

  it('fails with a clear message on bad args', () => {
    expect(() => new KmsKeys('bad', { keys: {} })).toThrow(BaselineArgsError);
    expect(() => new KmsKeys('bad', { keys: {} })).toThrow(
      'Invalid KmsKeys args for "bad": keys: at least one data class is required',
    );
    expect(() => new KmsKeys('bad', { keys: { Logs: {} } })).toThrow('data class names must be kebab-case');
    expect(() => new KmsKeys('bad', { keys: { logs: { deletionWindowInDays: 3 } } })).toThrow(
      'keys.logs.deletionWindowInDays',
    );
    expect(() => new KmsKeys('bad', { keys: { logs: { users: ['not-an-arn'] } } })).toThrow('must be an ARN');
    expect(
      () => new KmsKeys('bad', { keys: { logs: { services: [{ service: 's3.amazonaws.com', actions: ['kms:*'] }] } } }),
    ).toThrow('must be a single kms: action without wildcards');
  });
});
