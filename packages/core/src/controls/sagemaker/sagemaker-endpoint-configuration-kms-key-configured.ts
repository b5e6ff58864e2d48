import * as z from 'zod';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import { keyMatches } from '../kms/key-reference.js';

interface EndpointConfigConfiguration {
  EndpointConfigName: string;
  KmsKeyId: string | null;
}

export const sagemakerEndpointConfigurationKmsKeyConfigured = defineControl({
  id: 'sagemaker-endpoint-configuration-kms-key-configured',
  title: 'SageMaker endpoint configurations encrypt their storage with a KMS key',
  description:
    'Checks whether an Amazon SageMaker endpoint configuration names a KMS key (KmsKeyId) for the storage volumes of its endpoint instances. With kmsKeyArns set, the key must be one of them.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::SageMaker::EndpointConfig'],
  wellArchitected: ['SEC08-BP01', 'SEC08-BP02'],
  rationale: {
    'SEC08-BP01': 'Endpoint storage uses a KMS key the account controls (one of the listed keys when given).',
    'SEC08-BP02': 'Model endpoint storage volumes are encrypted with a named KMS key.',
  },
  references: { awsConfigRules: ['sagemaker-endpoint-configuration-kms-key-configured'] },
  trigger: 'change',
  parameters: z.strictObject({ kmsKeyArns: param.csv() }),
  remediation: {
    text: 'Endpoint configurations cannot be changed: create one with a KMS key for the ML storage volumes and update the endpoint to use it.',
    url: 'https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-nbi.html',
  },
  evaluate(item, ctx) {
    const config = item.config<EndpointConfigConfiguration>();
    const name = config.EndpointConfigName ?? item.resourceName ?? item.resourceId;
    const key = config.KmsKeyId;
    if (typeof key !== 'string' || key === '') {
      return nonCompliant(`SageMaker endpoint configuration ${name} does not name a KMS key.`);
    }
    const allowed = ctx.params.kmsKeyArns;
    if (allowed.length > 0 && !keyMatches(key, allowed)) {
      return nonCompliant(`SageMaker endpoint configuration ${name} uses KMS key ${key}, which is not in kmsKeyArns.`);
    }
    return compliant(`SageMaker endpoint configuration ${name} uses KMS key ${key}.`);
  },
});
