import { RuleConfigurationError } from './errors.js';

/**
 * The event AWS Config sends a custom-rule Lambda and the notifications inside it, checked by hand
 * rather than with zod schemas: this runs on every cold start, where building and compiling the
 * schemas cost more than the check itself (see scripts/bench/config-rules.mjs). Each problem is
 * reported with the path of the field, as `path: message`.
 */

/** The outer event: `invokingEvent` and `ruleParameters` are JSON strings. Unknown fields are dropped. */
export interface ConfigRuleEvent {
  version?: string | undefined;
  invokingEvent: string;
  ruleParameters?: string | undefined;
  resultToken: string;
  eventLeftScope?: boolean | undefined;
  executionRoleArn?: string | undefined;
  configRuleArn?: string | undefined;
  configRuleName: string;
  configRuleId?: string | undefined;
  accountId: string;
  evaluationMode?: string | undefined;
}

/** The configuration item inside a change notification; the rest of it (kept) is read by the normalizer. */
export interface EventConfigurationItem {
  resourceType: string;
  resourceId: string;
  awsAccountId: string;
  awsRegion: string;
  configurationItemStatus: string;
  configurationItemCaptureTime?: string | number | null | undefined;
  ARN?: string | null | undefined;
  [key: string]: unknown;
}

export interface ChangeNotification {
  messageType: 'ConfigurationItemChangeNotification';
  configurationItem: EventConfigurationItem;
  configurationItemDiff?: unknown;
  notificationCreationTime: string;
  recordVersion?: string | undefined;
}

export interface OversizedNotification {
  messageType: 'OversizedConfigurationItemChangeNotification';
  configurationItemSummary: {
    resourceType: string;
    resourceId: string;
    awsAccountId: string;
    awsRegion: string;
    configurationItemStatus: string;
    configurationItemCaptureTime: string;
    ARN?: string | null | undefined;
    [key: string]: unknown;
  };
  notificationCreationTime: string;
  recordVersion?: string | undefined;
}

export interface ScheduledNotification {
  messageType: 'ScheduledNotification';
  awsAccountId: string;
  notificationCreationTime: string;
  recordVersion?: string | undefined;
}

export type InvokingEvent = ChangeNotification | OversizedNotification | ScheduledNotification;

/** Parameter names the function itself reads; the rest belong to the control. */
export const RESERVED_PARAMETERS = ['controlId', 'ExecutionRoleName'] as const;

export interface ParsedEvent {
  event: ConfigRuleEvent;
  invoking: InvokingEvent;
  controlId: string;
  executionRoleName: string | undefined;
  /** The control's own parameters, as AWS Config sent them (strings). */
  controlParameters: Record<string, unknown>;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const kind = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** Collects `path: message` problems while reading fields of one object. */
class Reader {
  readonly issues: string[] = [];
  constructor(
    private readonly source: Json,
    private readonly prefix = '',
  ) {}

  private fail(key: string, message: string): undefined {
    this.issues.push(`${this.prefix}${key}: ${message}`);
    return undefined;
  }

  /** A string; `required` fails on a missing one, `nonEmpty` on "". `nullable` lets null through as null. */
  string(key: string, o: { required?: boolean; nonEmpty?: boolean; nullable?: boolean; pattern?: RegExp } = {}) {
    const value = this.source[key];
    if (value === undefined) return o.required ? this.fail(key, 'expected a string, got nothing') : undefined;
    if (value === null && o.nullable) return null;
    if (typeof value !== 'string') return this.fail(key, `expected a string, got ${kind(value)}`);
    if (o.nonEmpty && value === '') return this.fail(key, 'must not be empty');
    if (o.pattern !== undefined && !o.pattern.test(value)) return this.fail(key, `must match ${o.pattern}`);
    return value;
  }

  boolean(key: string): boolean | undefined {
    const value = this.source[key];
    if (value === undefined || typeof value === 'boolean') return value;
    return this.fail(key, `expected a boolean, got ${kind(value)}`);
  }

  /** A capture time: a string or a number (epoch seconds), null or missing. */
  time(key: string): string | number | null | undefined {
    const value = this.source[key];
    if (value === undefined || value === null || typeof value === 'string' || typeof value === 'number') return value;
    return this.fail(key, `expected a string or a number, got ${kind(value)}`);
  }

  object(key: string): Json | undefined {
    const value = this.source[key];
    if (isObject(value)) return value;
    return this.fail(
      key,
      value === undefined ? 'expected an object, got nothing' : `expected an object, got ${kind(value)}`,
    );
  }
}

/** Checks the fields every item summary has; the copy keeps the other fields as they are. */
function itemFields(r: Reader, source: Json, captureTime: 'required' | 'optional'): Json {
  for (const key of ['resourceType', 'resourceId', 'awsAccountId', 'awsRegion', 'configurationItemStatus']) {
    r.string(key, { required: true, nonEmpty: true });
  }
  if (captureTime === 'required') r.string('configurationItemCaptureTime', { required: true, nonEmpty: true });
  else r.time('configurationItemCaptureTime');
  r.string('ARN', { nullable: true });
  return { ...source };
}

/** Sets only the keys whose value is defined, as a parsed object would have them. */
function defined<T extends Json>(fields: T): T {
  for (const key of Object.keys(fields)) if (fields[key] === undefined) delete fields[key];
  return fields;
}

function readOuter(raw: unknown): { event?: ConfigRuleEvent; issues: string[] } {
  if (!isObject(raw)) return { issues: [`(root): expected an object, got ${kind(raw)}`] };
  const r = new Reader(raw);
  const event = defined({
    version: r.string('version'),
    invokingEvent: r.string('invokingEvent', { required: true }),
    ruleParameters: r.string('ruleParameters'),
    resultToken: r.string('resultToken', { required: true, nonEmpty: true }),
    eventLeftScope: r.boolean('eventLeftScope'),
    executionRoleArn: r.string('executionRoleArn'),
    configRuleArn: r.string('configRuleArn'),
    configRuleName: r.string('configRuleName', { required: true, nonEmpty: true }),
    configRuleId: r.string('configRuleId'),
    accountId: r.string('accountId', { required: true, pattern: /^\d{12}$/ }),
    evaluationMode: r.string('evaluationMode'),
  });
  if (typeof event.invokingEvent === 'string' && event.invokingEvent.length < 2) {
    r.issues.push('invokingEvent: must be a JSON document');
  }
  return r.issues.length > 0 ? { issues: r.issues } : { event: event as ConfigRuleEvent, issues: [] };
}

const MESSAGE_TYPES = [
  'ConfigurationItemChangeNotification',
  'OversizedConfigurationItemChangeNotification',
  'ScheduledNotification',
];

function readInvoking(raw: unknown): { invoking?: InvokingEvent; issues: string[] } {
  if (!isObject(raw)) return { issues: [`(root): expected an object, got ${kind(raw)}`] };
  const messageType = raw['messageType'];
  if (typeof messageType !== 'string' || !MESSAGE_TYPES.includes(messageType)) {
    return {
      issues: [`messageType: expected one of ${MESSAGE_TYPES.join(', ')}, got ${JSON.stringify(messageType)}`],
    };
  }
  const r = new Reader(raw);
  const common = {
    notificationCreationTime: r.string('notificationCreationTime', { required: true }),
    recordVersion: r.string('recordVersion'),
  };
  /** The item (or summary) under `key`, checked: its problems are reported with `key.` in front. */
  const item = (key: string, captureTime: 'required' | 'optional') => {
    const source = r.object(key);
    if (source === undefined) return undefined;
    const ir = new Reader(source, `${key}.`);
    const copy = itemFields(ir, source, captureTime);
    r.issues.push(...ir.issues);
    return copy;
  };
  let invoking: Json;
  if (messageType === 'ConfigurationItemChangeNotification') {
    invoking = { messageType, configurationItem: item('configurationItem', 'optional'), ...common };
    if ('configurationItemDiff' in raw) invoking['configurationItemDiff'] = raw['configurationItemDiff'];
  } else if (messageType === 'OversizedConfigurationItemChangeNotification') {
    invoking = { messageType, configurationItemSummary: item('configurationItemSummary', 'required'), ...common };
  } else {
    invoking = {
      messageType,
      awsAccountId: r.string('awsAccountId', { required: true, nonEmpty: true }),
      ...common,
    };
  }
  return r.issues.length > 0
    ? { issues: r.issues }
    : { invoking: defined(invoking) as unknown as InvokingEvent, issues: [] };
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RuleConfigurationError(`${what} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

/** Validates the event and decodes its two JSON strings; anything wrong is a {@link RuleConfigurationError}. */
export function parseEvent(raw: unknown): ParsedEvent {
  const outer = readOuter(raw);
  if (outer.event === undefined) {
    throw new RuleConfigurationError(`Not an AWS Config rule event: ${outer.issues.join('; ')}`);
  }
  const event = outer.event;
  const inner = readInvoking(parseJson(event.invokingEvent, 'invokingEvent'));
  if (inner.invoking === undefined) {
    throw new RuleConfigurationError(`Unsupported invokingEvent: ${inner.issues.join('; ')}`);
  }
  const params = event.ruleParameters === undefined ? {} : parseJson(event.ruleParameters, 'ruleParameters');
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw new RuleConfigurationError('ruleParameters must be a JSON object');
  }
  const { controlId, ExecutionRoleName, ...controlParameters } = params as Record<string, unknown>;
  if (typeof controlId !== 'string' || controlId === '') {
    throw new RuleConfigurationError(
      `Rule ${event.configRuleName} has no "controlId" in its InputParameters: every Rampart rule names the control it runs`,
    );
  }
  if (
    ExecutionRoleName !== undefined &&
    (typeof ExecutionRoleName !== 'string' || !/^[\w+=,.@/-]{1,64}$/.test(ExecutionRoleName))
  ) {
    throw new RuleConfigurationError('ExecutionRoleName must be an IAM role name');
  }
  return {
    event,
    invoking: inner.invoking,
    controlId,
    executionRoleName: ExecutionRoleName === '' ? undefined : (ExecutionRoleName as string | undefined),
    controlParameters,
  };
}
