import type { Control } from '../model/control.js';
import { Registry } from '../model/registry.js';
import { ACCOUNT_CONTROLS } from './account/index.js';
import { ACM_CONTROLS } from './acm/index.js';
import { APIGATEWAY_CONTROLS } from './apigateway/index.js';
import { AUTOSCALING_CONTROLS } from './autoscaling/index.js';
import { CLOUDTRAIL_CONTROLS } from './cloudtrail/index.js';
import { CLOUDWATCH_CONTROLS } from './cloudwatch/index.js';
import { CONFIG_CONTROLS } from './config/index.js';
import { EC2_CONTROLS } from './ec2/index.js';
import { ECR_CONTROLS } from './ecr/index.js';
import { ECS_CONTROLS } from './ecs/index.js';
import { ELB_CONTROLS } from './elb/index.js';
import { ELBV2_CONTROLS } from './elbv2/index.js';
import { EVENTS_CONTROLS } from './events/index.js';
import { GUARDDUTY_CONTROLS } from './guardduty/index.js';
import { IAM_CONTROLS } from './iam/index.js';
import { KMS_CONTROLS } from './kms/index.js';
import { LAMBDA_CONTROLS } from './lambda/index.js';
import { LOGS_CONTROLS } from './logs/index.js';
import { NETWORKFIREWALL_CONTROLS } from './networkfirewall/index.js';
import { ORGANIZATIONS_CONTROLS } from './organizations/index.js';
import { RDS_CONTROLS } from './rds/index.js';
import { S3_CONTROLS } from './s3/index.js';
import { SECRETSMANAGER_CONTROLS } from './secretsmanager/index.js';
import { SECURITYHUB_CONTROLS } from './securityhub/index.js';
import { SHIELD_CONTROLS } from './shield/index.js';
import { SNS_CONTROLS } from './sns/index.js';
import { SSM_CONTROLS } from './ssm/index.js';
import { WAF_CONTROLS } from './waf/index.js';
import { WAFV2_CONTROLS } from './wafv2/index.js';

/**
 * The catalog: an explicit list, one control per file under `controls/<service>/<id>.ts`, each
 * service listing its own in `controls/<service>/index.ts`.
 */
export const CONTROLS: readonly Control<unknown>[] = [
  ...ACCOUNT_CONTROLS,
  ...ACM_CONTROLS,
  ...APIGATEWAY_CONTROLS,
  ...AUTOSCALING_CONTROLS,
  ...CLOUDTRAIL_CONTROLS,
  ...CLOUDWATCH_CONTROLS,
  ...CONFIG_CONTROLS,
  ...EC2_CONTROLS,
  ...ECR_CONTROLS,
  ...ECS_CONTROLS,
  ...ELB_CONTROLS,
  ...ELBV2_CONTROLS,
  ...EVENTS_CONTROLS,
  ...GUARDDUTY_CONTROLS,
  ...IAM_CONTROLS,
  ...KMS_CONTROLS,
  ...LAMBDA_CONTROLS,
  ...LOGS_CONTROLS,
  ...NETWORKFIREWALL_CONTROLS,
  ...ORGANIZATIONS_CONTROLS,
  ...RDS_CONTROLS,
  ...S3_CONTROLS,
  ...SECRETSMANAGER_CONTROLS,
  ...SECURITYHUB_CONTROLS,
  ...SHIELD_CONTROLS,
  ...SNS_CONTROLS,
  ...SSM_CONTROLS,
  ...WAF_CONTROLS,
  ...WAFV2_CONTROLS,
] as unknown as readonly Control<unknown>[];

let registry: Registry | undefined;

/** The validated catalog (built on first use: no import side effects). */
export function catalog(): Registry {
  registry ??= new Registry(CONTROLS);
  return registry;
}
