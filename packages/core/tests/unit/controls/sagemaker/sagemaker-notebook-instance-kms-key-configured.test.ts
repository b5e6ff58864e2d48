import { describe, expect, it } from 'vitest';
import { sagemakerNotebookInstanceKmsKeyConfigured as control } from '../../../../src/controls/sagemaker/sagemaker-notebook-instance-kms-key-configured.js';
import { fixture, verdict } from '../../../helpers.js';

const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/7d2c9a41-5e8b-4f36-b1a0-3c6e9d8f2a17';
const happy = () => fixture('AWS::SageMaker::NotebookInstance', 'private-kms');

describe('sagemaker-notebook-instance-kms-key-configured', () => {
  it('compliant: KMS key configured', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`SageMaker notebook instance orders-analysis uses KMS key ${KEY}.`);
  });

  it('non-compliant: no KMS key', () => {
    const ci = happy();
    ci.configuration.KmsKeyId = null;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('SageMaker notebook instance orders-analysis does not name a KMS key.');
  });

  it('kmsKeyArns: key id matches its ARN; other keys do not', () => {
    expect(
      verdict(control, happy(), { params: { kmsKeyArns: '7d2c9a41-5e8b-4f36-b1a0-3c6e9d8f2a17' } }).compliance,
    ).toBe('COMPLIANT');
    const v = verdict(control, happy(), { params: { kmsKeyArns: 'arn:aws:kms:eu-west-1:123456789012:key/other' } });
    expect(v.annotation).toBe(
      `SageMaker notebook instance orders-analysis uses KMS key ${KEY}, which is not in kmsKeyArns.`,
    );
  });

  it('not applicable: deleted notebook instance', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
