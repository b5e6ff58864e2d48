/** The run finished, but some results could not be read or some findings not imported; the report says which. */
export class ReportRunError extends Error {
  override readonly name = 'ReportRunError';
}

export function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const e = error as { name?: unknown; Code?: unknown };
    if (typeof e.Code === 'string') return e.Code;
    if (typeof e.name === 'string') return e.name;
  }
  return 'Error';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
