/**
 * A structural validator for the Amazon States Language subset Rampart generates (Task, Choice, Pass,
 * Wait, Succeed, Fail): required fields per state type, Next/End, every reference resolves, every state is
 * reachable and can reach a terminal state, Retry and Catch shapes, paths. Returns the problems found.
 */

const STATE_TYPES = ['Task', 'Choice', 'Pass', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'] as const;

const COMMON = ['Type', 'Comment'];
const IO = ['InputPath', 'OutputPath'];
const ALLOWED_FIELDS: Record<string, string[]> = {
  Task: [
    ...COMMON,
    ...IO,
    'Resource',
    'Parameters',
    'ResultSelector',
    'ResultPath',
    'TimeoutSeconds',
    'TimeoutSecondsPath',
    'HeartbeatSeconds',
    'HeartbeatSecondsPath',
    'Retry',
    'Catch',
    'Next',
    'End',
    'Credentials',
  ],
  Choice: [...COMMON, ...IO, 'Choices', 'Default'],
  Pass: [...COMMON, ...IO, 'Parameters', 'Result', 'ResultPath', 'Next', 'End'],
  Wait: [...COMMON, ...IO, 'Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath', 'Next', 'End'],
  Succeed: [...COMMON, ...IO],
  Fail: [...COMMON, 'Error', 'Cause', 'ErrorPath', 'CausePath'],
  Parallel: [
    ...COMMON,
    ...IO,
    'Branches',
    'Parameters',
    'ResultSelector',
    'ResultPath',
    'Retry',
    'Catch',
    'Next',
    'End',
  ],
  Map: [
    ...COMMON,
    ...IO,
    'ItemProcessor',
    'Iterator',
    'ItemsPath',
    'ItemSelector',
    'Parameters',
    'MaxConcurrency',
    'ResultSelector',
    'ResultPath',
    'Retry',
    'Catch',
    'Next',
    'End',
  ],
};

const COMPARISONS = [
  'And',
  'Or',
  'Not',
  'BooleanEquals',
  'BooleanEqualsPath',
  'IsBoolean',
  'IsNull',
  'IsNumeric',
  'IsPresent',
  'IsString',
  'IsTimestamp',
  'NumericEquals',
  'NumericEqualsPath',
  'NumericGreaterThan',
  'NumericGreaterThanPath',
  'NumericGreaterThanEquals',
  'NumericGreaterThanEqualsPath',
  'NumericLessThan',
  'NumericLessThanPath',
  'NumericLessThanEquals',
  'NumericLessThanEqualsPath',
  'StringEquals',
  'StringEqualsPath',
  'StringGreaterThan',
  'StringGreaterThanPath',
  'StringGreaterThanEquals',
  'StringGreaterThanEqualsPath',
  'StringLessThan',
  'StringLessThanPath',
  'StringLessThanEquals',
  'StringLessThanEqualsPath',
  'StringMatches',
  'TimestampEquals',
  'TimestampEqualsPath',
  'TimestampGreaterThan',
  'TimestampGreaterThanPath',
  'TimestampGreaterThanEquals',
  'TimestampGreaterThanEqualsPath',
  'TimestampLessThan',
  'TimestampLessThanPath',
  'TimestampLessThanEquals',
  'TimestampLessThanEqualsPath',
];

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isPath(v: unknown): boolean {
  return typeof v === 'string' && (v === '$' || v.startsWith('$.') || v.startsWith('$[') || v.startsWith('$$.'));
}

function checkPaths(state: Obj, at: string, problems: string[]): void {
  for (const field of ['InputPath', 'OutputPath', 'ResultPath']) {
    if (!(field in state)) continue;
    const v = state[field];
    if (v !== null && !isPath(v)) problems.push(`${at}.${field} must be a path starting with "$" or null`);
  }
  const params = state['Parameters'];
  if (params !== undefined) checkPayloadTemplate(params, `${at}.Parameters`, problems);
}

function checkPayloadTemplate(value: unknown, at: string, problems: string[]): void {
  if (!isObj(value)) return;
  for (const [k, v] of Object.entries(value)) {
    if (k.endsWith('.$')) {
      if (typeof v !== 'string' || !(isPath(v) || v.startsWith('States.'))) {
        problems.push(`${at}.${k} ends in ".$" so its value must be a path or an intrinsic function`);
      }
    } else checkPayloadTemplate(v, `${at}.${k}`, problems);
  }
}

function checkErrorEquals(list: unknown, at: string, isLast: boolean, problems: string[]): void {
  if (!Array.isArray(list) || list.length === 0 || !list.every((e) => typeof e === 'string' && e !== '')) {
    problems.push(`${at}.ErrorEquals must be a non-empty list of error names`);
    return;
  }
  if (list.includes('States.ALL') && (list.length > 1 || !isLast)) {
    problems.push(`${at}: States.ALL must appear alone and in the last retrier or catcher`);
  }
}

function checkRetry(retry: unknown, at: string, problems: string[]): void {
  if (!Array.isArray(retry)) {
    problems.push(`${at}.Retry must be a list`);
    return;
  }
  retry.forEach((r, i) => {
    const where = `${at}.Retry[${i}]`;
    if (!isObj(r)) {
      problems.push(`${where} must be an object`);
      return;
    }
    checkErrorEquals(r['ErrorEquals'], where, i === retry.length - 1, problems);
    const allowed = [
      'ErrorEquals',
      'IntervalSeconds',
      'MaxAttempts',
      'BackoffRate',
      'MaxDelaySeconds',
      'JitterStrategy',
      'Comment',
    ];
    for (const k of Object.keys(r)) if (!allowed.includes(k)) problems.push(`${where} has unknown field ${k}`);
    const interval = r['IntervalSeconds'];
    if (interval !== undefined && (!Number.isInteger(interval) || (interval as number) < 1)) {
      problems.push(`${where}.IntervalSeconds must be a positive integer`);
    }
    const attempts = r['MaxAttempts'];
    if (attempts !== undefined && (!Number.isInteger(attempts) || (attempts as number) < 0)) {
      problems.push(`${where}.MaxAttempts must be a non-negative integer`);
    }
    const backoff = r['BackoffRate'];
    if (backoff !== undefined && (typeof backoff !== 'number' || backoff < 1)) {
      problems.push(`${where}.BackoffRate must be a number of at least 1`);
    }
    const delay = r['MaxDelaySeconds'];
    if (delay !== undefined && (!Number.isInteger(delay) || (delay as number) < 1)) {
      problems.push(`${where}.MaxDelaySeconds must be a positive integer`);
    }
    const jitter = r['JitterStrategy'];
    if (jitter !== undefined && jitter !== 'FULL' && jitter !== 'NONE') {
      problems.push(`${where}.JitterStrategy must be FULL or NONE`);
    }
  });
}

function checkCatch(catchers: unknown, at: string, problems: string[], refs: string[]): void {
  if (!Array.isArray(catchers)) {
    problems.push(`${at}.Catch must be a list`);
    return;
  }
  catchers.forEach((c, i) => {
    const where = `${at}.Catch[${i}]`;
    if (!isObj(c)) {
      problems.push(`${where} must be an object`);
      return;
    }
    checkErrorEquals(c['ErrorEquals'], where, i === catchers.length - 1, problems);
    for (const k of Object.keys(c)) {
      if (!['ErrorEquals', 'Next', 'ResultPath', 'Comment'].includes(k))
        problems.push(`${where} has unknown field ${k}`);
    }
    if (typeof c['Next'] !== 'string') problems.push(`${where}.Next is required`);
    else refs.push(c['Next']);
    if ('ResultPath' in c && c['ResultPath'] !== null && !isPath(c['ResultPath'])) {
      problems.push(`${where}.ResultPath must be a path or null`);
    }
  });
}

function checkChoiceRule(rule: unknown, at: string, problems: string[], top: boolean): void {
  if (!isObj(rule)) {
    problems.push(`${at} must be an object`);
    return;
  }
  const ops = Object.keys(rule).filter((k) => COMPARISONS.includes(k));
  if (ops.length !== 1) problems.push(`${at} must have exactly one comparison operator`);
  const op = ops[0];
  if (op === 'And' || op === 'Or') {
    const list = rule[op];
    if (!Array.isArray(list) || list.length === 0) problems.push(`${at}.${op} must be a non-empty list`);
    else {
      list.forEach((r, i) => {
        checkChoiceRule(r, `${at}.${op}[${i}]`, problems, false);
      });
    }
  } else if (op === 'Not') checkChoiceRule(rule['Not'], `${at}.Not`, problems, false);
  else if (op !== undefined && !isPath(rule['Variable'])) problems.push(`${at}.Variable must be a path`);
  if (top && typeof rule['Next'] !== 'string') problems.push(`${at}.Next is required`);
  if (!top && 'Next' in rule) problems.push(`${at}: nested rules have no Next`);
}

/** Problems with a state machine definition (an object or JSON text); empty when it is valid. */
export function validateStateMachine(input: unknown): string[] {
  const problems: string[] = [];
  let def: unknown = input;
  if (typeof input === 'string') {
    try {
      def = JSON.parse(input);
    } catch (error) {
      return [`definition is not JSON: ${(error as Error).message}`];
    }
  }
  if (!isObj(def)) return ['definition must be an object'];
  for (const k of Object.keys(def)) {
    if (!['Comment', 'StartAt', 'States', 'TimeoutSeconds', 'Version', 'QueryLanguage'].includes(k)) {
      problems.push(`unknown top-level field ${k}`);
    }
  }
  const states = def['States'];
  if (!isObj(states) || Object.keys(states).length === 0) return [...problems, 'States must be a non-empty object'];
  const startAt = def['StartAt'];
  if (typeof startAt !== 'string') problems.push('StartAt is required');
  else if (!(startAt in states)) problems.push(`StartAt names ${startAt}, which is not a state`);
  const timeout = def['TimeoutSeconds'];
  if (timeout !== undefined && (!Number.isInteger(timeout) || (timeout as number) < 1)) {
    problems.push('TimeoutSeconds must be a positive integer');
  }

  const edges = new Map<string, string[]>();
  const terminal = new Set<string>();
  for (const [name, raw] of Object.entries(states)) {
    const at = `States.${name}`;
    const refs: string[] = [];
    edges.set(name, refs);
    if (name.length > 80) problems.push(`${at}: state names are at most 80 characters`);
    if (!isObj(raw)) {
      problems.push(`${at} must be an object`);
      continue;
    }
    const type = raw['Type'];
    if (typeof type !== 'string' || !(STATE_TYPES as readonly string[]).includes(type)) {
      problems.push(`${at}.Type must be one of ${STATE_TYPES.join(', ')}`);
      continue;
    }
    for (const k of Object.keys(raw)) {
      if (!ALLOWED_FIELDS[type]!.includes(k)) problems.push(`${at} (${type}) has unknown field ${k}`);
    }
    checkPaths(raw, at, problems);
    const flows = ['Task', 'Pass', 'Wait', 'Parallel', 'Map'].includes(type);
    if (flows) {
      const hasNext = typeof raw['Next'] === 'string';
      const hasEnd = raw['End'] === true;
      if (hasNext === hasEnd) problems.push(`${at} must have exactly one of Next and End: true`);
      if (hasNext) refs.push(raw['Next'] as string);
      if (hasEnd) terminal.add(name);
    } else if ('Next' in raw || 'End' in raw) {
      problems.push(`${at} (${type}) cannot have Next or End`);
    }
    if (type === 'Succeed' || type === 'Fail') terminal.add(name);
    if (type === 'Task') {
      if (typeof raw['Resource'] !== 'string' || raw['Resource'] === '') problems.push(`${at}.Resource is required`);
      const t = raw['TimeoutSeconds'];
      if (t !== undefined && (!Number.isInteger(t) || (t as number) < 1)) {
        problems.push(`${at}.TimeoutSeconds must be a positive integer`);
      }
    }
    if ('Retry' in raw) checkRetry(raw['Retry'], at, problems);
    if ('Catch' in raw) checkCatch(raw['Catch'], at, problems, refs);
    if (type === 'Choice') {
      const choices = raw['Choices'];
      if (!Array.isArray(choices) || choices.length === 0) problems.push(`${at}.Choices must be a non-empty list`);
      else {
        choices.forEach((c, i) => {
          checkChoiceRule(c, `${at}.Choices[${i}]`, problems, true);
          if (isObj(c) && typeof c['Next'] === 'string') refs.push(c['Next']);
        });
      }
      if ('Default' in raw) {
        if (typeof raw['Default'] !== 'string') problems.push(`${at}.Default must be a state name`);
        else refs.push(raw['Default']);
      }
    }
    if (type === 'Fail') {
      for (const k of ['Error', 'Cause']) {
        if (k in raw && typeof raw[k] !== 'string') problems.push(`${at}.${k} must be a string`);
      }
    }
    for (const ref of refs) {
      if (!(ref in states)) problems.push(`${at} refers to ${ref}, which is not a state`);
    }
  }

  // Every state reachable from StartAt.
  if (typeof startAt === 'string' && startAt in states) {
    const seen = new Set<string>([startAt]);
    const queue = [startAt];
    while (queue.length > 0) {
      for (const next of edges.get(queue.shift()!) ?? []) {
        if (next in states && !seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    for (const name of Object.keys(states))
      if (!seen.has(name)) problems.push(`States.${name} is unreachable from ${startAt}`);
  }

  // Every state can reach a terminal state (no closed loops without an exit).
  const canEnd = new Set(terminal);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [name, refs] of edges) {
      if (!canEnd.has(name) && refs.some((r) => canEnd.has(r))) {
        canEnd.add(name);
        grew = true;
      }
    }
  }
  if (terminal.size === 0) problems.push('no terminal state (Succeed, Fail or End: true)');
  for (const name of edges.keys()) if (!canEnd.has(name)) problems.push(`States.${name} cannot reach a terminal state`);
  return problems;
}
