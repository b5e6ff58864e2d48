import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { type TrailConfiguration, trailName } from './trail-configuration.js';

export const cloudTrailLogFileValidationEnabled = defineControl({
  id: 'cloud-trail-log-file-validation-enabled',
  title: 'CloudTrail trails have log file integrity validation enabled',
  description:
    'Checks whether an AWS CloudTrail trail has log file integrity validation enabled, so that CloudTrail delivers signed digest files that reveal modified or deleted log files.',
  area: 'detection',
  severity: 'LOW',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  wellArchitected: ['SEC04-BP01'],
  rationale: {
    'SEC04-BP01':
      'Signed digest files reveal modified or deleted trail logs, so the logs can be trusted in an investigation.',
  },
  references: {
    awsConfigRules: ['cloud-trail-log-file-validation-enabled'],
    securityHub: ['CloudTrail.4'],
    cis: ['3.2'],
  },
  trigger: 'change',
  remediation: {
    text: 'Enable log file integrity validation on the trail (EnableLogFileValidation), and validate the logs with the digest files when investigating.',
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-enabling.html',
  },
  evaluate(item) {
    const trail = item.config<TrailConfiguration>();
    const name = trailName(item);
    if (trail.logFileValidationEnabled === true) {
      return compliant(`Trail ${name} has log file integrity validation enabled.`);
    }
    return nonCompliant(`Trail ${name} does not have log file integrity validation enabled.`);
  },
});
