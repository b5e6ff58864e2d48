import type { Evaluation as ConfigEvaluation } from '@aws-sdk/client-config-service';
import type { Evaluation } from '@rampart/core';
import type { EvaluationsApi } from './config-http.js';
import { errorCode, errorMessage, PutEvaluationsError } from './errors.js';
import type { Budget } from './lambda.js';
import { logger } from './logger.js';

/** PutEvaluations limits. */
export const MAX_EVALUATIONS_PER_CALL = 100;
export const MAX_ANNOTATION_LENGTH = 256;
const TRUNCATION_MARK = '… [truncated]';

/** The verdicts PutEvaluations accepts; INSUFFICIENT_DATA and ERROR are logged and fail the invocation. */
export const SENDABLE = new Set(['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE']);

/** An annotation that fits AWS Config's 256 characters, visibly marked when cut; undefined when empty. */
export function fitAnnotation(text: string): string | undefined {
  const clean = text.trim();
  if (clean === '') return undefined;
  if (clean.length <= MAX_ANNOTATION_LENGTH) return clean;
  let cut = MAX_ANNOTATION_LENGTH - TRUNCATION_MARK.length;
  // Never split a surrogate pair.
  const code = clean.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return clean.slice(0, cut).trimEnd() + TRUNCATION_MARK;
}

export function toConfigEvaluation(evaluation: Evaluation, orderingTimestamp: Date): ConfigEvaluation {
  const out: ConfigEvaluation = {
    ComplianceResourceType: evaluation.resourceType,
    ComplianceResourceId: evaluation.resourceId,
    ComplianceType: evaluation.compliance as ConfigEvaluation['ComplianceType'],
    OrderingTimestamp: orderingTimestamp,
  };
  const annotation = fitAnnotation(evaluation.annotation);
  if (annotation !== undefined) out.Annotation = annotation;
  return out;
}

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalFailure',
  'InternalServerError',
]);

export interface SendOptions {
  /** AWS Config: the signed-request client (config-http.ts) or the SDK's (config-client.ts). */
  api: EvaluationsApi;
  resultToken: string;
  budget: Budget;
  /** Attempts per call when AWS Config throttles (on top of the SDK's own retries). */
  attempts?: number;
  /** Base of the exponential backoff with full jitter. */
  retryBaseMs?: number;
}

export interface SendResult {
  sent: number;
  calls: number;
  /** Evaluations not sent because the deadline came near. */
  left: ConfigEvaluation[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends evaluations in calls of at most 100, in order; `TestMode` when the token is `TESTMODE`.
 * An empty list still makes one call, which tells AWS Config the evaluation finished. Throttled
 * calls are retried with backoff while the time budget allows; FailedEvaluations make it throw
 * after every chunk was tried.
 */
export async function putEvaluations(
  evaluations: readonly ConfigEvaluation[],
  options: SendOptions,
): Promise<SendResult> {
  const testMode = options.resultToken === 'TESTMODE';
  const attempts = options.attempts ?? 6;
  const base = options.retryBaseMs ?? 200;
  const result: SendResult = { sent: 0, calls: 0, left: [] };
  const failed: string[] = [];
  const chunks: ConfigEvaluation[][] = [];
  for (let i = 0; i < evaluations.length; i += MAX_EVALUATIONS_PER_CALL) {
    chunks.push(evaluations.slice(i, i + MAX_EVALUATIONS_PER_CALL));
  }
  if (chunks.length === 0) chunks.push([]);
  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c]!;
    if (options.budget.exhausted()) {
      for (const rest of chunks.slice(c)) result.left.push(...rest);
      break;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const out = await options.api.putEvaluations({
          Evaluations: chunk,
          ResultToken: options.resultToken,
          TestMode: testMode,
        });
        result.calls++;
        result.sent += chunk.length;
        for (const f of out.FailedEvaluations ?? []) {
          failed.push(`${f.ComplianceResourceType} ${f.ComplianceResourceId}`);
        }
        break;
      } catch (error) {
        const code = errorCode(error);
        const delay = Math.round(Math.random() * base * 2 ** (attempt - 1));
        if (!THROTTLING.has(code) || attempt >= attempts || options.budget.exhausted(delay)) throw error;
        logger.warn('PutEvaluations throttled; retrying', {
          code,
          attempt,
          delayMs: delay,
          errorMessage: errorMessage(error),
        });
        await sleep(delay);
      }
    }
  }
  if (failed.length > 0) {
    result.sent -= failed.length;
    throw new PutEvaluationsError(
      `AWS Config rejected ${failed.length} evaluation(s): ${failed.slice(0, 10).join(', ')}${failed.length > 10 ? ', …' : ''}`,
    );
  }
  return result;
}
