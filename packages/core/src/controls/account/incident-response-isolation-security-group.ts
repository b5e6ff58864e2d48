import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import type { SecurityGroupConfiguration } from '../ec2/security-group-rules.js';
import { INCIDENT_RESPONSE_TAG, incidentResponseItems, nameList } from './incident-response.js';

const SECURITY_GROUP = 'AWS::EC2::SecurityGroup';

export const incidentResponseIsolationSecurityGroup = defineControl({
  id: 'incident-response-isolation-security-group',
  title: 'An isolation security group for compromised instances is pre-deployed in every region',
  description:
    'Checks whether the region has a security group tagged rampart:component=incident-response with no inbound and no outbound rules, ready to isolate a compromised instance without deploying anything during an incident.',
  area: 'incident-response',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC10-BP06'],
  rationale: {
    'SEC10-BP06':
      'An empty isolation security group already exists in the region, so containing an instance needs no deployment during an incident.',
  },
  trigger: 'periodic',
  needs: [SECURITY_GROUP],
  remediation: {
    text: 'Deploy the Rampart incident-response baseline, or create a security group in each VPC with every inbound and outbound rule removed and tag it rampart:component=incident-response.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_incident_response_pre_deploy_tools.html',
  },
  evaluate(item, ctx) {
    const groups = incidentResponseItems(ctx.items(SECURITY_GROUP));
    if (groups.length === 0) {
      return nonCompliant(`No security group tagged ${INCIDENT_RESPONSE_TAG} exists in ${ctx.region}.`);
    }
    const isolating: string[] = [];
    const open: string[] = [];
    for (const group of groups) {
      const sg = group.config<SecurityGroupConfiguration>();
      const inbound = sg.ipPermissions?.length ?? 0;
      const outbound = sg.ipPermissionsEgress?.length ?? 0;
      const vpc = sg.vpcId ? ` in ${sg.vpcId}` : '';
      if (inbound === 0 && outbound === 0) isolating.push(`${group.resourceId}${vpc}`);
      else open.push(`${group.resourceId} has ${inbound} inbound and ${outbound} outbound rule(s)`);
    }
    if (isolating.length > 0) {
      return compliant(
        `Isolation security group(s) in ${ctx.region} of account ${item.accountId}: ${nameList(isolating)}.`,
      );
    }
    return nonCompliant(
      `No security group tagged ${INCIDENT_RESPONSE_TAG} in ${ctx.region} isolates: ${nameList(open, 2)}.`,
    );
  },
});
