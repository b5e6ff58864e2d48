import { EbsEncryptionByDefaultFact } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant } from '../../model/control.js';

export const ec2EbsEncryptionByDefault = defineControl({
  id: 'ec2-ebs-encryption-by-default',
  title: 'EBS encryption by default is enabled in every region',
  description:
    'Checks whether Amazon EBS encryption by default is enabled in the account and region, so that every new EBS volume and snapshot copy is encrypted.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC08-BP02', 'SEC08-BP03'],
  rationale: {
    'SEC08-BP02': 'Every new EBS volume and snapshot copy in the region is encrypted.',
    'SEC08-BP03': 'Encryption is applied automatically by the account setting, not by each person creating a volume.',
  },
  references: { awsConfigRules: ['ec2-ebs-encryption-by-default'], securityHub: ['EC2.7'], cis: ['2.2.1'] },
  trigger: 'periodic',
  needs: [EbsEncryptionByDefaultFact.type],
  remediation: {
    text: 'Enable EBS encryption by default in every region you use (EC2 console, Settings, or ec2:EnableEbsEncryptionByDefault), preferably with a customer managed KMS key.',
    url: 'https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html',
  },
  evaluate(item, ctx) {
    const ebs = ctx.require(EbsEncryptionByDefaultFact);
    if (!ebs.enabled) {
      return nonCompliant(`EBS encryption by default is disabled in account ${item.accountId} in ${ctx.region}.`);
    }
    const key = ebs.kmsKeyId ? ` with KMS key ${ebs.kmsKeyId}` : '';
    return compliant(`EBS encryption by default is enabled in ${ctx.region}${key}.`);
  },
});
