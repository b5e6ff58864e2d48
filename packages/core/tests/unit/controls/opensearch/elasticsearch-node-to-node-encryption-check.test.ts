import { describe, expect, it } from 'vitest';
import { elasticsearchNodeToNodeEncryptionCheck as control } from '../../../../src/controls/opensearch/elasticsearch-node-to-node-encryption-check.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::Elasticsearch::Domain', 'vpc-encrypted');

describe('elasticsearch-node-to-node-encryption-check', () => {
  it('compliant: node-to-node encryption enabled', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Elasticsearch domain legacy-logs encrypts traffic between its nodes.');
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: node-to-node encryption disabled', () => {
    const ci = happy();
    ci.configuration.nodeToNodeEncryptionOptions = { enabled: false };
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Elasticsearch domain legacy-logs does not have node-to-node encryption enabled.');
  });

  it('not applicable: deleted domain', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
