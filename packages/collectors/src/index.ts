export { configShape, iamPolicyDocument, makeItem, type RawItem, tagMap } from './ci.js';
export { type AwsAccessOptions, ClientFactory } from './clients.js';
export {
  type AggregatorPartition,
  parseSelectRow,
  partitionCountExpression,
  partitionExpression,
  selectExpression,
} from './config-source.js';
export { parseCredentialReport } from './direct/iam.js';
export { bucketRegion } from './direct/s3.js';
export { CollectorOptionsError, errorCode, errorMessage, ScanSetupError } from './errors.js';
export { Limiter } from './limit.js';
export {
  AGGREGATOR_PERMISSIONS,
  ASSUME_ROLE_PERMISSIONS,
  actionsOf,
  type ExportSink,
  type IamPolicyDocument,
  type IamPolicyStatement,
  PERMISSIONLESS_CALLS,
  SCAN_PERMISSIONS,
  type ScanPolicyOptions,
  ScanPolicyOptionsError,
  SECURITY_HUB_EXPORT_PERMISSIONS,
  type ServicePermissions,
  scanPolicy,
  scanPolicyGroups,
} from './permissions.js';
export type { ReaderContext, ScanSink, ServiceReader } from './reader.js';
export {
  defaultReaders,
  type PartitionPage,
  type ProgressEvent,
  type RunOptions,
  Scanner,
  type ScanOptions,
  type ScanPlan,
  type ScanResult,
  type ScanSource,
  scan,
} from './scan.js';
