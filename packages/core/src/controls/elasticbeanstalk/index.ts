import { elasticBeanstalkManagedUpdatesEnabled } from './elastic-beanstalk-managed-updates-enabled.js';

export const ELASTICBEANSTALK_CONTROLS = [elasticBeanstalkManagedUpdatesEnabled];
