import { type AwsSecurityFinding, GetFindingsCommand, type SecurityHubClient } from '@aws-sdk/client-securityhub';
import { GENERATOR_PREFIX, parseFindingId, productArn } from '../asff/ids.js';
import type { TokenBucket } from './rate-limit.js';

export interface Partition {
  accountId: string;
  /** The Security Hub region (never `global`). */
  region: string;
}

/**
 * The active Rampart findings Security Hub holds for one account in one region, by Id. The filters
 * go to the server, and are applied again here: emulators and older endpoints ignore them, and a
 * finding of another product or generator must never be touched.
 */
export async function readExistingFindings(
  client: SecurityHubClient,
  partition: Partition,
  bucket: TokenBucket,
): Promise<Map<string, AwsSecurityFinding>> {
  const arn = productArn(partition.region, partition.accountId);
  const found = new Map<string, AwsSecurityFinding>();
  let nextToken: string | undefined;
  do {
    await bucket.take();
    const page = await client.send(
      new GetFindingsCommand({
        Filters: {
          ProductArn: [{ Value: arn, Comparison: 'EQUALS' }],
          GeneratorId: [{ Value: GENERATOR_PREFIX, Comparison: 'PREFIX' }],
          AwsAccountId: [{ Value: partition.accountId, Comparison: 'EQUALS' }],
          Region: [{ Value: partition.region, Comparison: 'EQUALS' }],
          RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }],
        },
        MaxResults: 100,
        NextToken: nextToken,
      }),
    );
    for (const finding of page.Findings ?? []) {
      if (isOwnActiveFinding(finding, partition, arn)) found.set(finding.Id!, finding);
    }
    nextToken = page.NextToken || undefined;
  } while (nextToken !== undefined);
  return found;
}

/** The client-side copy of the GetFindings filters, plus the Id format Rampart writes. */
export function isOwnActiveFinding(finding: AwsSecurityFinding, partition: Partition, arn: string): boolean {
  if (finding.ProductArn !== arn) return false;
  if (finding.AwsAccountId !== partition.accountId) return false;
  if (finding.Region !== undefined && finding.Region !== partition.region) return false;
  if (finding.RecordState !== undefined && finding.RecordState !== 'ACTIVE') return false;
  if (!finding.GeneratorId?.startsWith(GENERATOR_PREFIX) || finding.Id === undefined) return false;
  const parsed = parseFindingId(finding.Id);
  return (
    parsed !== undefined &&
    parsed.accountId === partition.accountId &&
    finding.GeneratorId === `${GENERATOR_PREFIX}${parsed.controlId}`
  );
}
