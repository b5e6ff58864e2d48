/** Errors a step throws. Each sets `name` (Step Functions matches Retry and Catch on it) and keeps `cause`. */

/** The environment is missing or malformed: the function is deployed wrong. */
export class EnvironmentError extends Error {
  override readonly name = 'EnvironmentError';
}

/** The execution input is not an event or request this playbook understands. */
export class IncidentInputError extends Error {
  override readonly name = 'IncidentInputError';
}

/** AWS kept throttling after the SDK's own retries; the state machine retries the step with backoff. */
export class ThrottledError extends Error {
  override readonly name = 'ThrottledError';
}

/** The resource the finding names does not exist (any more). */
export class ResourceNotFoundError extends Error {
  override readonly name = 'ResourceNotFoundError';
}

/** No pre-deployed isolation security group in the instance's VPC: the IncidentResponse component deploys one. */
export class IsolationGroupMissingError extends Error {
  override readonly name = 'IsolationGroupMissingError';
}

/** Error codes AWS services use for throttling. */
const THROTTLING_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
  'BandwidthLimitExceeded',
  'ProvisionedThroughputExceededException',
]);

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

export function isThrottling(error: unknown): boolean {
  if (THROTTLING_CODES.has(errorCode(error))) return true;
  const meta = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata;
  return meta?.httpStatusCode === 429;
}

/** One line, bounded, for logs and results. */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim().slice(0, 500);
}
