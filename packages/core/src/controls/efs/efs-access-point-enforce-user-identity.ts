import * as z from 'zod';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';

interface AccessPointConfiguration {
  AccessPointId: string;
  FileSystemId: string;
  PosixUser: { Uid?: string | number; Gid?: string | number; SecondaryGids?: (string | number)[] } | null;
}

export const efsAccessPointEnforceUserIdentity = defineControl({
  id: 'efs-access-point-enforce-user-identity',
  title: 'EFS access points enforce a POSIX user identity',
  description:
    'Checks whether an Amazon EFS access point enforces a user identity (PosixUser). With approvedUids or approvedGids set, the enforced user id and group id must be among them.',
  area: 'iam',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::EFS::AccessPoint'],
  wellArchitected: ['SEC03-BP02', 'SEC08-BP04'],
  rationale: {
    'SEC03-BP02': 'Clients of an access point act as one fixed POSIX user, whatever identity they claim.',
    'SEC08-BP04': 'File access through the access point is bound to an enforced user and group.',
  },
  references: { awsConfigRules: ['efs-access-point-enforce-user-identity'], securityHub: ['EFS.4'] },
  trigger: 'change',
  parameters: z.strictObject({ approvedUids: param.csv(), approvedGids: param.csv() }),
  remediation: {
    text: 'Access points cannot be modified: create an access point with a POSIX user (user id and group id) that NFS clients are mapped to, move clients to it and delete the old one.',
    url: 'https://docs.aws.amazon.com/efs/latest/ug/efs-access-points.html#enforce-identity-access-points',
  },
  evaluate(item, ctx) {
    const ap = item.config<AccessPointConfiguration>();
    const name = ap.AccessPointId ?? item.resourceId;
    const user = ap.PosixUser;
    if (!user || user.Uid === undefined || user.Uid === null) {
      return nonCompliant(`EFS access point ${name} does not enforce a user identity.`);
    }
    const uid = String(user.Uid);
    const gid = user.Gid === undefined || user.Gid === null ? undefined : String(user.Gid);
    const { approvedUids, approvedGids } = ctx.params;
    if (approvedUids.length > 0 && !approvedUids.includes(uid)) {
      return nonCompliant(`EFS access point ${name} enforces user id ${uid}, which is not in approvedUids.`);
    }
    if (approvedGids.length > 0 && (gid === undefined || !approvedGids.includes(gid))) {
      return nonCompliant(`EFS access point ${name} enforces group id ${gid ?? 'none'}, which is not in approvedGids.`);
    }
    return compliant(`EFS access point ${name} enforces user id ${uid} and group id ${gid ?? 'none'}.`);
  },
});
