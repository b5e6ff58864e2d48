import * as z from 'zod';
import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { keyMatches } from '../kms/key-reference.js';
import { type DbInstanceConfiguration, dbInstanceName } from './db-instance-configuration.js';

export const rdsStorageEncrypted = defineControl({
  id: 'rds-storage-encrypted',
  title: 'RDS DB instances have storage encryption enabled',
  description:
    'Checks whether storage encryption is enabled for an Amazon RDS DB instance. With kmsKeyId set (key id or ARN), the storage must be encrypted with that KMS key.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::RDS::DBInstance'],
  wellArchitected: ['SEC08-BP02'],
  rationale: {
    'SEC08-BP02': 'Database storage, backups and snapshots of the instance are encrypted at rest.',
  },
  references: { awsConfigRules: ['rds-storage-encrypted'], securityHub: ['RDS.3'], cis: ['2.3.1'] },
  trigger: 'change',
  parameters: z.strictObject({ kmsKeyId: z.string().min(1).optional() }),
  remediation: {
    text: 'Storage encryption can only be chosen at creation: restore an encrypted copy of a snapshot (copied with a KMS key) to a new instance and switch clients to it.',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html',
  },
  evaluate(item, ctx) {
    const db = item.config<DbInstanceConfiguration>();
    const name = dbInstanceName(item);
    if (db.storageEncrypted !== true)
      return nonCompliant(`DB instance ${name} does not have storage encryption enabled.`);
    const wanted = ctx.params.kmsKeyId;
    if (wanted !== undefined && (typeof db.kmsKeyId !== 'string' || !keyMatches(db.kmsKeyId, [wanted]))) {
      return nonCompliant(`DB instance ${name} is encrypted with KMS key ${db.kmsKeyId ?? 'unknown'}, not ${wanted}.`);
    }
    return compliant(`DB instance ${name} has storage encrypted with KMS key ${db.kmsKeyId ?? 'unknown'}.`);
  },
});
