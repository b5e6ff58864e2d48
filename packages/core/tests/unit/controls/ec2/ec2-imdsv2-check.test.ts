import { describe, expect, it } from 'vitest';
import { ec2Imdsv2Check as control } from '../../../../src/controls/ec2/ec2-imdsv2-check.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::EC2::Instance', 'private-imdsv2');
const INSTANCE = 'i-0a7b8c9d0e1f23456';

describe('ec2-imdsv2-check', () => {
  it('compliant: httpTokens required', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`Instance ${INSTANCE} requires IMDSv2.`);
  });

  it('non-compliant: httpTokens optional', () => {
    const ci = happy();
    ci.configuration.metadataOptions.httpTokens = 'optional';
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Instance ${INSTANCE} allows IMDSv1 (metadata option httpTokens is optional).`);
    expect(verdict(control, toApiShape(ci)).compliance).toBe('NON_COMPLIANT');
  });

  it('insufficient data: the configuration item has no metadata options', () => {
    const ci = happy();
    delete ci.configuration.metadataOptions;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe(`Instance ${INSTANCE} has no metadataOptions.httpTokens in its configuration item.`);
  });

  it('not applicable: terminated instance', () => {
    const ci = happy();
    ci.configuration.state = { code: 48, name: 'terminated' };
    ci.configuration.metadataOptions.httpTokens = 'optional';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });

  it('not applicable: deleted instance', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
