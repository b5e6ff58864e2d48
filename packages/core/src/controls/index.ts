import type { Control } from '../model/control.js';
import { Registry } from '../model/registry.js';
import { ACCOUNT_CONTROLS } from './account/index.js';
import { CLOUDTRAIL_CONTROLS } from './cloudtrail/index.js';
import { EC2_CONTROLS } from './ec2/index.js';
import { GUARDDUTY_CONTROLS } from './guardduty/index.js';
import { IAM_CONTROLS } from './iam/index.js';
import { KMS_CONTROLS } from './kms/index.js';
import { LOGS_CONTROLS } from './logs/index.js';
import { NETWORKFIREWALL_CONTROLS } from './networkfirewall/index.js';
import { RDS_CONTROLS } from './rds/index.js';
import { S3_CONTROLS } from './s3/index.js';
import { SECRETSMANAGER_CONTROLS } from './secretsmanager/index.js';
import { SECURITYHUB_CONTROLS } from './securityhub/index.js';
import { SNS_CONTROLS } from './sns/index.js';

/**
 * The catalog: an explicit list, one control per file under `controls/<service>/<id>.ts`, each
 * service listing its own in `controls/<service>/index.ts`.
 */
export const CONTROLS: readonly Control<unknown>[] = [
  ...ACCOUNT_CONTROLS,
  ...CLOUDTRAIL_CONTROLS,
  ...EC2_CONTROLS,
  ...GUARDDUTY_CONTROLS,
  ...IAM_CONTROLS,
  ...KMS_CONTROLS,
  ...LOGS_CONTROLS,
  ...NETWORKFIREWALL_CONTROLS,
  ...RDS_CONTROLS,
  ...S3_CONTROLS,
  ...SECRETSMANAGER_CONTROLS,
  ...SECURITYHUB_CONTROLS,
  ...SNS_CONTROLS,
] as unknown as readonly Control<unknown>[];

let registry: Registry | undefined;

/** The validated catalog (built on first use: no import side effects). */
export function catalog(): Registry {
  registry ??= new Registry(CONTROLS);
  return registry;
}
