import * as z from 'zod';
import { SecretsManagerSecretActivityFact } from '../../facts/index.js';
import { compliant, defineControl, insufficientData, nonCompliant, param } from '../../model/control.js';
import { day, daysBetween, secretActivity, secretName } from './secret-activity.js';

export const secretsmanagerSecretUnused = defineControl({
  id: 'secretsmanager-secret-unused',
  title: 'Secrets Manager secrets were accessed within the allowed number of days',
  description:
    'Checks whether an AWS Secrets Manager secret was accessed in the last unusedForDays days (default 90). A secret never accessed counts from its creation date.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::SecretsManager::Secret'],
  wellArchitected: ['SEC02-BP03', 'SEC03-BP06'],
  rationale: {
    'SEC02-BP03': 'Secrets nobody reads are found so they can be deleted.',
    'SEC03-BP06': 'Credentials that no longer serve a workload are removed at the end of their lifecycle.',
  },
  references: { awsConfigRules: ['secretsmanager-secret-unused'], securityHub: ['SecretsManager.3'] },
  trigger: 'periodic',
  needs: [SecretsManagerSecretActivityFact.type],
  parameters: z.strictObject({ unusedForDays: param.int(90, { min: 1 }) }),
  remediation: {
    text: 'Confirm with the owner that nothing reads the secret (CloudTrail GetSecretValue events), then schedule it for deletion with a recovery window.',
    url: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/manage_delete-secret.html',
  },
  evaluate(item, ctx) {
    const name = secretName(item);
    const activity = secretActivity(item, ctx);
    const since = activity?.lastAccessed ?? activity?.created;
    if (activity === undefined || since === undefined) {
      return insufficientData(`The access and creation dates of secret ${name} were not read.`);
    }
    const max = ctx.params.unusedForDays;
    const age = daysBetween(since, ctx.now);
    const what = activity.lastAccessed
      ? `was last accessed on ${day(since)}`
      : `has never been accessed since its creation on ${day(since)}`;
    if (age > max) return nonCompliant(`Secret ${name} ${what}, ${age} days ago (maximum ${max}).`);
    return compliant(`Secret ${name} ${what}, ${age} days ago (maximum ${max}).`);
  },
});
