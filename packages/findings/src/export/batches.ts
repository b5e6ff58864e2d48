import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { LIMITS } from '../asff/limits.js';

export interface BatchLimits {
  findings: number;
  bytes: number;
}

const ENVELOPE = Buffer.byteLength('{"Findings":[]}');

/**
 * Splits findings into BatchImportFindings requests of at most `findings` findings and `bytes`
 * bytes of request body, keeping their order. A finding is never split or dropped; one larger than
 * a whole request still gets a batch of its own (Security Hub then names it in FailedFindings).
 */
export function batchFindings(
  findings: readonly AwsSecurityFinding[],
  limits: BatchLimits = { findings: LIMITS.batchFindings, bytes: LIMITS.batchBytes },
): AwsSecurityFinding[][] {
  const batches: AwsSecurityFinding[][] = [];
  let current: AwsSecurityFinding[] = [];
  let bytes = ENVELOPE;
  for (const finding of findings) {
    const size = Buffer.byteLength(JSON.stringify(finding));
    const separator = current.length > 0 ? 1 : 0;
    if (current.length > 0 && (current.length >= limits.findings || bytes + separator + size > limits.bytes)) {
      batches.push(current);
      current = [];
      bytes = ENVELOPE;
    }
    bytes += (current.length > 0 ? 1 : 0) + size;
    current.push(finding);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
