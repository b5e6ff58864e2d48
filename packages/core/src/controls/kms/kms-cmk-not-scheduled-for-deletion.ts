import * as z from 'zod';
import { compliant, defineControl, nonCompliant, notApplicable, param } from '../../model/control.js';
import { isoDate, type KmsKeyConfiguration, PENDING_DELETION_STATES } from './key-configuration.js';
import { keyMatches } from './key-reference.js';

export const kmsCmkNotScheduledForDeletion = defineControl({
  id: 'kms-cmk-not-scheduled-for-deletion',
  title: 'Customer managed KMS keys are not scheduled for deletion',
  description:
    'Checks whether customer managed AWS KMS keys are scheduled for deletion (key state PendingDeletion or PendingReplicaDeletion). With kmsKeyIds set, only those keys are checked. AWS managed keys are not applicable.',
  area: 'data-protection',
  severity: 'CRITICAL',
  resourceTypes: ['AWS::KMS::Key'],
  wellArchitected: ['SEC08-BP01'],
  rationale: {
    'SEC08-BP01': 'Keys scheduled for deletion are found before data encrypted under them becomes unrecoverable.',
  },
  references: { awsConfigRules: ['kms-cmk-not-scheduled-for-deletion'], securityHub: ['KMS.3'] },
  trigger: 'change',
  parameters: z.strictObject({ kmsKeyIds: param.csv() }),
  remediation: {
    text: 'If the key is still needed, cancel its deletion (kms:CancelKeyDeletion) before the waiting period ends, then re-enable it; data encrypted under a deleted key cannot be recovered.',
    url: 'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-scheduling-key-deletion.html',
  },
  evaluate(item, ctx) {
    const key = item.config<KmsKeyConfiguration>();
    const id = key.keyId ?? item.resourceId;
    if (key.keyManager === 'AWS') return notApplicable(`KMS key ${id} is an AWS managed key.`);
    const wanted = ctx.params.kmsKeyIds;
    if (wanted.length > 0 && !keyMatches(id, wanted) && !(key.arn !== undefined && keyMatches(key.arn, wanted))) {
      return notApplicable(`KMS key ${id} is not listed in kmsKeyIds.`);
    }
    const state = key.keyState ?? 'unknown';
    if (PENDING_DELETION_STATES.includes(state)) {
      const date = isoDate(key.deletionDate);
      return nonCompliant(`KMS key ${id} is scheduled for deletion${date ? ` on ${date}` : ''} (key state ${state}).`);
    }
    return compliant(`KMS key ${id} is not scheduled for deletion (key state ${state}).`);
  },
});
