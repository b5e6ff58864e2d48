import { compliant, defineControl, insufficientData, nonCompliant, notApplicable } from '../../model/control.js';
import { type KmsKeyConfiguration, PENDING_DELETION_STATES } from './key-configuration.js';

export const cmkBackingKeyRotationEnabled = defineControl({
  id: 'cmk-backing-key-rotation-enabled',
  title: 'Automatic key rotation is enabled for customer managed symmetric KMS keys',
  description:
    'Checks whether automatic key rotation is enabled for customer managed symmetric encryption KMS keys. Asymmetric and HMAC keys, keys with imported key material or in custom key stores, AWS managed keys and keys pending deletion are not applicable.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::KMS::Key'],
  wellArchitected: ['SEC08-BP01'],
  rationale: {
    'SEC08-BP01': 'Customer managed keys rotate their key material automatically every year.',
  },
  references: { awsConfigRules: ['cmk-backing-key-rotation-enabled'], securityHub: ['KMS.4'], cis: ['3.6'] },
  trigger: 'change',
  remediation: {
    text: 'Enable automatic rotation on the key (kms:EnableKeyRotation); KMS then rotates the key material every year, or on the rotation period you set.',
    url: 'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html',
  },
  evaluate(item) {
    const key = item.config<KmsKeyConfiguration>();
    const id = key.keyId ?? item.resourceId;
    if (key.keyManager === 'AWS') return notApplicable(`KMS key ${id} is an AWS managed key, rotated by AWS.`);
    const spec = key.keySpec ?? key.customerMasterKeySpec ?? 'SYMMETRIC_DEFAULT';
    const usage = key.keyUsage ?? 'ENCRYPT_DECRYPT';
    if (spec !== 'SYMMETRIC_DEFAULT' || usage !== 'ENCRYPT_DECRYPT') {
      return notApplicable(
        `KMS key ${id} has key spec ${spec} and usage ${usage}; automatic rotation applies to symmetric encryption keys only.`,
      );
    }
    if ((key.origin ?? 'AWS_KMS') !== 'AWS_KMS') {
      return notApplicable(
        `KMS key ${id} has key material of origin ${key.origin}, which KMS cannot rotate automatically.`,
      );
    }
    if (key.keyState !== undefined && PENDING_DELETION_STATES.includes(key.keyState)) {
      return notApplicable(`KMS key ${id} is pending deletion.`);
    }
    const status = item.supplementary<boolean | string>('KeyRotationStatus');
    if (status === undefined || status === null) {
      return insufficientData(`The configuration item of KMS key ${id} does not record KeyRotationStatus.`);
    }
    if (status === true || String(status).toLowerCase() === 'true') {
      return compliant(`Automatic key rotation is enabled for KMS key ${id}.`);
    }
    return nonCompliant(`KMS key ${id} does not have automatic key rotation enabled.`);
  },
});
