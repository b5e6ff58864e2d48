import { defineControl } from '../../model/control.js';
import { checkNodeToNode } from './checks.js';

export const opensearchNodeToNodeEncryptionCheck = defineControl({
  id: 'opensearch-node-to-node-encryption-check',
  title: 'OpenSearch domains encrypt traffic between nodes',
  description:
    'Checks whether an Amazon OpenSearch Service domain has node-to-node encryption enabled (NodeToNodeEncryptionOptions.Enabled).',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::OpenSearch::Domain'],
  wellArchitected: ['SEC09-BP02'],
  rationale: {
    'SEC09-BP02': 'Traffic between the nodes of a domain is encrypted with TLS.',
  },
  references: { awsConfigRules: ['opensearch-node-to-node-encryption-check'], securityHub: ['Opensearch.3'] },
  trigger: 'change',
  remediation: {
    text: 'Turn on node-to-node encryption for the domain (OpenSearch, or Elasticsearch 6.7 or later), which also lets you enforce HTTPS and fine-grained access control.',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html',
  },
  evaluate: checkNodeToNode,
});
