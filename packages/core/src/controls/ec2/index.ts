import { ebsSnapshotPublicRestorableCheck } from './ebs-snapshot-public-restorable-check.js';
import { ec2EbsEncryptionByDefault } from './ec2-ebs-encryption-by-default.js';
import { ec2Imdsv2Check } from './ec2-imdsv2-check.js';
import { ec2InstanceManagedBySystemsManager } from './ec2-instance-managed-by-systems-manager.js';
import { ec2InstanceMultipleEniCheck } from './ec2-instance-multiple-eni-check.js';
import { ec2InstanceNoPublicIp } from './ec2-instance-no-public-ip.js';
import { ec2InstanceProfileAttached } from './ec2-instance-profile-attached.js';
import { ec2InstancesInVpc } from './ec2-instances-in-vpc.js';
import { ec2SecurityGroupAttachedToEniPeriodic } from './ec2-security-group-attached-to-eni-periodic.js';
import { ec2StoppedInstance } from './ec2-stopped-instance.js';
import { ec2VolumeInuseCheck } from './ec2-volume-inuse-check.js';
import { encryptedVolumes } from './encrypted-volumes.js';
import { noUnrestrictedRouteToIgw } from './no-unrestricted-route-to-igw.js';
import { restrictedCommonPorts } from './restricted-common-ports.js';
import { restrictedSsh } from './restricted-ssh.js';
import { subnetAutoAssignPublicIpDisabled } from './subnet-auto-assign-public-ip-disabled.js';
import { vpcDefaultSecurityGroupClosed } from './vpc-default-security-group-closed.js';
import { vpcFlowLogsEnabled } from './vpc-flow-logs-enabled.js';
import { vpcNetworkAclUnusedCheck } from './vpc-network-acl-unused-check.js';
import { vpcSgOpenOnlyToAuthorizedPorts } from './vpc-sg-open-only-to-authorized-ports.js';

export const EC2_CONTROLS = [
  ec2EbsEncryptionByDefault,
  ec2Imdsv2Check,
  ec2InstanceNoPublicIp,
  ec2SecurityGroupAttachedToEniPeriodic,
  encryptedVolumes,
  noUnrestrictedRouteToIgw,
  restrictedCommonPorts,
  restrictedSsh,
  subnetAutoAssignPublicIpDisabled,
  vpcDefaultSecurityGroupClosed,
  vpcFlowLogsEnabled,
  vpcNetworkAclUnusedCheck,
  vpcSgOpenOnlyToAuthorizedPorts,
  ebsSnapshotPublicRestorableCheck,
  ec2InstanceManagedBySystemsManager,
  ec2InstanceMultipleEniCheck,
  ec2InstanceProfileAttached,
  ec2InstancesInVpc,
  ec2StoppedInstance,
  ec2VolumeInuseCheck,
];
