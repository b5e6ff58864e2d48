import { compliant, defineControl, insufficientData, nonCompliant, notApplicable } from '../../model/control.js';
import { type InstanceConfiguration, isTerminated } from './instance.js';

export const ec2Imdsv2Check = defineControl({
  id: 'ec2-imdsv2-check',
  title: 'EC2 instances require Instance Metadata Service Version 2 (IMDSv2)',
  description:
    'Checks whether EC2 instances require session tokens for the instance metadata service (metadataOptions.httpTokens is required), so IMDSv1 requests are refused.',
  area: 'infrastructure',
  severity: 'HIGH',
  resourceTypes: ['AWS::EC2::Instance'],
  wellArchitected: ['SEC06-BP02'],
  rationale: {
    'SEC06-BP02':
      'Requiring IMDSv2 is part of a hardened instance configuration that blunts SSRF theft of role credentials.',
  },
  references: { awsConfigRules: ['ec2-imdsv2-check'], securityHub: ['EC2.8'], cis: ['5.6'] },
  trigger: 'change',
  remediation: {
    text: 'Set HttpTokens to required on the instance (ec2:ModifyInstanceMetadataOptions) after checking that its software uses IMDSv2, and require IMDSv2 in launch templates and AMIs.',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html',
  },
  evaluate(item) {
    const instance = item.config<InstanceConfiguration>();
    if (isTerminated(instance)) return notApplicable(`Instance ${item.resourceId} is terminated.`);
    const tokens = instance.metadataOptions?.httpTokens;
    if (tokens === undefined || tokens === null) {
      return insufficientData(
        `Instance ${item.resourceId} has no metadataOptions.httpTokens in its configuration item.`,
      );
    }
    if (tokens !== 'required') {
      return nonCompliant(`Instance ${item.resourceId} allows IMDSv1 (metadata option httpTokens is ${tokens}).`);
    }
    return compliant(`Instance ${item.resourceId} requires IMDSv2.`);
  },
});
