import { defineControl } from '../../model/control.js';
import { checkInVpc } from './checks.js';

export const elasticsearchInVpcOnly = defineControl({
  id: 'elasticsearch-in-vpc-only',
  title: 'Elasticsearch domains are in a VPC, without a public endpoint',
  description:
    'Checks whether an Amazon OpenSearch Service domain recorded as AWS::Elasticsearch::Domain is in a VPC, that is whether vpcoptions lists subnets. A domain without VPC options has a public endpoint.',
  area: 'infrastructure',
  severity: 'CRITICAL',
  resourceTypes: ['AWS::Elasticsearch::Domain'],
  wellArchitected: ['SEC05-BP01', 'SEC05-BP02'],
  rationale: {
    'SEC05-BP01': 'Search domains sit in private subnets, not on a public endpoint.',
    'SEC05-BP02': 'Only traffic security groups admit reaches the domain.',
  },
  references: { awsConfigRules: ['elasticsearch-in-vpc-only'], securityHub: ['ES.2'] },
  trigger: 'change',
  remediation: {
    text: 'A domain cannot move from public access into a VPC: create a domain with VPC access in private subnets, restore a snapshot into it, and delete the public domain.',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html',
  },
  evaluate: checkInVpc,
});
