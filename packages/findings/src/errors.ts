/** A finding that stays above Security Hub's 240 KB limit after every optional field is trimmed. */
export class FindingTooLargeError extends Error {
  override readonly name = 'FindingTooLargeError';
  constructor(
    readonly findingId: string,
    readonly bytes: number,
    readonly limit: number,
    options?: { cause?: unknown },
  ) {
    super(
      `Finding ${findingId} is ${bytes} bytes after truncation, above the ${limit}-byte limit of BatchImportFindings (its identifiers are never cut).`,
      options,
    );
  }
}

/** Global findings need a Security Hub region to live in, and the run named none. */
export class HomeRegionError extends Error {
  override readonly name = 'HomeRegionError';
}

/** The `--format json` output of `rampart evaluate`/`scan` is not what the exporter expects. */
export class EvaluationRunInputError extends Error {
  override readonly name = 'EvaluationRunInputError';
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** An AWS error reduced to what a summary needs: the code, a message and whether a retry may help. */
export interface AwsErrorInfo {
  code: string;
  message: string;
  retryable: boolean;
}

const RETRYABLE_CODE =
  /throttl|toomanyrequests|limitexceeded|requestlimitexceeded|slowdown|internal|serviceunavailable|timeout|econnreset|econnrefused|epipe|socket/i;

/** Whether a `FailedFindings` error code or an exception name says a retry may succeed. */
export function isRetryableCode(code: string): boolean {
  return RETRYABLE_CODE.test(code);
}

export function describeAwsError(error: unknown): AwsErrorInfo {
  if (error instanceof Error) {
    const meta = (error as { $metadata?: { httpStatusCode?: number } }).$metadata;
    const status = meta?.httpStatusCode;
    const code = (error as { code?: string }).code ?? error.name;
    const retryable =
      status === 429 ||
      (status !== undefined && status >= 500) ||
      (error as { $retryable?: unknown }).$retryable !== undefined ||
      isRetryableCode(code);
    return { code: code || 'Error', message: error.message || String(status ?? ''), retryable };
  }
  return { code: 'UnknownError', message: String(error), retryable: false };
}
