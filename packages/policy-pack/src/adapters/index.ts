import { lambdaFunctionAdapter } from './compute.js';
import { kmsKeyAdapter, rdsInstanceAdapter, snsTopicAdapter } from './data.js';
import { guardDutyStatusFact, trailAdapter, trailsFact, webAclAdapter } from './detection.js';
import { ebsVolumeAdapter, securityGroupAdapter } from './ec2.js';
import { iamPolicyAdapter, iamRoleAdapter } from './iam.js';
import { s3AccountPublicAccessBlockFact, s3BucketAdapter } from './s3.js';
import type { FactAdapter, ResourceAdapter } from './types.js';

export { KNOWN_AFTER_APPLY } from './detection.js';
export type { AdaptedItem, AdapterEnv, FactAdapter, ResourceAdapter } from './types.js';

/** Every resource adapter: Pulumi resources → the AWS Config item type the engine evaluates. */
export const RESOURCE_ADAPTERS: readonly ResourceAdapter[] = [
  s3BucketAdapter,
  securityGroupAdapter,
  ebsVolumeAdapter,
  rdsInstanceAdapter,
  kmsKeyAdapter,
  trailAdapter,
  snsTopicAdapter,
  iamPolicyAdapter,
  iamRoleAdapter,
  lambdaFunctionAdapter,
  webAclAdapter,
];

/** Every fact adapter: Pulumi resources → the account-level `Rampart::` facts. */
export const FACT_ADAPTERS: readonly FactAdapter[] = [guardDutyStatusFact, trailsFact, s3AccountPublicAccessBlockFact];

/** Every Pulumi type token an adapter reads, primary or satellite. */
export function adaptedTokens(): string[] {
  return [...new Set([...RESOURCE_ADAPTERS, ...FACT_ADAPTERS].flatMap((a) => [...a.tokens, ...a.satellites]))].sort();
}

export {
  ebsVolumeAdapter,
  guardDutyStatusFact,
  iamPolicyAdapter,
  iamRoleAdapter,
  kmsKeyAdapter,
  lambdaFunctionAdapter,
  rdsInstanceAdapter,
  s3AccountPublicAccessBlockFact,
  s3BucketAdapter,
  securityGroupAdapter,
  snsTopicAdapter,
  trailAdapter,
  trailsFact,
  webAclAdapter,
};
