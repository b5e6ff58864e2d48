import { Logger } from '@aws-lambda-powertools/logger';

/** The functions' one logger: JSON lines with the service name, component and per-invocation keys. */
export const logger = new Logger({
  serviceName: 'rampart-responder',
  persistentKeys: { component: 'incident-response' },
});
