import * as z from 'zod';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import { sseConfiguration } from './bucket-configuration.js';

const KMS_ALGORITHMS = ['aws:kms', 'aws:kms:dsse'];

/** A configured key (ARN, key id or alias) matches an allowed ARN exactly, or as the key id that ARN ends with. */
function keyAllowed(configured: string, allowed: readonly string[]): boolean {
  return allowed.some(
    (arn) => arn === configured || arn.endsWith(`:key/${configured}`) || arn.endsWith(`:${configured}`),
  );
}

export const s3DefaultEncryptionKms = defineControl({
  id: 's3-default-encryption-kms',
  title: 'S3 buckets are encrypted by default with AWS KMS keys',
  description:
    'Checks whether an S3 bucket has default encryption with AWS KMS (SSE-KMS or DSSE-KMS). With kmsKeyArns set, the default key must be one of those keys.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::S3::Bucket'],
  wellArchitected: ['SEC08-BP01', 'SEC08-BP02'],
  rationale: {
    'SEC08-BP01': 'Bucket data is encrypted under KMS keys whose policies and usage you control and audit.',
    'SEC08-BP02': 'New objects are encrypted at rest with SSE-KMS or DSSE-KMS by default.',
  },
  references: { awsConfigRules: ['s3-default-encryption-kms'] },
  trigger: 'change',
  parameters: z.strictObject({ kmsKeyArns: param.csv() }),
  remediation: {
    text: 'Set the bucket default encryption to SSE-KMS with a customer managed key, with S3 Bucket Keys enabled to reduce KMS request costs.',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-bucket-key.html',
  },
  evaluate(item, ctx) {
    const defaults = (sseConfiguration(item)?.rules ?? [])
      .map((r) => r.applyServerSideEncryptionByDefault)
      .filter((d) => d?.sseAlgorithm);
    const kms = defaults.find((d) => KMS_ALGORITHMS.includes(d!.sseAlgorithm!));
    if (kms === undefined) {
      const algorithms = defaults.map((d) => d!.sseAlgorithm).join(', ');
      return nonCompliant(
        algorithms
          ? `Bucket ${item.resourceId} default encryption is ${algorithms}, not AWS KMS.`
          : `Bucket ${item.resourceId} has no default encryption.`,
      );
    }
    const key = kms.kmsMasterKeyID ?? undefined;
    const allowed = ctx.params.kmsKeyArns;
    if (allowed.length > 0 && (key === undefined || !keyAllowed(key, allowed))) {
      return nonCompliant(
        key === undefined
          ? `Bucket ${item.resourceId} default encryption uses the AWS managed key aws/s3, which is not in kmsKeyArns.`
          : `Bucket ${item.resourceId} default encryption uses KMS key ${key}, which is not in kmsKeyArns.`,
      );
    }
    return compliant(
      `Bucket ${item.resourceId} is encrypted by default with ${kms.sseAlgorithm} using ${key === undefined ? 'the AWS managed key aws/s3' : `KMS key ${key}`}.`,
    );
  },
});
