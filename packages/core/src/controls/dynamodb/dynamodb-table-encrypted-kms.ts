import * as z from 'zod';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import { keyMatches } from '../kms/key-reference.js';

interface TableConfiguration {
  tableName: string;
  ssedescription: { status?: string; ssetype?: string; kmsmasterKeyArn?: string | null } | null;
}

export const dynamodbTableEncryptedKms = defineControl({
  id: 'dynamodb-table-encrypted-kms',
  title: 'DynamoDB tables are encrypted with an AWS KMS key',
  description:
    'Checks whether an Amazon DynamoDB table is encrypted with a KMS key (SSEType KMS, status ENABLED) rather than the default AWS owned key. With kmsKeyArns set, the key must be one of them.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::DynamoDB::Table'],
  wellArchitected: ['SEC08-BP01', 'SEC08-BP02'],
  rationale: {
    'SEC08-BP01': 'Table keys are KMS keys the account controls and audits, not AWS owned keys.',
    'SEC08-BP02': 'Tables are encrypted at rest with an AWS KMS key.',
  },
  references: { awsConfigRules: ['dynamodb-table-encrypted-kms'] },
  trigger: 'change',
  parameters: z.strictObject({ kmsKeyArns: param.csv() }),
  remediation: {
    text: 'Switch the table encryption to an AWS managed key (aws/dynamodb) or, better, a customer managed KMS key; the change happens online without downtime.',
    url: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/encryption.howitworks.html',
  },
  evaluate(item, ctx) {
    const table = item.config<TableConfiguration>();
    const name = table.tableName ?? item.resourceName ?? item.resourceId;
    const sse = table.ssedescription;
    if (sse?.ssetype !== 'KMS' || (sse.status !== 'ENABLED' && sse.status !== 'UPDATING')) {
      return nonCompliant(`DynamoDB table ${name} is encrypted with an AWS owned key, not an AWS KMS key.`);
    }
    const key = sse.kmsmasterKeyArn ?? 'unknown';
    const allowed = ctx.params.kmsKeyArns;
    if (allowed.length > 0 && !keyMatches(key, allowed)) {
      return nonCompliant(`DynamoDB table ${name} is encrypted with KMS key ${key}, which is not in kmsKeyArns.`);
    }
    return compliant(`DynamoDB table ${name} is encrypted with KMS key ${key}.`);
  },
});
