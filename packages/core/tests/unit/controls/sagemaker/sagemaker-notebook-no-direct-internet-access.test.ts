import { describe, expect, it } from 'vitest';
import { sagemakerNotebookNoDirectInternetAccess as control } from '../../../../src/controls/sagemaker/sagemaker-notebook-no-direct-internet-access.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::SageMaker::NotebookInstance', 'private-kms');

describe('sagemaker-notebook-no-direct-internet-access', () => {
  it('compliant: direct internet access disabled', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('SageMaker notebook instance orders-analysis has direct internet access disabled.');
  });

  it('non-compliant: direct internet access enabled', () => {
    const ci = happy();
    ci.configuration.DirectInternetAccess = 'Enabled';
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('SageMaker notebook instance orders-analysis has direct internet access enabled.');
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: deleted notebook instance', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
