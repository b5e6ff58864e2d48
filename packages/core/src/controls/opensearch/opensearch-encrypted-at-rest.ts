import { defineControl } from '../../model/control.js';
import { checkEncryptedAtRest } from './checks.js';

export const opensearchEncryptedAtRest = defineControl({
  id: 'opensearch-encrypted-at-rest',
  title: 'OpenSearch domains have encryption at rest enabled',
  description:
    'Checks whether an Amazon OpenSearch Service domain has encryption at rest enabled (EncryptionAtRestOptions.Enabled).',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::OpenSearch::Domain'],
  wellArchitected: ['SEC08-BP02'],
  rationale: {
    'SEC08-BP02': 'Search domain indices and snapshots are encrypted at rest.',
  },
  references: { awsConfigRules: ['opensearch-encrypted-at-rest'], securityHub: ['Opensearch.1'] },
  trigger: 'change',
  remediation: {
    text: 'Turn on encryption of data at rest for the domain (supported on OpenSearch and Elasticsearch 6.7 or later), choosing a customer managed KMS key where your policy asks for one.',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html',
  },
  evaluate: checkEncryptedAtRest,
});
