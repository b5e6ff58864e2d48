import { describe, expect, it } from 'vitest';
import { lambdaInsideVpc as control } from '../../../../src/controls/lambda/lambda-inside-vpc.js';
import { fixture, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::Lambda::Function', 'vpc-private');

describe('lambda-inside-vpc', () => {
  it('compliant: connected to a VPC', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(
      'Lambda function orders-handler is connected to a VPC through subnet-0b1c2d3e4f5a6b7c8, subnet-0c2d3e4f5a6b7c8d9.',
    );
  });

  it('non-compliant: no VPC configuration', () => {
    const ci = happy();
    ci.configuration.vpcConfig = { subnetIds: [], securityGroupIds: [] };
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Lambda function orders-handler is not connected to a VPC.');
  });

  it('compliant with subnetIds: all subnets listed', () => {
    const params = { subnetIds: 'subnet-0b1c2d3e4f5a6b7c8,subnet-0c2d3e4f5a6b7c8d9,subnet-0d3e4f5a6b7c8d9e0' };
    expect(verdict(control, happy(), { params }).compliance).toBe('COMPLIANT');
  });

  it('non-compliant with subnetIds: a subnet not listed', () => {
    const v = verdict(control, happy(), { params: { subnetIds: 'subnet-0b1c2d3e4f5a6b7c8' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Lambda function orders-handler uses subnets not listed in subnetIds: subnet-0c2d3e4f5a6b7c8d9.',
    );
  });

  it('not applicable: deleted function', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
