import { describe, expect, it } from 'vitest';
import { ec2VolumeInuseCheck as control } from '../../../../src/controls/ec2/ec2-volume-inuse-check.js';
import { fixture, verdict } from '../../../helpers.js';

const VOLUME = 'vol-0c5e2f8a9b1d3e4f6';
const INSTANCE = 'i-0a7b8c9d0e1f23456';
const happy = () => fixture('AWS::EC2::Volume', 'encrypted-attached');

describe('ec2-volume-inuse-check', () => {
  it('compliant: attached volume', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`EBS volume ${VOLUME} is attached to ${INSTANCE}.`);
  });

  it('non-compliant: unattached volume', () => {
    const ci = happy();
    ci.configuration.attachments = [];
    ci.configuration.state = 'available';
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`EBS volume ${VOLUME} is not attached to any instance (state available).`);
  });

  it('compliant with deleteOnTermination true: marked for deletion', () => {
    expect(verdict(control, happy(), { params: { deleteOnTermination: 'true' } }).compliance).toBe('COMPLIANT');
  });

  it('non-compliant with deleteOnTermination true: not marked for deletion', () => {
    const ci = happy();
    ci.configuration.attachments[0].deleteOnTermination = false;
    const v = verdict(control, ci, { params: { deleteOnTermination: 'TRUE' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `EBS volume ${VOLUME} has DeleteOnTermination false on instance ${INSTANCE} (required true).`,
    );
  });

  it('rejects a deleteOnTermination that is not a boolean', () => {
    expect(() => control.parseParameters({ deleteOnTermination: 'yes' })).toThrow(/deleteOnTermination/);
  });

  it('not applicable: deleted volume', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
