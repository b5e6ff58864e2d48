import { describe, expect, it } from 'vitest';
import { opensearchNodeToNodeEncryptionCheck as control } from '../../../../src/controls/opensearch/opensearch-node-to-node-encryption-check.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::OpenSearch::Domain', 'vpc-encrypted');

describe('opensearch-node-to-node-encryption-check', () => {
  it('compliant: node-to-node encryption enabled', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('OpenSearch domain orders-search encrypts traffic between its nodes.');
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: node-to-node encryption disabled', () => {
    const ci = happy();
    ci.configuration.NodeToNodeEncryptionOptions = { Enabled: false };
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('OpenSearch domain orders-search does not have node-to-node encryption enabled.');
  });

  it('not applicable: deleted domain', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
