import * as z from 'zod';
import { compliant, defineControl, nonCompliant, notApplicable } from '../../model/control.js';

interface VolumeConfiguration {
  volumeId: string;
  encrypted: boolean;
  kmsKeyId: string | null;
  state: string;
  attachments: { instanceId?: string; state?: string; device?: string }[];
}

/** `arn:aws:kms:…:key/<id>` and `<id>` name the same key. */
const keyId = (key: string): string => {
  const at = key.indexOf(':key/');
  return at === -1 ? key : key.slice(at + ':key/'.length);
};

export const encryptedVolumes = defineControl({
  id: 'encrypted-volumes',
  title: 'Attached EBS volumes are encrypted, optionally with a given KMS key',
  description:
    'Checks whether EBS volumes attached to an instance are encrypted and, when kmsId is set, encrypted with that KMS key (key ID or key ARN). Volumes that are not attached are not applicable.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::EC2::Volume'],
  wellArchitected: ['SEC08-BP02'],
  rationale: {
    'SEC08-BP02': 'Attached EBS volumes are encrypted at rest, with the required KMS key when one is given.',
  },
  references: { awsConfigRules: ['encrypted-volumes'], securityHub: ['EC2.3'] },
  trigger: 'change',
  parameters: z.strictObject({ kmsId: z.string().trim().min(1).optional() }),
  remediation: {
    text: 'EBS volumes cannot be encrypted in place: snapshot the volume, copy the snapshot with encryption, create a volume from it and swap it in; enable EBS encryption by default to prevent new unencrypted volumes.',
    url: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
  },
  evaluate(item, ctx) {
    const volume = item.config<VolumeConfiguration>();
    const attached = (volume.attachments ?? []).filter((a) => a.state === undefined || a.state === 'attached');
    if (attached.length === 0) return notApplicable(`Volume ${item.resourceId} is not attached to an instance.`);
    const to = attached.map((a) => a.instanceId ?? 'an instance').join(', ');
    if (volume.encrypted !== true) return nonCompliant(`Volume ${item.resourceId} attached to ${to} is not encrypted.`);
    const wanted = ctx.params.kmsId;
    const key = volume.kmsKeyId ?? undefined;
    if (wanted !== undefined && (key === undefined || keyId(key) !== keyId(wanted))) {
      return nonCompliant(
        `Volume ${item.resourceId} is encrypted with KMS key ${key ?? '(unknown)'}, not with ${wanted}.`,
      );
    }
    return compliant(`Volume ${item.resourceId} is encrypted with KMS key ${key ?? '(unknown)'}.`);
  },
});
