import { describe, expect, it } from 'vitest';
import { ecsContainersNonprivileged as control } from '../../../../src/controls/ecs/ecs-containers-nonprivileged.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::ECS::TaskDefinition', 'hardened');

describe('ecs-containers-nonprivileged', () => {
  it('compliant: no privileged container', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('No container of task definition orders-api:7 runs privileged.');
  });

  it('non-compliant: a privileged container', () => {
    const ci = happy();
    ci.configuration.ContainerDefinitions[1].Privileged = true;
    const v = verdict(control, toApiShape(ci));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Task definition orders-api:7 runs privileged containers: log-router.');
  });

  it('not applicable: inactive revision', () => {
    const ci = happy();
    ci.configuration.Status = 'INACTIVE';
    ci.configuration.ContainerDefinitions[1].Privileged = true;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });

  it('not applicable: deleted task definition', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
