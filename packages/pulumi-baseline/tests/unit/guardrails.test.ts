import { beforeAll, describe, expect, it } from 'vitest';
import { deploy, installMocks, ofType, one, resourcesOf } from './helpers/mocks.js';

await installMocks();
const { AccountGuardrails } = await import('../../src/index.js');

describe('AccountGuardrails', () => {
  beforeAll(async () => {
    await deploy(() => new AccountGuardrails('guard', {}));
    await deploy(() => new AccountGuardrails('orgguard', { accessAnalyzer: 'ORGANIZATION' }));
  });

  it('turns on EBS encryption by default and blocks public snapshot sharing', () => {
    expect(one(resourcesOf('guard'), 'aws:ebs/encryptionByDefault:EncryptionByDefault').inputs.enabled).toBe(true);
    expect(one(resourcesOf('guard'), 'aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess').inputs.state).toBe(
      'block-all-sharing',
    );
  });

  it('blocks public S3 access account-wide', () => {
    expect(one(resourcesOf('guard'), 'aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock').inputs).toMatchObject({
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
  });

  it('sets the password policy to 14 characters, 24 remembered, 90 days', () => {
    expect(one(resourcesOf('guard'), 'aws:iam/accountPasswordPolicy:AccountPasswordPolicy').inputs).toMatchObject({
      minimumPasswordLength: 14,
      passwordReusePrevention: 24,
      maxPasswordAge: 90,
      requireUppercaseCharacters: true,
      requireLowercaseCharacters: true,
      requireNumbers: true,
      requireSymbols: true,
    });
  });

  it('creates an account analyzer, or an organization one in organization mode', () => {
    expect(one(resourcesOf('guard'), 'aws:accessanalyzer/analyzer:Analyzer').inputs.type).toBe('ACCOUNT');
    expect(one(resourcesOf('orgguard'), 'aws:accessanalyzer/analyzer:Analyzer').inputs.type).toBe('ORGANIZATION');
    expect(ofType(resourcesOf('guard'), 'aws:ebs/defaultKmsKey:DefaultKmsKey')).toEqual([]);
  });

  it('fails with clear messages on bad args', () => {
    expect(() => new AccountGuardrails('bad', { passwordPolicy: { minimumPasswordLength: 4 } })).toThrow(
      'Invalid AccountGuardrails args for "bad": passwordPolicy.minimumPasswordLength',
    );
    expect(() => new AccountGuardrails('bad', { passwordPolicy: { passwordReusePrevention: 30 } })).toThrow(
      'passwordPolicy.passwordReusePrevention',
    );
  });
});
