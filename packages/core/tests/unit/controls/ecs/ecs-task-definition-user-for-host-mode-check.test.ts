import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionUserForHostModeCheck as control } from '../../../../src/controls/ecs/ecs-task-definition-user-for-host-mode-check.js';
import { fixture, verdict } from '../../../helpers.js';

const host = () => {
  const ci = fixture('AWS::ECS::TaskDefinition', 'hardened');
  ci.configuration.NetworkMode = 'host';
  ci.configuration.RequiresCompatibilities = ['EC2'];
  return ci;
};

describe('ecs-task-definition-user-for-host-mode-check', () => {
  it('compliant: host mode with non-root users', () => {
    const v = verdict(control, host());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(
      'Every container of host-mode task definition orders-api:7 runs as a non-root user or privileged.',
    );
  });

  it('non-compliant: host mode, a container runs as root unprivileged', () => {
    const ci = host();
    ci.configuration.ContainerDefinitions[0].User = 'root';
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Task definition orders-api:7 uses host network mode with containers that run as root without privileged: app.',
    );
  });

  it('compliant: host mode, a root container that is privileged', () => {
    const ci = host();
    delete ci.configuration.ContainerDefinitions[0].User;
    ci.configuration.ContainerDefinitions[0].Privileged = true;
    expect(verdict(control, ci).compliance).toBe('COMPLIANT');
  });

  it('not applicable: awsvpc network mode', () => {
    const ci = host();
    ci.configuration.NetworkMode = 'awsvpc';
    ci.configuration.ContainerDefinitions[0].User = 'root';
    expect(verdict(control, ci).annotation).toBe('Task definition orders-api:7 uses network mode awsvpc, not host.');
  });

  it('non-compliant: an inactive revision is evaluated by default', () => {
    const ci = host();
    ci.configuration.Status = 'INACTIVE';
    ci.configuration.ContainerDefinitions[0].User = '';
    expect(verdict(control, ci).compliance).toBe('NON_COMPLIANT');
  });

  it('not applicable with SkipInactiveTaskDefinitions: inactive revision', () => {
    const ci = host();
    ci.configuration.Status = 'INACTIVE';
    ci.configuration.ContainerDefinitions[0].User = '';
    const v = verdict(control, ci, { params: { SkipInactiveTaskDefinitions: 'true' } });
    expect(v.compliance).toBe('NOT_APPLICABLE');
  });

  it('not applicable: deleted task definition', () => {
    const ci = host();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
