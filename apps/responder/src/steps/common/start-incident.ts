import { readEnv } from '../../env.js';
import { type Incident, PLAYBOOK_NAMES, type PlaybookName, parseIncident, type StartRequest } from '../../incident.js';
import { logger } from '../../logger.js';
import type { ActionGrant, LambdaContext } from '../../step.js';

/** The first state of every playbook: turns the execution input into the incident the other steps use. */
export const startIncident = {
  id: 'start-incident',
  key: 'incident',
  description: 'Normalizes the finding (GuardDuty, Security Hub, Access Analyzer or a manual request) into an incident',
  playbooks: PLAYBOOK_NAMES as readonly PlaybookName[],
  // Reads nothing: the event carries everything.
  permissions: [] as readonly ActionGrant[],
} as const;

export async function handler(
  request: StartRequest,
  context?: LambdaContext,
): Promise<{ incident: Incident; steps: Record<string, unknown> }> {
  const env = readEnv();
  const account = context?.invokedFunctionArn?.split(':')[4];
  const incident = parseIncident(request, new Date(), {
    accountId: account !== undefined && /^\d{12}$/.test(account) ? account : '000000000000',
    region: env.AWS_REGION,
  });
  logger.info('incident started', { incident });
  return { incident, steps: {} };
}
