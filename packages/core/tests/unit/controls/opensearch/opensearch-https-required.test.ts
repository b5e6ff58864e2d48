import { describe, expect, it } from 'vitest';
import { opensearchHttpsRequired as control } from '../../../../src/controls/opensearch/opensearch-https-required.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::OpenSearch::Domain', 'vpc-encrypted');

describe('opensearch-https-required', () => {
  it('compliant: HTTPS enforced', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(
      'OpenSearch domain orders-search requires HTTPS with TLS security policy Policy-Min-TLS-1-2-PFS-2023-10.',
    );
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: HTTPS not enforced', () => {
    const ci = happy();
    ci.configuration.DomainEndpointOptions.EnforceHTTPS = false;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('OpenSearch domain orders-search does not require HTTPS.');
  });

  it('non-compliant with tlsPolicies: policy not allowed', () => {
    const ci = happy();
    ci.configuration.DomainEndpointOptions.TLSSecurityPolicy = 'Policy-Min-TLS-1-0-2019-07';
    const params = { tlsPolicies: 'Policy-Min-TLS-1-2-2019-07,Policy-Min-TLS-1-2-PFS-2023-10' };
    expect(verdict(control, happy(), { params }).compliance).toBe('COMPLIANT');
    const v = verdict(control, ci, { params });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'OpenSearch domain orders-search requires HTTPS with TLS security policy Policy-Min-TLS-1-0-2019-07, which is not in tlsPolicies.',
    );
  });

  it('not applicable: deleted domain', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
