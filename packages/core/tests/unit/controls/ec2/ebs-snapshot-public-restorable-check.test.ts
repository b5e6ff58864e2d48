import { describe, expect, it } from 'vitest';
import { ebsSnapshotPublicRestorableCheck as control } from '../../../../src/controls/ec2/ebs-snapshot-public-restorable-check.js';
import { EbsPublicSnapshotsFact } from '../../../../src/index.js';
import { ACCOUNT, accountVerdict, factItem, REGION } from '../../../helpers.js';

const snapshots = (ids: string[]) => factItem(EbsPublicSnapshotsFact, { snapshotIds: ids });

describe('ebs-snapshot-public-restorable-check', () => {
  it('compliant: no public snapshots', () => {
    const v = accountVerdict(control, [snapshots([])]);
    expect(v).toMatchObject({ compliance: 'COMPLIANT', resourceType: 'AWS::::Account', resourceId: ACCOUNT });
    expect(v.annotation).toBe(`Account ${ACCOUNT} has no publicly restorable EBS snapshots in ${REGION}.`);
  });

  it('non-compliant: a public snapshot', () => {
    const v = accountVerdict(control, [snapshots(['snap-0e3f1a2b4c5d6e7f8'])]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `Account ${ACCOUNT} has 1 publicly restorable EBS snapshot in ${REGION}: snap-0e3f1a2b4c5d6e7f8.`,
    );
  });

  it('non-compliant: many public snapshots are listed in part', () => {
    const ids = Array.from({ length: 7 }, (_, i) => `snap-00000000000000${i}0`);
    expect(accountVerdict(control, [snapshots(ids)]).annotation).toMatch(/has 7 publicly .*and 2 more\.$/);
  });

  it('insufficient data: no public snapshots fact', () => {
    expect(accountVerdict(control, []).annotation).toBe(
      `The input holds no Rampart::EC2::PublicSnapshots fact for account ${ACCOUNT} in ${REGION}.`,
    );
  });
});
