import { compliant, defineControl, insufficientData, nonCompliant, notApplicable } from '../../model/control.js';
import { secretName } from './secret-activity.js';

export const secretsmanagerScheduledRotationSuccessCheck = defineControl({
  id: 'secretsmanager-scheduled-rotation-success-check',
  title: 'Secrets Manager secrets with rotation enabled rotate as scheduled',
  description:
    'Checks whether an AWS Secrets Manager secret with rotation enabled rotated on schedule (RotationOccurringAsScheduled; from ListSecrets, NextRotationDate not in the past). Secrets without rotation are not applicable.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::SecretsManager::Secret'],
  wellArchitected: ['SEC02-BP03', 'SEC02-BP05'],
  rationale: {
    'SEC02-BP03': 'Rotation configured for a secret actually succeeds.',
    'SEC02-BP05': 'Failed rotations, which leave credentials unchanged, are detected.',
  },
  references: {
    awsConfigRules: ['secretsmanager-scheduled-rotation-success-check'],
    securityHub: ['SecretsManager.2'],
  },
  trigger: 'change',
  remediation: {
    text: 'Read the rotation function logs in CloudWatch Logs to find why rotation failed (permissions, network path to the database, secret format), fix it and rotate the secret again.',
    url: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/troubleshoot_rotation.html',
  },
  evaluate(item, ctx) {
    const c = item.configuration;
    const name = secretName(item);
    if (c['RotationEnabled'] !== true) return notApplicable(`Secret ${name} does not have rotation enabled.`);
    const scheduled = c['RotationOccurringAsScheduled'];
    if (scheduled === false) return nonCompliant(`Secret ${name} did not rotate as scheduled.`);
    if (scheduled === true) return compliant(`Secret ${name} rotates as scheduled.`);
    const next = typeof c['NextRotationDate'] === 'string' ? new Date(c['NextRotationDate']) : undefined;
    if (next !== undefined && !Number.isNaN(next.getTime())) {
      if (next.getTime() < ctx.now.getTime()) {
        return nonCompliant(`Secret ${name} did not rotate as scheduled: rotation was due ${next.toISOString()}.`);
      }
      return compliant(`Secret ${name} rotates as scheduled: next rotation ${next.toISOString()}.`);
    }
    return insufficientData(`The configuration item of secret ${name} records no rotation status.`);
  },
});
