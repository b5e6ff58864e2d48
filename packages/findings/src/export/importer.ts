import {
  type AwsSecurityFinding,
  BatchImportFindingsCommand,
  type BatchImportFindingsCommandOutput,
  type SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { LIMITS } from '../asff/limits.js';
import { type AwsErrorInfo, describeAwsError, isRetryableCode } from '../errors.js';
import { type BatchLimits, batchFindings } from './batches.js';
import { type Clock, systemClock, type TokenBucket } from './rate-limit.js';

/** A finding Security Hub did not take, with the last error code it answered. */
export interface ImportFailure {
  id: string;
  code: string;
  message: string;
}

export interface ImportResult {
  accepted: Set<string>;
  failures: ImportFailure[];
  requests: number;
  /** Requests or findings answered with a retryable error (throttling, 5xx) and sent again. */
  retried: number;
}

export interface ImportOptions {
  bucket: TokenBucket;
  clock?: Clock;
  /** Rounds of retries for retryable failures, on top of the SDK's own retries. */
  maxRounds?: number;
  /** First back-off between rounds, doubled each round (capped at 20 s), with jitter. */
  baseDelayMs?: number;
  limits?: BatchLimits;
  random?: () => number;
}

const THROTTLING = /throttl|toomanyrequests|limitexceeded|slowdown/i;

/**
 * Sends findings with BatchImportFindings until each one is accepted or has failed for a reason a
 * retry cannot fix. Nothing is dropped: every finding ends in `accepted` or in `failures`, named by
 * Id with the error code. Re-sending a finding is safe: the same Id updates the same finding.
 */
export async function importFindings(
  client: SecurityHubClient,
  findings: readonly AwsSecurityFinding[],
  options: ImportOptions,
): Promise<ImportResult> {
  const clock = options.clock ?? systemClock;
  const maxRounds = options.maxRounds ?? 8;
  const baseDelay = options.baseDelayMs ?? 1000;
  const random = options.random ?? Math.random;
  const limits = options.limits ?? { findings: LIMITS.batchFindings, bytes: LIMITS.batchBytes };
  const result: ImportResult = { accepted: new Set(), failures: [], requests: 0, retried: 0 };
  const lastError = new Map<string, AwsErrorInfo>();
  let pending = [...findings];

  for (let round = 0; pending.length > 0; round++) {
    if (round > 0) {
      if (round > maxRounds) break;
      const ceiling = Math.min(20_000, baseDelay * 2 ** (round - 1));
      await clock.sleep(ceiling / 2 + random() * (ceiling / 2));
    }
    const retry: AwsSecurityFinding[] = [];
    const queue = batchFindings(pending, limits);
    while (queue.length > 0) {
      const batch = queue.shift()!;
      await options.bucket.take();
      result.requests++;
      let response: BatchImportFindingsCommandOutput;
      try {
        response = await client.send(new BatchImportFindingsCommand({ Findings: batch }));
      } catch (error) {
        const info = describeAwsError(error);
        if (
          THROTTLING.test(info.code) ||
          (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 429
        ) {
          options.bucket.drain();
        }
        if (info.retryable) {
          for (const f of batch) lastError.set(f.Id!, info);
          retry.push(...batch);
          result.retried++;
        } else if (batch.length > 1 && /invalidinput|validation|serialization/i.test(info.code)) {
          // One bad finding rejects the whole request: halve the batch until the bad one stands alone.
          const half = Math.ceil(batch.length / 2);
          queue.unshift(batch.slice(0, half), batch.slice(half));
        } else {
          for (const f of batch) result.failures.push({ id: f.Id!, code: info.code, message: info.message });
        }
        continue;
      }
      const sent = new Map(batch.map((f) => [f.Id!, f]));
      const failed = new Set<string>();
      for (const entry of response.FailedFindings ?? []) {
        const finding = entry.Id === undefined ? undefined : sent.get(entry.Id);
        if (finding === undefined || failed.has(entry.Id!)) continue;
        failed.add(entry.Id!);
        const code = entry.ErrorCode ?? 'UnknownError';
        const info = { code, message: entry.ErrorMessage ?? '', retryable: isRetryableCode(code) };
        if (info.retryable) {
          lastError.set(entry.Id!, info);
          retry.push(finding);
          result.retried++;
        } else {
          result.failures.push({ id: entry.Id!, code, message: info.message });
        }
      }
      // Security Hub counted failures it did not name: the unnamed findings are unconfirmed, so send
      // them again (an accepted one is just updated to the same content).
      const unnamed = (response.FailedCount ?? failed.size) - failed.size;
      for (const [id, finding] of sent) {
        if (failed.has(id)) continue;
        if (unnamed > 0) {
          lastError.set(id, {
            code: 'UnconfirmedImport',
            message: `BatchImportFindings reported ${response.FailedCount} failures but named ${failed.size}`,
            retryable: true,
          });
          retry.push(finding);
        } else {
          result.accepted.add(id);
        }
      }
    }
    pending = retry;
  }
  for (const f of pending) {
    const info = lastError.get(f.Id!);
    result.failures.push({
      id: f.Id!,
      code: info?.code ?? 'UnknownError',
      message: `${info?.message ?? ''} (still failing after ${maxRounds + 1} attempts)`.trim(),
    });
  }
  return result;
}
