import { compliant, defineControl, nonCompliant } from '../../model/control.js';

interface LaunchConfigurationConfiguration {
  launchConfigurationName: string;
  associatePublicIpAddress: boolean | null;
}

export const autoscalingLaunchConfigPublicIpDisabled = defineControl({
  id: 'autoscaling-launch-config-public-ip-disabled',
  title: 'Auto Scaling launch configurations do not assign public IP addresses',
  description:
    'Checks whether EC2 Auto Scaling launch configurations set AssociatePublicIpAddress to true, which gives every instance launched from them a public IP address reachable from the internet.',
  area: 'infrastructure',
  severity: 'HIGH',
  resourceTypes: ['AWS::AutoScaling::LaunchConfiguration'],
  wellArchitected: ['SEC05-BP01'],
  rationale: {
    'SEC05-BP01':
      'Instances launched without public addresses stay in private network layers instead of facing the internet.',
  },
  references: { awsConfigRules: ['autoscaling-launch-config-public-ip-disabled'], securityHub: ['AutoScaling.5'] },
  trigger: 'change',
  remediation: {
    text: 'Create a launch template (or launch configuration) without a public IP address, switch the Auto Scaling group to it, and reach instances through load balancers or Systems Manager.',
    url: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/create-launch-template.html',
  },
  evaluate(item) {
    const lc = item.config<LaunchConfigurationConfiguration>();
    const name = lc.launchConfigurationName ?? item.resourceName ?? item.resourceId;
    if (lc.associatePublicIpAddress === true) {
      return nonCompliant(
        `Launch configuration ${name} assigns public IP addresses (AssociatePublicIpAddress is true).`,
      );
    }
    return compliant(`Launch configuration ${name} does not assign public IP addresses.`);
  },
});
