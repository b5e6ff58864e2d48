import { Logger } from '@aws-lambda-powertools/logger';

/** The function's one logger: JSON lines with the service name, component and per-invocation keys. */
export const logger = new Logger({
  serviceName: 'rampart-config-rules',
  persistentKeys: { component: 'config-rules' },
});
