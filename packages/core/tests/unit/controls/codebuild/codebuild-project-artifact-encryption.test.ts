import { describe, expect, it } from 'vitest';
import { codebuildProjectArtifactEncryption as control } from '../../../../src/controls/codebuild/codebuild-project-artifact-encryption.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::CodeBuild::Project', 'encrypted');

describe('codebuild-project-artifact-encryption', () => {
  it('compliant: primary and secondary artifacts encrypted', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('CodeBuild project orders-api-build encrypts all of its artifacts.');
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('compliant: no artifacts', () => {
    const ci = happy();
    ci.configuration.artifacts = { type: 'NO_ARTIFACTS', encryptionDisabled: true };
    ci.configuration.secondaryArtifacts = [];
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: primary artifacts encryption disabled', () => {
    const ci = happy();
    ci.configuration.artifacts.encryptionDisabled = true;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('CodeBuild project orders-api-build has encryption disabled for primary artifacts.');
  });

  it('non-compliant: secondary artifacts encryption disabled', () => {
    const ci = happy();
    ci.configuration.secondaryArtifacts[0].encryptionDisabled = true;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'CodeBuild project orders-api-build has encryption disabled for secondary artifacts reports.',
    );
  });

  it('not applicable: deleted project', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
