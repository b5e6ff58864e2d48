import { ec2EbsEncryptionByDefault } from './ec2-ebs-encryption-by-default.js';
import { ec2Imdsv2Check } from './ec2-imdsv2-check.js';
import { ec2InstanceNoPublicIp } from './ec2-instance-no-public-ip.js';
import { encryptedVolumes } from './encrypted-volumes.js';
import { restrictedCommonPorts } from './restricted-common-ports.js';
import { restrictedSsh } from './restricted-ssh.js';
import { vpcDefaultSecurityGroupClosed } from './vpc-default-security-group-closed.js';
import { vpcFlowLogsEnabled } from './vpc-flow-logs-enabled.js';
import { vpcSgOpenOnlyToAuthorizedPorts } from './vpc-sg-open-only-to-authorized-ports.js';

export const EC2_CONTROLS = [
  ec2EbsEncryptionByDefault,
  ec2Imdsv2Check,
  ec2InstanceNoPublicIp,
  encryptedVolumes,
  restrictedCommonPorts,
  restrictedSsh,
  vpcDefaultSecurityGroupClosed,
  vpcFlowLogsEnabled,
  vpcSgOpenOnlyToAuthorizedPorts,
];
