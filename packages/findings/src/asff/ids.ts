import { createHash } from 'node:crypto';

/** Every Rampart finding's `GeneratorId` starts with this; findings of other generators are never touched. */
export const GENERATOR_PREFIX = 'rampart/';

export interface FindingKey {
  accountId: string;
  /** The evaluation's region: `global` for IAM, CloudFront, Route 53 — whichever region the finding is imported into. */
  region: string;
  controlId: string;
  resourceType: string;
  resourceId: string;
}

/**
 * `rampart/<accountId>/<region>/<controlId>/<first 32 hex of sha256(resourceType|resourceId)>` (DESIGN.md).
 * It never changes for the same control and resource, so a re-import updates instead of duplicating.
 */
export function findingId(key: FindingKey): string {
  const digest = createHash('sha256').update(`${key.resourceType}|${key.resourceId}`).digest('hex').slice(0, 32);
  return `${GENERATOR_PREFIX}${key.accountId}/${key.region}/${key.controlId}/${digest}`;
}

export function generatorId(controlId: string): string {
  return `${GENERATOR_PREFIX}${controlId}`;
}

/** The product ARN of custom findings an account imports into its own Security Hub. */
export function productArn(region: string, accountId: string): string {
  return `arn:${partitionOf(region)}:securityhub:${region}:${accountId}:product/${accountId}/default`;
}

export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

export function partitionOf(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

export interface ParsedFindingId {
  accountId: string;
  region: string;
  controlId: string;
  digest: string;
}

const ID_PATTERN = /^rampart\/(\d{12})\/([a-z0-9-]+)\/([a-z0-9]+(?:-[a-z0-9]+)*)\/([0-9a-f]{32})$/;

/** The parts of a Rampart finding Id, or undefined when the Id is not one Rampart writes. */
export function parseFindingId(id: string): ParsedFindingId | undefined {
  const m = ID_PATTERN.exec(id);
  if (m === null) return undefined;
  return { accountId: m[1]!, region: m[2]!, controlId: m[3]!, digest: m[4]! };
}
