import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PLAYBOOK_NAMES,
  PLAYBOOKS,
  playbookDefinition,
  playbookStepIds,
  STEP_FUNCTIONS,
  STEP_SOURCES,
  type State,
  type StateMachineDefinition,
  stateName,
  type TaskState,
  validateStateMachine,
} from '../../src/index.js';

const ARN = (id: string) => `arn:aws:lambda:eu-west-1:123456789012:function:rampart-ir-${id}`;

function definition(name: (typeof PLAYBOOK_NAMES)[number]): StateMachineDefinition {
  return playbookDefinition(name, { functionArn: ARN });
}

describe.each(PLAYBOOK_NAMES)('%s definition', (name) => {
  const def = definition(name);

  it('is valid Amazon States Language', () => {
    expect(validateStateMachine(def)).toEqual([]);
    expect(validateStateMachine(JSON.stringify(def))).toEqual([]);
  });

  it('runs start-incident, the playbook steps in order, then notify and record-timeline', () => {
    const order: string[] = [];
    let current: string | undefined = def.StartAt;
    const seen = new Set<string>();
    while (current !== undefined && !seen.has(current)) {
      seen.add(current);
      const s: State = def.States[current]!;
      if (s.Type === 'Task') order.push(current);
      // Follow the path where every optional step runs.
      current = s.Type === 'Task' ? s.Next : s.Type === 'Choice' ? s.Choices[0]!.Next : undefined;
    }
    expect(order).toEqual(playbookStepIds(name).map(stateName));
  });

  it('gives every step task Retry for Lambda errors and ThrottledError, and a Catch that records the failure', () => {
    for (const id of playbookStepIds(name).slice(1, -2)) {
      const task = def.States[stateName(id)] as TaskState;
      expect(task.Resource).toBe(ARN(id));
      expect(task.Retry?.flatMap((r) => r.ErrorEquals)).toEqual(
        expect.arrayContaining(['Lambda.ServiceException', 'Lambda.TooManyRequestsException', 'ThrottledError']),
      );
      expect(task.Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'RecordFailure' }]);
      expect(task.ResultPath).toBe(`$.steps.${STEP_FUNCTIONS.find((s) => s.id === id)!.key}`);
    }
  });

  it('names a deployed step function with a bundle entry for every task', () => {
    for (const id of playbookStepIds(name)) {
      expect(STEP_FUNCTIONS.map((s) => s.id)).toContain(id);
      expect(existsSync(join(import.meta.dirname, '../../src', STEP_SOURCES[id]!))).toBe(true);
      expect(STEP_FUNCTIONS.find((s) => s.id === id)!.playbooks).toContain(name);
    }
  });
});

describe('playbook options', () => {
  it('bakes the dry-run and stop defaults into the start state', () => {
    const def = playbookDefinition('ec2-compromise', {
      functionArn: ARN,
      dryRunByDefault: true,
      stopInstanceByDefault: true,
    });
    const start = def.States['StartIncident'] as TaskState;
    expect(start.Parameters).toMatchObject({
      defaultDryRun: true,
      defaultStopInstance: true,
      playbook: 'ec2-compromise',
    });
    expect(start.Parameters?.['executionId.$']).toBe('$$.Execution.Id');
  });

  it('stops the instance only when $.incident.stopInstance is true', () => {
    const def = definition('ec2-compromise');
    expect(def.States['StopInstanceRequested']).toEqual({
      Type: 'Choice',
      Choices: [{ Variable: '$.incident.stopInstance', BooleanEquals: true, Next: 'StopInstance' }],
      Default: 'Notify',
    });
    expect((def.States['IsolateInstance'] as TaskState).Next).toBe('StopInstanceRequested');
  });

  it('lists the three playbooks the incident-response-playbooks-deployed control looks for', () => {
    expect(Object.keys(PLAYBOOKS).sort()).toEqual(['compromised-access-key', 'ec2-compromise', 'public-s3-exposure']);
  });
});

describe('validateStateMachine', () => {
  const valid = (): StateMachineDefinition => definition('public-s3-exposure');

  it('requires StartAt to name a state and States to be non-empty', () => {
    expect(validateStateMachine({ StartAt: 'X', States: {} })).toEqual(['States must be a non-empty object']);
    const def = valid();
    def.StartAt = 'Nowhere';
    expect(validateStateMachine(def)).toContain('StartAt names Nowhere, which is not a state');
    expect(validateStateMachine('{not json')[0]).toMatch(/^definition is not JSON/);
  });

  it('finds references to missing states from Next, Default and Catch', () => {
    const def = valid();
    (def.States['Notify'] as TaskState).Next = 'Missing';
    (def.States['BlockPublicAccess'] as TaskState).Catch = [{ ErrorEquals: ['States.ALL'], Next: 'Gone' }];
    const problems = validateStateMachine(def);
    expect(problems).toContain('States.Notify refers to Missing, which is not a state');
    expect(problems).toContain('States.BlockPublicAccess refers to Gone, which is not a state');
  });

  it('requires exactly one of Next and End on a Task, and a Resource', () => {
    const def = valid();
    const task = def.States['Notify'] as TaskState;
    task.End = true;
    (def.States['RecordTimeline'] as Partial<TaskState>).Resource = undefined;
    const problems = validateStateMachine(def);
    expect(problems).toContain('States.Notify must have exactly one of Next and End: true');
    expect(problems).toContain('States.RecordTimeline.Resource is required');
  });

  it('finds unreachable states and states that cannot reach a terminal state', () => {
    const def = valid();
    def.States['Orphan'] = { Type: 'Succeed' };
    def.States['LoopA'] = { Type: 'Task', Resource: ARN('x'), Next: 'LoopB' };
    def.States['LoopB'] = { Type: 'Task', Resource: ARN('x'), Next: 'LoopA' };
    (def.States['Notify'] as TaskState).Next = 'LoopA';
    const problems = validateStateMachine(def);
    expect(problems).toContain('States.Orphan is unreachable from StartIncident');
    expect(problems).toContain('States.LoopA cannot reach a terminal state');
  });

  it('checks Retry and Catch shapes', () => {
    const def = valid();
    const task = def.States['BlockPublicAccess'] as TaskState;
    task.Retry = [
      { ErrorEquals: ['States.ALL'], MaxAttempts: 2 },
      { ErrorEquals: [], IntervalSeconds: 0, BackoffRate: 0.5 },
      { ErrorEquals: ['X'], JitterStrategy: 'SOME' as 'FULL' },
    ];
    task.Catch = [{ ErrorEquals: ['States.ALL', 'Other'], Next: 'RecordFailure', ResultPath: 'error' }];
    const problems = validateStateMachine(def);
    expect(problems).toEqual(
      expect.arrayContaining([
        'States.BlockPublicAccess.Retry[0]: States.ALL must appear alone and in the last retrier or catcher',
        'States.BlockPublicAccess.Retry[1].ErrorEquals must be a non-empty list of error names',
        'States.BlockPublicAccess.Retry[1].IntervalSeconds must be a positive integer',
        'States.BlockPublicAccess.Retry[1].BackoffRate must be a number of at least 1',
        'States.BlockPublicAccess.Retry[2].JitterStrategy must be FULL or NONE',
        'States.BlockPublicAccess.Catch[0]: States.ALL must appear alone and in the last retrier or catcher',
        'States.BlockPublicAccess.Catch[0].ResultPath must be a path or null',
      ]),
    );
  });

  it('checks Choice rules, unknown fields and parameter paths', () => {
    const def = definition('ec2-compromise');
    def.States['StopInstanceRequested'] = {
      Type: 'Choice',
      Choices: [{ Variable: 'incident', BooleanEquals: true, Next: 'StopInstance' }],
    };
    (def.States['Notify'] as unknown as Record<string, unknown>)['Resources'] = 'x';
    (def.States['StartIncident'] as TaskState).Parameters = { 'input.$': 'not-a-path' };
    def.States['Done'] = { Type: 'Succeed', Next: 'Notify' } as never;
    const problems = validateStateMachine(def);
    expect(problems).toEqual(
      expect.arrayContaining([
        'States.StopInstanceRequested.Choices[0].Variable must be a path',
        'States.Notify (Task) has unknown field Resources',
        'States.StartIncident.Parameters.input.$ ends in ".$" so its value must be a path or an intrinsic function',
        'States.Done (Succeed) cannot have Next or End',
      ]),
    );
  });
});
