import { describe, expect, it } from 'vitest';
import { sagemakerEndpointConfigurationKmsKeyConfigured as control } from '../../../../src/controls/sagemaker/sagemaker-endpoint-configuration-kms-key-configured.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/7d2c9a41-5e8b-4f36-b1a0-3c6e9d8f2a17';
const happy = () => fixture('AWS::SageMaker::EndpointConfig', 'kms');

describe('sagemaker-endpoint-configuration-kms-key-configured', () => {
  it('compliant: KMS key configured', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`SageMaker endpoint configuration orders-ranker-v3 uses KMS key ${KEY}.`);
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no KMS key', () => {
    const ci = happy();
    delete ci.configuration.KmsKeyId;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('SageMaker endpoint configuration orders-ranker-v3 does not name a KMS key.');
  });

  it('non-compliant with kmsKeyArns: key not listed', () => {
    const v = verdict(control, happy(), { params: { kmsKeyArns: 'arn:aws:kms:eu-west-1:123456789012:key/other' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `SageMaker endpoint configuration orders-ranker-v3 uses KMS key ${KEY}, which is not in kmsKeyArns.`,
    );
  });

  it('not applicable: deleted endpoint configuration', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
