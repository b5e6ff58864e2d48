import { describe, expect, it } from 'vitest';
import { datastoreDataClassificationTagged as control } from '../../../../src/controls/datastores/datastore-data-classification-tagged.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const table = () => fixture('AWS::DynamoDB::Table', 'kms-encrypted');

describe('datastore-data-classification-tagged', () => {
  it('compliant: classification tag with an allowed value', () => {
    const v = verdict(control, table());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('DynamoDB table orders is classified data-classification=confidential.');
    expect(verdict(control, toApiShape(table())).compliance).toBe('COMPLIANT');
    expect(verdict(control, fixture('AWS::EFS::FileSystem', 'encrypted')).annotation).toBe(
      'EFS file system orders-shared is classified data-classification=internal.',
    );
  });

  it('non-compliant: no classification tag', () => {
    const v = verdict(control, fixture('AWS::RDS::DBInstance', 'encrypted-private'));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('DB instance orders-db has no data-classification tag.');
  });

  it('non-compliant: value not in allowedValues', () => {
    const ci = table();
    ci.tags['data-classification'] = 'secret';
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'DynamoDB table orders has data-classification=secret, which is not one of public, internal, confidential, restricted.',
    );
  });

  it('parameters: tagKey and allowedValues', () => {
    const ci = table();
    ci.tags = { 'dataclass:level': 'C3' };
    const params = { tagKey: 'dataclass:level', allowedValues: 'C1,C2,C3,C4' };
    expect(verdict(control, ci, { params }).annotation).toBe('DynamoDB table orders is classified dataclass:level=C3.');
  });

  it('not applicable: Aurora member instance (the cluster is judged)', () => {
    const ci = fixture('AWS::RDS::DBInstance', 'encrypted-private');
    ci.configuration.dBClusterIdentifier = 'orders-aurora';
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(verdict(control, fixture('AWS::RDS::DBCluster', 'aurora-postgresql')).compliance).toBe('COMPLIANT');
  });

  it('not applicable: deleted store', () => {
    const ci = table();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
