import { compliant, defineControl, insufficientData, nonCompliant } from '../../model/control.js';
import { complianceEntries, listSome, managedInstanceId } from './compliance-item.js';

export const ec2ManagedinstancePatchComplianceStatusCheck = defineControl({
  id: 'ec2-managedinstance-patch-compliance-status-check',
  title: 'Managed instances are compliant with their Patch Manager patch baseline',
  description:
    'Checks whether every patch recorded in the AWS::SSM::PatchCompliance item of a managed instance has status COMPLIANT after patching (no missing, failed or pending-reboot patches the baseline requires).',
  area: 'infrastructure',
  severity: 'HIGH',
  resourceTypes: ['AWS::SSM::PatchCompliance'],
  wellArchitected: ['SEC06-BP01'],
  rationale: {
    'SEC06-BP01': 'Managed instances have every patch their baseline requires installed.',
  },
  references: { awsConfigRules: ['ec2-managedinstance-patch-compliance-status-check'], securityHub: ['SSM.2'] },
  trigger: 'change',
  remediation: {
    text: 'Install the missing patches (AWS-RunPatchBaseline with Install, or a patch policy in Quick Setup), reboot where patches are pending reboot, and investigate failed installations.',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/patch-manager-compliance-states.html',
  },
  evaluate(item) {
    const instance = managedInstanceId(item);
    const entries = complianceEntries(item, 'Patch');
    if (entries === undefined) {
      return insufficientData(`The patch compliance item of instance ${instance} records no Patch content.`);
    }
    const failing = entries.filter(([, e]) => e.Status !== 'COMPLIANT');
    if (failing.length > 0) {
      const what = failing.map(([id, e]) => `${e.Title || id} ${e.PatchState ?? e.Status ?? 'no status'}`);
      return nonCompliant(
        `Instance ${instance} has ${failing.length} non-compliant patch${failing.length === 1 ? '' : 'es'}: ${listSome(what)}.`,
      );
    }
    return compliant(`All ${entries.length} patches recorded for instance ${instance} are COMPLIANT.`);
  },
});
