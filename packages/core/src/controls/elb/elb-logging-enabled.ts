import * as z from 'zod';
import type { ConfigItem } from '../../ci/config-item.js';
import type { Verdict } from '../../model/control.js';
import { compliant, defineControl, insufficientData, nonCompliant, notApplicable, param } from '../../model/control.js';
import { LOAD_BALANCER, loadBalancerAttributes, loadBalancerName, loadBalancerType } from '../elbv2/load-balancer.js';
import { CLASSIC_LOAD_BALANCER, type ClassicLoadBalancerAttributes, classicName } from './classic-load-balancer.js';

export const elbLoggingEnabled = defineControl({
  id: 'elb-logging-enabled',
  title: 'Application, Network and Classic Load Balancers deliver access logs to S3',
  description:
    'Checks whether a load balancer (Classic, Application or Network) has access logging enabled; with s3BucketNames set, the logs must go to one of the listed S3 buckets.',
  area: 'detection',
  severity: 'MEDIUM',
  resourceTypes: [CLASSIC_LOAD_BALANCER, LOAD_BALANCER],
  wellArchitected: ['SEC04-BP01'],
  rationale: {
    'SEC04-BP01': 'Load balancer access logs record every request, a service log the BP names.',
  },
  references: { awsConfigRules: ['elb-logging-enabled'], securityHub: ['ELB.5'] },
  trigger: 'change',
  parameters: z.strictObject({ s3BucketNames: param.csv() }),
  remediation: {
    text: 'Enable access logs on the load balancer and send them to an S3 bucket in the same region whose bucket policy allows Elastic Load Balancing to write.',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html',
  },
  evaluate(item, ctx) {
    const access = item.resourceType === CLASSIC_LOAD_BALANCER ? classicAccessLog(item) : elbv2AccessLog(item);
    if ('compliance' in access) return access;
    const { name, enabled, bucket } = access;
    if (!enabled) return nonCompliant(`Load balancer ${name} does not have access logging enabled.`);
    const allowed = ctx.params.s3BucketNames;
    if (allowed.length > 0 && (bucket === undefined || !allowed.includes(bucket))) {
      return nonCompliant(
        `Load balancer ${name} delivers access logs to bucket ${bucket ?? '(none)'}, which is not in s3BucketNames.`,
      );
    }
    return compliant(`Load balancer ${name} delivers access logs to bucket ${bucket ?? '(unknown)'}.`);
  },
});

interface AccessLog {
  name: string;
  enabled: boolean;
  bucket: string | undefined;
}

function classicAccessLog(item: ConfigItem): AccessLog | Verdict {
  const name = classicName(item);
  const attributes = item.supplementary<ClassicLoadBalancerAttributes>('LoadBalancerAttributes');
  if (attributes === undefined || attributes === null || typeof attributes !== 'object') {
    return insufficientData(`The configuration item of load balancer ${name} holds no LoadBalancerAttributes.`);
  }
  const log = attributes.accessLog;
  return { name, enabled: log?.enabled === true, bucket: log?.s3BucketName || undefined };
}

function elbv2AccessLog(item: ConfigItem): AccessLog | Verdict {
  const name = loadBalancerName(item);
  const type = loadBalancerType(item);
  if (type === 'gateway')
    return notApplicable(`Load balancer ${name} is a Gateway Load Balancer, which has no access logs.`);
  const attributes = loadBalancerAttributes(item);
  if (attributes === undefined) {
    return insufficientData(`The configuration item of load balancer ${name} holds no LoadBalancerAttributes.`);
  }
  return {
    name,
    enabled: attributes.get('access_logs.s3.enabled') === 'true',
    bucket: attributes.get('access_logs.s3.bucket') || undefined,
  };
}
