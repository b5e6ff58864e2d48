import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionNonrootUser as control } from '../../../../src/controls/ecs/ecs-task-definition-nonroot-user.js';
import { fixture, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::ECS::TaskDefinition', 'hardened');

describe('ecs-task-definition-nonroot-user', () => {
  it('compliant: every container has a non-root user', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Every container of task definition orders-api:7 runs as a non-root user.');
  });

  it('non-compliant: no user', () => {
    const ci = happy();
    delete ci.configuration.ContainerDefinitions[0].User;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Task definition orders-api:7 runs containers as root: app (no user).');
  });

  it('non-compliant: user root or 0', () => {
    const ci = happy();
    ci.configuration.ContainerDefinitions[0].User = 'root';
    ci.configuration.ContainerDefinitions[1].User = '0:0';
    expect(verdict(control, ci).annotation).toBe(
      'Task definition orders-api:7 runs containers as root: app (root), log-router (0:0).',
    );
  });

  it('not applicable: Fargate only', () => {
    const ci = happy();
    ci.configuration.RequiresCompatibilities = ['FARGATE'];
    delete ci.configuration.ContainerDefinitions[0].User;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });

  it('not applicable: deleted task definition', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
