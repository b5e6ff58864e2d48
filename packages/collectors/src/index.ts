export { type AwsAccessOptions, ClientFactory } from './clients.js';
export { configShape, iamPolicyDocument, makeItem, type RawItem, tagMap } from './ci.js';
export { parseSelectRow, selectExpression } from './config-source.js';
export { parseCredentialReport } from './direct/iam.js';
export { bucketRegion } from './direct/s3.js';
export { CollectorOptionsError, errorCode, errorMessage, ScanSetupError } from './errors.js';
export { Limiter } from './limit.js';
export type { ReaderContext, ScanSink, ServiceReader } from './reader.js';
export {
  defaultReaders,
  type ProgressEvent,
  type ScanOptions,
  type ScanPlan,
  type ScanResult,
  type ScanSource,
  Scanner,
  scan,
} from './scan.js';
