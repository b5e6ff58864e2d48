import * as z from 'zod';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import { keyMatches } from '../kms/key-reference.js';
import { type NotebookInstanceConfiguration, notebookName } from './notebook-instance.js';

export const sagemakerNotebookInstanceKmsKeyConfigured = defineControl({
  id: 'sagemaker-notebook-instance-kms-key-configured',
  title: 'SageMaker notebook instances encrypt their storage with a KMS key',
  description:
    'Checks whether an Amazon SageMaker notebook instance names a KMS key (KmsKeyId) for its ML storage volume. With kmsKeyArns set, the key must be one of them.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::SageMaker::NotebookInstance'],
  wellArchitected: ['SEC08-BP01', 'SEC08-BP02'],
  rationale: {
    'SEC08-BP01': 'Notebook storage uses a KMS key the account controls (one of the listed keys when given).',
    'SEC08-BP02': 'Notebook storage volumes are encrypted with a named KMS key.',
  },
  references: { awsConfigRules: ['sagemaker-notebook-instance-kms-key-configured'] },
  trigger: 'change',
  parameters: z.strictObject({ kmsKeyArns: param.csv() }),
  remediation: {
    text: 'The key of a notebook instance is fixed at creation: create a notebook instance with a KMS key, move the notebooks to it and delete the old one.',
    url: 'https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-nbi.html',
  },
  evaluate(item, ctx) {
    const name = notebookName(item);
    const key = item.config<NotebookInstanceConfiguration>().KmsKeyId;
    if (typeof key !== 'string' || key === '')
      return nonCompliant(`SageMaker notebook instance ${name} does not name a KMS key.`);
    const allowed = ctx.params.kmsKeyArns;
    if (allowed.length > 0 && !keyMatches(key, allowed)) {
      return nonCompliant(`SageMaker notebook instance ${name} uses KMS key ${key}, which is not in kmsKeyArns.`);
    }
    return compliant(`SageMaker notebook instance ${name} uses KMS key ${key}.`);
  },
});
