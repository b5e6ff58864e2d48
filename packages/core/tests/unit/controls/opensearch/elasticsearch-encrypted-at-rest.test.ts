import { describe, expect, it } from 'vitest';
import { elasticsearchEncryptedAtRest as control } from '../../../../src/controls/opensearch/elasticsearch-encrypted-at-rest.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::Elasticsearch::Domain', 'vpc-encrypted');

describe('elasticsearch-encrypted-at-rest', () => {
  it('compliant: encryption at rest enabled', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(
      'Elasticsearch domain legacy-logs is encrypted at rest with KMS key arn:aws:kms:eu-west-1:123456789012:key/7d2c9a41-5e8b-4f36-b1a0-3c6e9d8f2a17.',
    );
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: encryption at rest disabled', () => {
    const ci = happy();
    ci.configuration.encryptionAtRestOptions = { enabled: false };
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Elasticsearch domain legacy-logs does not have encryption at rest enabled.');
  });

  it('not applicable: deleted domain', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
