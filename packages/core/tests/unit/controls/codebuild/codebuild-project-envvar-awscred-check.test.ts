import { describe, expect, it } from 'vitest';
import { codebuildProjectEnvvarAwscredCheck as control } from '../../../../src/controls/codebuild/codebuild-project-envvar-awscred-check.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::CodeBuild::Project', 'encrypted');

describe('codebuild-project-envvar-awscred-check', () => {
  it('compliant: no AWS credentials in environment variables', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(
      'CodeBuild project orders-api-build has no AWS credentials in plaintext environment variables.',
    );
  });

  it('compliant: credentials read from Secrets Manager', () => {
    const ci = happy();
    ci.configuration.environment.environmentVariables.push({
      name: 'AWS_SECRET_ACCESS_KEY',
      value: 'ci/orders:secret_key',
      type: 'SECRETS_MANAGER',
    });
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: access key pair in plaintext variables', () => {
    const ci = happy();
    ci.configuration.environment.environmentVariables.push(
      { name: 'AWS_ACCESS_KEY_ID', value: 'AKIAIOSFODNN7EXAMPLE', type: 'PLAINTEXT' },
      { name: 'AWS_SECRET_ACCESS_KEY', value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', type: 'PLAINTEXT' },
    );
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'CodeBuild project orders-api-build has AWS credentials in plaintext environment variables: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY.',
    );
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: deleted project', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
