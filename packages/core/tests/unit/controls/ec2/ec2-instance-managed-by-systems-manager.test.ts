import { describe, expect, it } from 'vitest';
import { ec2InstanceManagedBySystemsManager as control } from '../../../../src/controls/ec2/ec2-instance-managed-by-systems-manager.js';
import { ACCOUNT, fixture, REGION, run, toApiShape, verdict } from '../../../helpers.js';

const INSTANCE = 'i-0a7b8c9d0e1f23456';
const instance = () => fixture('AWS::EC2::Instance', 'private-imdsv2');
const inventory = () => fixture('AWS::SSM::ManagedInstanceInventory', 'app-1');

describe('ec2-instance-managed-by-systems-manager', () => {
  it('compliant: the instance has a managed instance inventory', () => {
    const v = verdict(control, instance(), { with: [inventory()] });
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`Instance ${INSTANCE} is managed by Systems Manager (inventory ${INSTANCE}).`);
    expect(verdict(control, toApiShape(instance()), { with: [toApiShape(inventory())] }).compliance).toBe('COMPLIANT');
  });

  it('compliant: inventory found through its relationship to the instance', () => {
    const inv = inventory();
    inv.resourceId = `AWS::SSM::ManagedInstanceInventory/${INSTANCE}`;
    expect(verdict(control, instance(), { with: [inv] }).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no inventory for the instance', () => {
    const v = verdict(control, instance());
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `Instance ${INSTANCE} is not managed by Systems Manager (no managed instance inventory).`,
    );
  });

  it('non-compliant: the inventory is for another instance', () => {
    const inv = inventory();
    inv.resourceId = 'i-0ffffeeeeddddcccc';
    inv.relationships = [];
    expect(verdict(control, instance(), { with: [inv] }).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: the inventory was deleted', () => {
    const inv = inventory();
    inv.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, instance(), { with: [inv] }).compliance).toBe('NON_COMPLIANT');
  });

  it('insufficient data: inventory could not be read', () => {
    const v = verdict(control, instance(), {
      collectionErrors: [
        {
          accountId: ACCOUNT,
          region: REGION,
          service: 'config',
          operation: 'ListDiscoveredResources',
          resourceTypes: ['AWS::SSM::ManagedInstanceInventory'],
          code: 'AccessDeniedException',
          message: 'not authorized',
        },
      ],
    });
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
  });

  it('not applicable: deleted instance (inventory items are not evaluated)', () => {
    const ci = instance();
    ci.configurationItemStatus = 'ResourceDeleted';
    const { evaluations } = run(control, [ci, inventory()]);
    expect(evaluations.map((e) => [e.resourceType, e.compliance])).toEqual([['AWS::EC2::Instance', 'NOT_APPLICABLE']]);
  });
});
