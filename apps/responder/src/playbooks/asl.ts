/** The subset of the Amazon States Language the playbooks use, typed. https://states-language.net/spec.html */

export interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: 'FULL' | 'NONE';
}

export interface Catcher {
  ErrorEquals: string[];
  Next: string;
  ResultPath?: string | null;
}

interface Base {
  Comment?: string;
  InputPath?: string | null;
  OutputPath?: string | null;
}

export interface TaskState extends Base {
  Type: 'Task';
  Resource: string;
  Parameters?: Record<string, unknown>;
  ResultPath?: string | null;
  TimeoutSeconds?: number;
  Retry?: Retrier[];
  Catch?: Catcher[];
  Next?: string;
  End?: true;
}

export interface ChoiceRule {
  Variable: string;
  BooleanEquals?: boolean;
  StringEquals?: string;
  IsPresent?: boolean;
  Next: string;
}

export interface ChoiceState extends Base {
  Type: 'Choice';
  Choices: ChoiceRule[];
  Default?: string;
}

export interface SucceedState extends Base {
  Type: 'Succeed';
}

export interface FailState {
  Type: 'Fail';
  Comment?: string;
  Error?: string;
  Cause?: string;
}

export type State = TaskState | ChoiceState | SucceedState | FailState;

export interface StateMachineDefinition {
  Comment?: string;
  StartAt: string;
  TimeoutSeconds?: number;
  States: Record<string, State>;
}
