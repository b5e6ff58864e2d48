import * as z from 'zod';
import { compliant, defineControl, insufficientData, nonCompliant } from '../../model/control.js';
import { type RotationRules, rotationInterval } from './rotation-schedule.js';

interface SecretConfiguration {
  Name: string;
  RotationEnabled: boolean;
  RotationRules: RotationRules | null;
}

const optionalPositiveInt = z.coerce.number().int().min(1).optional();

export const secretsmanagerRotationEnabledCheck = defineControl({
  id: 'secretsmanager-rotation-enabled-check',
  title: 'Secrets Manager secrets have automatic rotation enabled',
  description:
    'Checks whether an AWS Secrets Manager secret has automatic rotation enabled. With maximumAllowedRotationFrequency (days) or maximumAllowedRotationFrequencyInHours set, the rotation schedule must rotate at least that often.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::SecretsManager::Secret'],
  wellArchitected: ['SEC02-BP03', 'SEC02-BP05'],
  rationale: {
    'SEC02-BP03': 'Secrets kept in Secrets Manager rotate automatically instead of living forever.',
    'SEC02-BP05': 'Rotation is scheduled at least as often as the maximum allowed frequency.',
  },
  references: { awsConfigRules: ['secretsmanager-rotation-enabled-check'], securityHub: ['SecretsManager.1'] },
  trigger: 'change',
  parameters: z.strictObject({
    maximumAllowedRotationFrequency: optionalPositiveInt,
    maximumAllowedRotationFrequencyInHours: optionalPositiveInt,
  }),
  remediation: {
    text: 'Turn on automatic rotation for the secret with a rotation function (or managed rotation) and a schedule no longer than your policy allows.',
    url: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html',
  },
  evaluate(item, ctx) {
    const secret = item.config<SecretConfiguration>();
    const name = item.resourceName ?? secret.Name ?? item.resourceId;
    if (secret.RotationEnabled !== true)
      return nonCompliant(`Secret ${name} does not have automatic rotation enabled.`);

    const { maximumAllowedRotationFrequency: days, maximumAllowedRotationFrequencyInHours: hours } = ctx.params;
    const limits: { hours: number; text: string }[] = [];
    if (days !== undefined) limits.push({ hours: days * 24, text: `${days} days` });
    if (hours !== undefined) limits.push({ hours, text: `${hours} hours` });
    const interval = rotationInterval(secret.RotationRules, ctx.now);
    if (limits.length === 0) {
      return compliant(`Secret ${name} rotates automatically${interval ? ` ${interval.schedule}` : ''}.`);
    }
    const limit = limits.reduce((a, b) => (b.hours < a.hours ? b : a));
    if (interval === undefined) {
      return insufficientData(`Secret ${name} has rotation enabled, but its configuration item records no schedule.`);
    }
    if (interval.hours === undefined) {
      return insufficientData(`Secret ${name} rotates ${interval.schedule}, an expression Rampart cannot measure.`);
    }
    if (interval.hours > limit.hours) {
      return nonCompliant(`Secret ${name} rotates ${interval.schedule}, less often than the maximum of ${limit.text}.`);
    }
    return compliant(`Secret ${name} rotates ${interval.schedule}, within the maximum of ${limit.text}.`);
  },
});
