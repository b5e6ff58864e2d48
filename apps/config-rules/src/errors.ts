/** Errors that fail an invocation. Each sets `name` and keeps the underlying error as `cause`. */

/** The event, the rule's parameters or its control id are wrong: the rule cannot run as configured. */
export class RuleConfigurationError extends Error {
  override readonly name = 'RuleConfigurationError';
}

/** Some verdicts were INSUFFICIENT_DATA or ERROR, which PutEvaluations cannot carry; the rest was sent. */
export class EvaluationGapError extends Error {
  override readonly name = 'EvaluationGapError';
}

/** The Lambda deadline came near: what was done was sent, the rest is named in the log. */
export class TimeBudgetError extends Error {
  override readonly name = 'TimeBudgetError';
}

/** AWS Config rejected evaluations (FailedEvaluations in the PutEvaluations response). */
export class PutEvaluationsError extends Error {
  override readonly name = 'PutEvaluationsError';
}

/** The AWS error code of an SDK error, or the error's name. */
export function errorCode(error: unknown): string {
  if (error !== null && typeof error === 'object') {
    const e = error as { name?: unknown; Code?: unknown; code?: unknown };
    if (typeof e.Code === 'string' && e.Code !== '') return e.Code;
    if (typeof e.code === 'string' && e.code !== '') return e.code;
    if (typeof e.name === 'string' && e.name !== '' && e.name !== 'Error') return e.name;
  }
  return 'UnknownError';
}

/** One line, bounded, for logs and annotations. */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim().slice(0, 500);
}
