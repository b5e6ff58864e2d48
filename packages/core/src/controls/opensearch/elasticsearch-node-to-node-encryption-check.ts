import { defineControl } from '../../model/control.js';
import { checkNodeToNode } from './checks.js';

export const elasticsearchNodeToNodeEncryptionCheck = defineControl({
  id: 'elasticsearch-node-to-node-encryption-check',
  title: 'Elasticsearch domains encrypt traffic between nodes',
  description:
    'Checks whether an Amazon OpenSearch Service domain recorded as AWS::Elasticsearch::Domain has node-to-node encryption enabled (nodeToNodeEncryptionOptions.enabled).',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::Elasticsearch::Domain'],
  wellArchitected: ['SEC09-BP02'],
  rationale: {
    'SEC09-BP02': 'Traffic between the nodes of a domain is encrypted with TLS.',
  },
  references: { awsConfigRules: ['elasticsearch-node-to-node-encryption-check'], securityHub: ['ES.3'] },
  trigger: 'change',
  remediation: {
    text: 'Turn on node-to-node encryption for the domain (Elasticsearch 6.7 or later; upgrade older domains first).',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html',
  },
  evaluate: checkNodeToNode,
});
