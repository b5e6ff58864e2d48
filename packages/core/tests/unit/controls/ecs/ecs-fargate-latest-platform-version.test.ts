import { describe, expect, it } from 'vitest';
import { ecsFargateLatestPlatformVersion as control } from '../../../../src/controls/ecs/ecs-fargate-latest-platform-version.js';
import { fixture, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::ECS::Service', 'fargate-latest');
const pinned = () => {
  const ci = happy();
  ci.configuration.PlatformVersion = '1.3.0';
  return ci;
};

describe('ecs-fargate-latest-platform-version', () => {
  it('compliant: LATEST', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('ECS service orders-api runs on Fargate platform version LATEST.');
  });

  it('non-compliant: pinned to an older version', () => {
    const v = verdict(control, pinned());
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('ECS service orders-api runs on Fargate platform version 1.3.0, not LATEST.');
  });

  it('compliant with latestLinuxVersion: pinned to the latest version', () => {
    expect(verdict(control, pinned(), { params: { latestLinuxVersion: '1.3.0' } }).compliance).toBe('COMPLIANT');
  });

  it('non-compliant with latestLinuxVersion: pinned to another version', () => {
    const v = verdict(control, pinned(), { params: { latestLinuxVersion: '1.4.0', latestWindowsVersion: '1.0.0' } });
    expect(v.annotation).toBe(
      'ECS service orders-api runs on Fargate platform version 1.3.0, not LATEST or 1.4.0, 1.0.0.',
    );
  });

  it('non-compliant: Fargate through a capacity provider strategy', () => {
    const ci = pinned();
    ci.configuration.LaunchType = null;
    ci.configuration.CapacityProviderStrategy = [{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }];
    expect(verdict(control, ci).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable: EC2 launch type', () => {
    const ci = pinned();
    ci.configuration.LaunchType = 'EC2';
    expect(verdict(control, ci).annotation).toBe('ECS service orders-api does not run on Fargate.');
  });

  it('not applicable: deleted service', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
