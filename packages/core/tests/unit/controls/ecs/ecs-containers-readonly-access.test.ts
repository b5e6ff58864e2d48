import { describe, expect, it } from 'vitest';
import { ecsContainersReadonlyAccess as control } from '../../../../src/controls/ecs/ecs-containers-readonly-access.js';
import { fixture, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::ECS::TaskDefinition', 'hardened');

describe('ecs-containers-readonly-access', () => {
  it('compliant: every root file system is read-only', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Every container of task definition orders-api:7 has a read-only root file system.');
  });

  it('non-compliant: readonlyRootFilesystem false', () => {
    const ci = happy();
    ci.configuration.ContainerDefinitions[0].ReadonlyRootFilesystem = false;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Task definition orders-api:7 has containers with a writable root file system: app.');
  });

  it('non-compliant: readonlyRootFilesystem absent', () => {
    const ci = happy();
    delete ci.configuration.ContainerDefinitions[1].ReadonlyRootFilesystem;
    expect(verdict(control, ci).annotation).toContain('writable root file system: log-router.');
  });

  it('not applicable: inactive revision', () => {
    const ci = happy();
    ci.configuration.Status = 'INACTIVE';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });

  it('not applicable: deleted task definition', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
