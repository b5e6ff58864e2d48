import type { PlaybookName } from '../incident.js';
import type { Catcher, Retrier, State, StateMachineDefinition, TaskState } from './asl.js';

/** A step of a playbook, optionally run only when a boolean field of the incident is true. */
export interface PlaybookStep {
  step: string;
  /** `stopInstance`: the Choice state reads `$.incident.stopInstance`. */
  when?: 'stopInstance';
}

export interface Playbook {
  name: PlaybookName;
  title: string;
  /** The acting steps in order, between start-incident and notify / record-timeline. */
  steps: readonly PlaybookStep[];
}

/**
 * The three playbooks. Order matters: evidence is read before it can change; in EC2 compromise the
 * instance leaves its Auto Scaling group and target groups before isolation, or failing health checks
 * would get it terminated (the playbook must never terminate it).
 */
export const PLAYBOOKS: Readonly<Record<PlaybookName, Playbook>> = {
  'compromised-access-key': {
    name: 'compromised-access-key',
    title: 'Compromised IAM access key',
    steps: [
      { step: 'record-key-last-use' },
      { step: 'deactivate-access-key' },
      { step: 'attach-deny-policy' },
      { step: 'collect-cloudtrail-events' },
    ],
  },
  'public-s3-exposure': {
    name: 'public-s3-exposure',
    title: 'Publicly exposed S3 bucket',
    steps: [
      // Blocking first cuts exposure at once; it does not change the policy or ACL saved next.
      { step: 'block-public-access' },
      { step: 'save-bucket-access-evidence' },
      { step: 'remove-public-statements' },
    ],
  },
  'ec2-compromise': {
    name: 'ec2-compromise',
    title: 'Compromised EC2 instance',
    steps: [
      { step: 'capture-instance-metadata' },
      { step: 'tag-instance' },
      { step: 'snapshot-volumes' },
      { step: 'detach-from-load-balancing' },
      { step: 'isolate-instance' },
      { step: 'stop-instance', when: 'stopInstance' },
    ],
  },
};

/** Every step id a playbook's state machine invokes, start to end. */
export function playbookStepIds(name: PlaybookName): string[] {
  return ['start-incident', ...PLAYBOOKS[name].steps.map((s) => s.step), 'notify', 'record-timeline'];
}

export interface DefinitionOptions {
  /** The ARN of a step's Lambda function (a literal, or a placeholder the deployer fills in). */
  functionArn: (stepId: string) => string;
  /** Runs started without `dryRun` in their input (EventBridge) plan only. */
  dryRunByDefault?: boolean;
  /** EC2 compromise: stop the instance when the input does not say. */
  stopInstanceByDefault?: boolean;
  /** The whole run's limit. */
  timeoutSeconds?: number;
}

/** Retries for the Lambda service's transient errors and for AWS throttling that outlasted the SDK's retries. */
export const TASK_RETRY: Retrier[] = [
  {
    ErrorEquals: [
      'Lambda.ServiceException',
      'Lambda.AWSLambdaException',
      'Lambda.SdkClientException',
      'Lambda.TooManyRequestsException',
    ],
    IntervalSeconds: 2,
    MaxAttempts: 6,
    BackoffRate: 2,
    JitterStrategy: 'FULL',
  },
  {
    ErrorEquals: ['ThrottledError'],
    IntervalSeconds: 5,
    MaxAttempts: 5,
    BackoffRate: 2,
    MaxDelaySeconds: 120,
    JitterStrategy: 'FULL',
  },
];

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

function camel(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The state name of a step. */
export function stateName(stepId: string): string {
  return pascal(stepId);
}

const FAILURE: Catcher[] = [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'RecordFailure' }];

function task(arn: string, resultPath: string | null, next: string, extra: Partial<TaskState> = {}): TaskState {
  return {
    Type: 'Task',
    Resource: arn,
    ResultPath: resultPath,
    TimeoutSeconds: 300,
    Retry: TASK_RETRY,
    ...extra,
    Next: next,
  };
}

/** The playbook's Step Functions definition, generated from {@link PLAYBOOKS}. */
export function playbookDefinition(name: PlaybookName, options: DefinitionOptions): StateMachineDefinition {
  const playbook = PLAYBOOKS[name];
  const arn = options.functionArn;
  const states: Record<string, State> = {};
  const acting = playbook.steps;
  const firstAfterStart = acting.length > 0 ? stateName(acting[0]!.step) : 'Notify';

  states['StartIncident'] = task(arn('start-incident'), '$', firstAfterStart, {
    Comment: 'Normalizes the finding or request into $.incident',
    Parameters: {
      'input.$': '$',
      playbook: name,
      'executionId.$': '$$.Execution.Id',
      'executionStartTime.$': '$$.Execution.StartTime',
      defaultDryRun: options.dryRunByDefault ?? false,
      defaultStopInstance: options.stopInstanceByDefault ?? false,
    },
    Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'NotStarted' }],
  });

  acting.forEach((s, i) => {
    const next = i + 1 < acting.length ? stateName(acting[i + 1]!.step) : 'Notify';
    const name = stateName(s.step);
    if (s.when !== undefined) {
      // The condition gets its own Choice state in front of the step; the step's name stays the step's.
      const choice = `${pascal(s.when)}Requested`;
      const previous = i === 0 ? 'StartIncident' : stateName(acting[i - 1]!.step);
      const prev = states[previous] as TaskState;
      prev.Next = choice;
      states[choice] = {
        Type: 'Choice',
        Choices: [{ Variable: `$.incident.${s.when}`, BooleanEquals: true, Next: name }],
        Default: next,
      };
    }
    states[name] = task(arn(s.step), `$.steps.${camel(s.step)}`, next, { Catch: FAILURE });
  });

  states['Notify'] = task(arn('notify'), '$.steps.notify', 'RecordTimeline', { Catch: FAILURE });
  states['RecordTimeline'] = task(arn('record-timeline'), '$.steps.recordTimeline', 'Done', {
    Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Failed' }],
  });
  states['Done'] = { Type: 'Succeed', Comment: 'The output holds every step result: the plan, in a dry run' };
  states['RecordFailure'] = task(arn('record-timeline'), '$.failureTimeline', 'NotifyFailure', {
    Comment: 'Writes the timeline up to the failed step, with the error',
    Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failureTimelineError', Next: 'NotifyFailure' }],
  });
  states['NotifyFailure'] = task(arn('notify'), '$.failureNotification', 'Failed', {
    Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failureNotificationError', Next: 'Failed' }],
  });
  states['Failed'] = {
    Type: 'Fail',
    Error: 'PlaybookFailed',
    Cause: 'A step failed: see the run timeline and $.error',
  };
  states['NotStarted'] = {
    Type: 'Fail',
    Error: 'IncidentNotStarted',
    Cause: 'The input is not a finding or request this playbook handles',
  };

  return {
    Comment: `Rampart incident response: ${playbook.title} (${name})`,
    StartAt: 'StartIncident',
    TimeoutSeconds: options.timeoutSeconds ?? 3600,
    States: states,
  };
}
