import { describe, expect, it } from 'vitest';
import { autoscalingLaunchConfigPublicIpDisabled as control } from '../../../../src/controls/autoscaling/autoscaling-launch-config-public-ip-disabled.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::AutoScaling::LaunchConfiguration', 'private');

describe('autoscaling-launch-config-public-ip-disabled', () => {
  it('compliant: no public IP', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Launch configuration app-lc-20261002 does not assign public IP addresses.');
  });

  it('compliant: AssociatePublicIpAddress not set', () => {
    const ci = happy();
    delete ci.configuration.associatePublicIpAddress;
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: AssociatePublicIpAddress true', () => {
    const ci = happy();
    ci.configuration.associatePublicIpAddress = true;
    const v = verdict(control, toApiShape(ci));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Launch configuration app-lc-20261002 assigns public IP addresses (AssociatePublicIpAddress is true).',
    );
  });

  it('not applicable: deleted launch configuration', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
