import type { ConfigItem } from '../../ci/config-item.js';
import { compliant, defineControl, nonCompliant, notApplicable } from '../../model/control.js';
import { isTerminated } from './instance.js';
import type { ComputeInstanceConfiguration } from './instance-compute.js';

const INVENTORY = 'AWS::SSM::ManagedInstanceInventory';

export const ec2InstanceManagedBySystemsManager = defineControl({
  id: 'ec2-instance-managed-by-systems-manager',
  title: 'EC2 instances are managed by AWS Systems Manager',
  description:
    'Checks whether each EC2 instance is a Systems Manager managed node: AWS Config records an AWS::SSM::ManagedInstanceInventory item for it in the same account and region.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::EC2::Instance'],
  wellArchitected: ['SEC06-BP03', 'SEC06-BP01'],
  rationale: {
    'SEC06-BP03':
      'Managed nodes can be operated through Systems Manager (Run Command, Session Manager) instead of manual logins.',
    'SEC06-BP01': 'Systems Manager management is what patching and inventory of the instance depend on.',
  },
  references: { awsConfigRules: ['ec2-instance-managed-by-systems-manager'], securityHub: ['SSM.1'] },
  trigger: 'periodic',
  needs: [INVENTORY],
  remediation: {
    text: 'Install or start the SSM Agent, give the instance a profile with AmazonSSMManagedInstanceCore (or turn on Default Host Management Configuration), and make sure it can reach the Systems Manager endpoints.',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/managed-instances-default-host-management.html',
  },
  evaluate(item, ctx) {
    const instance = item.config<ComputeInstanceConfiguration>();
    if (isTerminated(instance)) return notApplicable(`Instance ${item.resourceId} is terminated.`);
    const inventory = ctx
      .memo('ssm.inventoryByInstance', () => inventoryByInstance(ctx.items(INVENTORY)))
      .get(item.resourceId);
    if (inventory === undefined) {
      return nonCompliant(
        `Instance ${item.resourceId} is not managed by Systems Manager (no managed instance inventory).`,
      );
    }
    return compliant(`Instance ${item.resourceId} is managed by Systems Manager (inventory ${inventory}).`);
  },
});

/**
 * Instance id to inventory resource id. The inventory's resource id is the instance id, and Config
 * also relates it to the instance; both are indexed.
 */
function inventoryByInstance(items: readonly ConfigItem[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const inv of items) {
    if (inv.deleted) continue;
    const id = inv.resourceId.replace(/^AWS::SSM::ManagedInstanceInventory\//, '');
    out.set(id, inv.resourceId);
    for (const rel of inv.relationships) {
      if (rel.resourceType === 'AWS::EC2::Instance' && rel.resourceId !== undefined)
        out.set(rel.resourceId, inv.resourceId);
    }
  }
  return out;
}
