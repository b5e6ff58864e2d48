import * as z from 'zod';
import { SecretsManagerSecretActivityFact } from '../../facts/index.js';
import { compliant, defineControl, insufficientData, nonCompliant, param } from '../../model/control.js';
import { day, daysBetween, secretActivity, secretName } from './secret-activity.js';

export const secretsmanagerSecretPeriodicRotation = defineControl({
  id: 'secretsmanager-secret-periodic-rotation',
  title: 'Secrets Manager secrets were rotated within the allowed number of days',
  description:
    'Checks whether an AWS Secrets Manager secret was rotated in the last maxDaysSinceRotation days (default 90). A secret never rotated counts from its creation date.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::SecretsManager::Secret'],
  wellArchitected: ['SEC02-BP03', 'SEC02-BP05'],
  rationale: {
    'SEC02-BP03': 'Stored secrets do not stay unchanged longer than the allowed number of days.',
    'SEC02-BP05': 'Credentials held as secrets were actually rotated recently.',
  },
  references: { awsConfigRules: ['secretsmanager-secret-periodic-rotation'], securityHub: ['SecretsManager.4'] },
  trigger: 'periodic',
  needs: [SecretsManagerSecretActivityFact.type],
  parameters: z.strictObject({ maxDaysSinceRotation: param.int(90, { min: 1 }) }),
  remediation: {
    text: 'Rotate the secret now (RotateSecret) and turn on automatic rotation with a schedule shorter than the allowed number of days.',
    url: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html',
  },
  evaluate(item, ctx) {
    const name = secretName(item);
    const activity = secretActivity(item, ctx);
    const since = activity?.lastRotated ?? activity?.created;
    if (activity === undefined || since === undefined) {
      return insufficientData(`The rotation and creation dates of secret ${name} were not read.`);
    }
    const max = ctx.params.maxDaysSinceRotation;
    const age = daysBetween(since, ctx.now);
    const what = activity.lastRotated
      ? `was last rotated on ${day(since)}`
      : `has never been rotated since its creation on ${day(since)}`;
    if (age > max) return nonCompliant(`Secret ${name} ${what}, ${age} days ago (maximum ${max}).`);
    return compliant(`Secret ${name} ${what}, ${age} days ago (maximum ${max}).`);
  },
});
