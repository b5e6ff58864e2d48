import type { Control } from '../model/control.js';
import { Registry } from '../model/registry.js';
import { ACCOUNT_CONTROLS } from './account/index.js';
import { ACM_CONTROLS } from './acm/index.js';
import { APIGATEWAY_CONTROLS } from './apigateway/index.js';
import { AUTOSCALING_CONTROLS } from './autoscaling/index.js';
import { BACKUP_CONTROLS } from './backup/index.js';
import { CLOUDTRAIL_CONTROLS } from './cloudtrail/index.js';
import { CLOUDWATCH_CONTROLS } from './cloudwatch/index.js';
import { CODEBUILD_CONTROLS } from './codebuild/index.js';
import { CONFIG_CONTROLS } from './config/index.js';
import { DATASTORES_CONTROLS } from './datastores/index.js';
import { DMS_CONTROLS } from './dms/index.js';
import { DYNAMODB_CONTROLS } from './dynamodb/index.js';
import { EC2_CONTROLS } from './ec2/index.js';
import { ECR_CONTROLS } from './ecr/index.js';
import { ECS_CONTROLS } from './ecs/index.js';
import { EFS_CONTROLS } from './efs/index.js';
import { ELASTICBEANSTALK_CONTROLS } from './elasticbeanstalk/index.js';
import { ELB_CONTROLS } from './elb/index.js';
import { ELBV2_CONTROLS } from './elbv2/index.js';
import { EMR_CONTROLS } from './emr/index.js';
import { EVENTS_CONTROLS } from './events/index.js';
import { GUARDDUTY_CONTROLS } from './guardduty/index.js';
import { IAM_CONTROLS } from './iam/index.js';
import { KMS_CONTROLS } from './kms/index.js';
import { LAMBDA_CONTROLS } from './lambda/index.js';
import { LOGS_CONTROLS } from './logs/index.js';
import { NETWORKFIREWALL_CONTROLS } from './networkfirewall/index.js';
import { OPENSEARCH_CONTROLS } from './opensearch/index.js';
import { ORGANIZATIONS_CONTROLS } from './organizations/index.js';
import { RDS_CONTROLS } from './rds/index.js';
import { REDSHIFT_CONTROLS } from './redshift/index.js';
import { S3_CONTROLS } from './s3/index.js';
import { SAGEMAKER_CONTROLS } from './sagemaker/index.js';
import { SECRETSMANAGER_CONTROLS } from './secretsmanager/index.js';
import { SECURITYHUB_CONTROLS } from './securityhub/index.js';
import { SHIELD_CONTROLS } from './shield/index.js';
import { SNS_CONTROLS } from './sns/index.js';
import { SSM_CONTROLS } from './ssm/index.js';
import { WAF_CONTROLS } from './waf/index.js';
import { WAFV2_CONTROLS } from './wafv2/index.js';
import { WELLARCHITECTED_CONTROLS } from './wellarchitected/index.js';

/**
 * The catalog: an explicit list, one control per file under `controls/<service>/<id>.ts`, each
 * service listing its own in `controls/<service>/index.ts`.
 */
export const CONTROLS: readonly Control<unknown>[] = [
  ...ACCOUNT_CONTROLS,
  ...ACM_CONTROLS,
  ...APIGATEWAY_CONTROLS,
  ...AUTOSCALING_CONTROLS,
  ...BACKUP_CONTROLS,
  ...CLOUDTRAIL_CONTROLS,
  ...CLOUDWATCH_CONTROLS,
  ...CODEBUILD_CONTROLS,
  ...CONFIG_CONTROLS,
  ...DATASTORES_CONTROLS,
  ...DMS_CONTROLS,
  ...DYNAMODB_CONTROLS,
  ...EC2_CONTROLS,
  ...ECR_CONTROLS,
  ...ECS_CONTROLS,
  ...EFS_CONTROLS,
  ...ELASTICBEANSTALK_CONTROLS,
  ...ELB_CONTROLS,
  ...ELBV2_CONTROLS,
  ...EMR_CONTROLS,
  ...EVENTS_CONTROLS,
  ...GUARDDUTY_CONTROLS,
  ...IAM_CONTROLS,
  ...KMS_CONTROLS,
  ...LAMBDA_CONTROLS,
  ...LOGS_CONTROLS,
  ...NETWORKFIREWALL_CONTROLS,
  ...OPENSEARCH_CONTROLS,
  ...ORGANIZATIONS_CONTROLS,
  ...RDS_CONTROLS,
  ...REDSHIFT_CONTROLS,
  ...S3_CONTROLS,
  ...SAGEMAKER_CONTROLS,
  ...SECRETSMANAGER_CONTROLS,
  ...SECURITYHUB_CONTROLS,
  ...SHIELD_CONTROLS,
  ...SNS_CONTROLS,
  ...SSM_CONTROLS,
  ...WAF_CONTROLS,
  ...WAFV2_CONTROLS,
  ...WELLARCHITECTED_CONTROLS,
] as unknown as readonly Control<unknown>[];

let registry: Registry | undefined;

/** The validated catalog (built on first use: no import side effects). */
export function catalog(): Registry {
  registry ??= new Registry(CONTROLS);
  return registry;
}
