import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { type NotebookInstanceConfiguration, notebookName } from './notebook-instance.js';

export const sagemakerNotebookNoDirectInternetAccess = defineControl({
  id: 'sagemaker-notebook-no-direct-internet-access',
  title: 'SageMaker notebook instances have no direct internet access',
  description:
    'Checks whether direct internet access is disabled for an Amazon SageMaker notebook instance (DirectInternetAccess is not Enabled).',
  area: 'infrastructure',
  severity: 'HIGH',
  resourceTypes: ['AWS::SageMaker::NotebookInstance'],
  wellArchitected: ['SEC05-BP01', 'SEC05-BP02'],
  rationale: {
    'SEC05-BP01': 'Notebooks sit in the VPC network layer rather than on SageMaker-managed internet access.',
    'SEC05-BP02': 'Notebook traffic flows through the VPC, where routes and security groups control it.',
  },
  references: { awsConfigRules: ['sagemaker-notebook-no-direct-internet-access'], securityHub: ['SageMaker.1'] },
  trigger: 'change',
  remediation: {
    text: 'Direct internet access is fixed at creation: create the notebook instance in a private subnet of your VPC with direct internet access disabled, reaching services through VPC endpoints or NAT.',
    url: 'https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html',
  },
  evaluate(item) {
    const name = notebookName(item);
    const access = item.config<NotebookInstanceConfiguration>().DirectInternetAccess;
    if (access === 'Enabled')
      return nonCompliant(`SageMaker notebook instance ${name} has direct internet access enabled.`);
    return compliant(`SageMaker notebook instance ${name} has direct internet access disabled.`);
  },
});
