import { describe, expect, it } from 'vitest';
import { ssmDocumentNotPublic as control } from '../../../../src/controls/ssm/ssm-document-not-public.js';
import { SsmDocumentSharingFact } from '../../../../src/index.js';
import { ACCOUNT, accountVerdict, factItem, REGION } from '../../../helpers.js';

const sharing = (documents: { name: string; accountIds: string[] }[]) =>
  factItem(SsmDocumentSharingFact, { documents });

describe('ssm-document-not-public', () => {
  it('compliant: documents private or shared with named accounts', () => {
    const v = accountVerdict(control, [
      sharing([
        { name: 'orders-restart-service', accountIds: [] },
        { name: 'orders-rotate-logs', accountIds: ['210987654321'] },
      ]),
    ]);
    expect(v).toMatchObject({ compliance: 'COMPLIANT', resourceType: 'AWS::::Account', resourceId: ACCOUNT });
    expect(v.annotation).toBe(`Account ${ACCOUNT} has no public SSM documents in ${REGION}.`);
  });

  it('non-compliant: a document shared with all', () => {
    const v = accountVerdict(control, [sharing([{ name: 'orders-restart-service', accountIds: ['all'] }])]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`Account ${ACCOUNT} has 1 public SSM document in ${REGION}: orders-restart-service.`);
  });

  it('insufficient data: no document sharing fact', () => {
    expect(accountVerdict(control, []).compliance).toBe('INSUFFICIENT_DATA');
  });
});
