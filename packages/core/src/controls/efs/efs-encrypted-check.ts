import * as z from 'zod';
import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { keyMatches } from '../kms/key-reference.js';

interface FileSystemConfiguration {
  FileSystemId: string;
  Encrypted: boolean;
  KmsKeyId: string | null;
}

export const efsEncryptedCheck = defineControl({
  id: 'efs-encrypted-check',
  title: 'EFS file systems encrypt file data at rest with AWS KMS',
  description:
    'Checks whether an Amazon EFS file system is encrypted at rest (Encrypted). With KmsKeyId set (key id or ARN), it must be encrypted with that KMS key.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::EFS::FileSystem'],
  wellArchitected: ['SEC08-BP02'],
  rationale: {
    'SEC08-BP02': 'File systems encrypt file data at rest with KMS.',
  },
  references: { awsConfigRules: ['efs-encrypted-check'], securityHub: ['EFS.1'], cis: ['2.4.1'] },
  trigger: 'change',
  parameters: z.strictObject({ KmsKeyId: z.string().min(1).optional() }),
  remediation: {
    text: 'Encryption at rest can only be chosen at creation: create an encrypted file system and copy the data to it (for example with AWS DataSync), then delete the unencrypted one.',
    url: 'https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html',
  },
  evaluate(item, ctx) {
    const fs = item.config<FileSystemConfiguration>();
    const name = fs.FileSystemId ?? item.resourceId;
    if (fs.Encrypted !== true) return nonCompliant(`EFS file system ${name} is not encrypted at rest.`);
    const wanted = ctx.params.KmsKeyId;
    if (wanted !== undefined && (typeof fs.KmsKeyId !== 'string' || !keyMatches(fs.KmsKeyId, [wanted]))) {
      return nonCompliant(
        `EFS file system ${name} is encrypted with KMS key ${fs.KmsKeyId ?? 'unknown'}, not ${wanted}.`,
      );
    }
    return compliant(`EFS file system ${name} is encrypted with KMS key ${fs.KmsKeyId ?? 'unknown'}.`);
  },
});
