import { describe, expect, it } from 'vitest';
import { elasticsearchInVpcOnly as control } from '../../../../src/controls/opensearch/elasticsearch-in-vpc-only.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::Elasticsearch::Domain', 'vpc-encrypted');

describe('elasticsearch-in-vpc-only', () => {
  it('compliant: domain in a VPC', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(
      'Elasticsearch domain legacy-logs is in a VPC (subnets subnet-0a1b2c3d4e5f60001, subnet-0a1b2c3d4e5f60002).',
    );
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: public endpoint', () => {
    const ci = happy();
    delete ci.configuration.vpcoptions;
    delete ci.configuration.endpoints;
    ci.configuration.endpoint = { value: 'search-legacy-logs-abcdefghijklmnopqrstuvwx.eu-west-1.es.amazonaws.com' };
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Elasticsearch domain legacy-logs has a public endpoint: it is not in a VPC.');
  });

  it('not applicable: deleted domain', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
