/** Errors the collectors raise. Each sets `name` and keeps the underlying error as `cause`. */

/** Options that cannot work together or values that are malformed (a usage error for the CLI). */
export class CollectorOptionsError extends Error {
  override readonly name = 'CollectorOptionsError';
}

/**
 * Reading the caller's identity or the list of regions failed: without them nothing can be scanned,
 * so this one aborts the scan (every other failure becomes a `collectionError` line).
 */
export class ScanSetupError extends Error {
  override readonly name = 'ScanSetupError';
}

/** The AWS error code of an SDK error (`AccessDeniedException`, `ECONNREFUSED`, ...), or the error's name. */
export function errorCode(error: unknown): string {
  if (error !== null && typeof error === 'object') {
    const e = error as { name?: unknown; code?: unknown; Code?: unknown; errno?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && e.code !== '') return e.code;
    if (typeof e.Code === 'string' && e.Code !== '') return e.Code;
    if (typeof e.name === 'string' && e.name !== '' && e.name !== 'Error') return e.name;
    if (e.cause !== undefined) return errorCode(e.cause);
  }
  return 'UnknownError';
}

/** A one-line message for a collection error: SDK errors often hide the useful part in `cause`. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const own = error.message.trim();
    const cause = error.cause instanceof Error ? error.cause.message.trim() : '';
    const text =
      own === '' || own === 'UnknownError' ? cause : cause !== '' && !own.includes(cause) ? `${own} (${cause})` : own;
    return text.replace(/\s+/g, ' ').slice(0, 500);
  }
  return String(error).slice(0, 500);
}

/** Whether the error is the API's way of saying "this is not configured" (a value, not a failure). */
export function isNotFound(error: unknown, codes: readonly string[]): boolean {
  const code = errorCode(error);
  return codes.includes(code);
}
