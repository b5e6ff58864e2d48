import { compliant, defineControl, insufficientData, nonCompliant } from '../../model/control.js';
import { complianceEntries, listSome, managedInstanceId } from './compliance-item.js';

export const ec2ManagedinstanceAssociationComplianceStatusCheck = defineControl({
  id: 'ec2-managedinstance-association-compliance-status-check',
  title: 'Systems Manager State Manager associations are compliant on managed instances',
  description:
    'Checks whether every State Manager association recorded in the AWS::SSM::AssociationCompliance item of a managed instance has status COMPLIANT after it ran on the instance.',
  area: 'infrastructure',
  severity: 'LOW',
  resourceTypes: ['AWS::SSM::AssociationCompliance'],
  wellArchitected: ['SEC06-BP03'],
  rationale: {
    'SEC06-BP03':
      'Instance configuration is applied by State Manager associations, not by hand, and their failures are reported.',
  },
  references: {
    awsConfigRules: ['ec2-managedinstance-association-compliance-status-check'],
    securityHub: ['SSM.3'],
  },
  trigger: 'change',
  remediation: {
    text: 'Look at the failed association executions on the instance (Systems Manager, State Manager), fix the document, targets or instance, and rerun the association.',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-compliance-about.html#sysman-compliance-about-association',
  },
  evaluate(item) {
    const instance = managedInstanceId(item);
    const entries = complianceEntries(item, 'Association');
    if (entries === undefined) {
      return insufficientData(
        `The association compliance item of instance ${instance} records no Association content.`,
      );
    }
    const failing = entries.filter(([, e]) => e.Status !== 'COMPLIANT');
    if (failing.length > 0) {
      const what = failing.map(
        ([id, e]) => `${id}${e.DocumentName ? ` (${e.DocumentName})` : ''} ${e.Status ?? 'no status'}`,
      );
      return nonCompliant(
        `Instance ${instance} has ${failing.length} non-compliant association${failing.length === 1 ? '' : 's'}: ${listSome(what)}.`,
      );
    }
    return compliant(`All ${entries.length} associations of instance ${instance} are COMPLIANT.`);
  },
});
