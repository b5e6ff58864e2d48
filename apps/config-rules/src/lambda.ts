/** The parts of the Lambda context the handler uses (the Node.js runtime passes more). */
export interface LambdaContext {
  awsRequestId: string;
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  logGroupName?: string;
  logStreamName?: string;
  callbackWaitsForEmptyEventLoop?: boolean;
  getRemainingTimeInMillis(): number;
}

/** Tracks the time left before the Lambda deadline, keeping `reserveMs` back for sending and logging. */
export class Budget {
  constructor(
    private readonly context: Pick<LambdaContext, 'getRemainingTimeInMillis'> | undefined,
    readonly reserveMs: number,
  ) {}

  remainingMs(): number {
    const left = this.context?.getRemainingTimeInMillis?.();
    return typeof left === 'number' && Number.isFinite(left) ? left : Number.POSITIVE_INFINITY;
  }

  /** Whether work that takes about `neededMs` would eat into the reserve. */
  exhausted(neededMs = 0): boolean {
    return this.remainingMs() - neededMs < this.reserveMs;
  }
}
