import { Logger } from '@aws-lambda-powertools/logger';

/** The function's one logger: JSON lines with the service name and component. */
export const logger = new Logger({
  serviceName: 'rampart-report-generator',
  persistentKeys: { component: 'report-generator' },
});
