import { defineControl } from '../../model/control.js';
import { checkEncryptedAtRest } from './checks.js';

export const elasticsearchEncryptedAtRest = defineControl({
  id: 'elasticsearch-encrypted-at-rest',
  title: 'Elasticsearch domains have encryption at rest enabled',
  description:
    'Checks whether an Amazon OpenSearch Service domain recorded as AWS::Elasticsearch::Domain has encryption at rest enabled (encryptionAtRestOptions.enabled).',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::Elasticsearch::Domain'],
  wellArchitected: ['SEC08-BP02'],
  rationale: {
    'SEC08-BP02': 'Search domain indices and snapshots are encrypted at rest.',
  },
  references: { awsConfigRules: ['elasticsearch-encrypted-at-rest'], securityHub: ['ES.1'] },
  trigger: 'change',
  remediation: {
    text: 'Turn on encryption of data at rest for the domain (Elasticsearch 6.7 or later; older domains must be upgraded or migrated to a new encrypted domain).',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html',
  },
  evaluate: checkEncryptedAtRest,
});
