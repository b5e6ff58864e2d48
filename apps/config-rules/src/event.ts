import * as z from 'zod';
import { RuleConfigurationError } from './errors.js';

/** The event AWS Config sends a custom-rule Lambda: `invokingEvent` and `ruleParameters` are JSON strings. */
export const ConfigRuleEventSchema = z.object({
  version: z.string().optional(),
  invokingEvent: z.string().min(2),
  ruleParameters: z.string().optional(),
  resultToken: z.string().min(1),
  eventLeftScope: z.boolean().optional(),
  executionRoleArn: z.string().optional(),
  configRuleArn: z.string().optional(),
  configRuleName: z.string().min(1),
  configRuleId: z.string().optional(),
  accountId: z.string().regex(/^\d{12}$/),
  evaluationMode: z.string().optional(),
});
export type ConfigRuleEvent = z.infer<typeof ConfigRuleEventSchema>;

const CaptureTimeSchema = z.union([z.string(), z.number()]).nullish();

/** The configuration item inside a change notification; the rest of it is read by the normalizer. */
export const EventConfigurationItemSchema = z.looseObject({
  resourceType: z.string().min(1),
  resourceId: z.string().min(1),
  awsAccountId: z.string().min(1),
  awsRegion: z.string().min(1),
  configurationItemStatus: z.string().min(1),
  configurationItemCaptureTime: CaptureTimeSchema,
  ARN: z.string().nullish(),
});

export const ChangeNotificationSchema = z.object({
  messageType: z.literal('ConfigurationItemChangeNotification'),
  configurationItem: EventConfigurationItemSchema,
  configurationItemDiff: z.unknown().optional(),
  notificationCreationTime: z.string(),
  recordVersion: z.string().optional(),
});

export const OversizedNotificationSchema = z.object({
  messageType: z.literal('OversizedConfigurationItemChangeNotification'),
  configurationItemSummary: z.looseObject({
    resourceType: z.string().min(1),
    resourceId: z.string().min(1),
    awsAccountId: z.string().min(1),
    awsRegion: z.string().min(1),
    configurationItemStatus: z.string().min(1),
    configurationItemCaptureTime: z.string().min(1),
    ARN: z.string().nullish(),
  }),
  notificationCreationTime: z.string(),
  recordVersion: z.string().optional(),
});

export const ScheduledNotificationSchema = z.object({
  messageType: z.literal('ScheduledNotification'),
  awsAccountId: z.string().min(1),
  notificationCreationTime: z.string(),
  recordVersion: z.string().optional(),
});

export const InvokingEventSchema = z.discriminatedUnion('messageType', [
  ChangeNotificationSchema,
  OversizedNotificationSchema,
  ScheduledNotificationSchema,
]);
export type InvokingEvent = z.infer<typeof InvokingEventSchema>;
export type ChangeNotification = z.infer<typeof ChangeNotificationSchema>;
export type OversizedNotification = z.infer<typeof OversizedNotificationSchema>;

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

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
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
  const outer = ConfigRuleEventSchema.safeParse(raw);
  if (!outer.success) {
    throw new RuleConfigurationError(`Not an AWS Config rule event: ${issues(outer.error)}`, { cause: outer.error });
  }
  const event = outer.data;
  const invoking = InvokingEventSchema.safeParse(parseJson(event.invokingEvent, 'invokingEvent'));
  if (!invoking.success) {
    throw new RuleConfigurationError(`Unsupported invokingEvent: ${issues(invoking.error)}`, { cause: invoking.error });
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
    invoking: invoking.data,
    controlId,
    executionRoleName: ExecutionRoleName === '' ? undefined : (ExecutionRoleName as string | undefined),
    controlParameters,
  };
}
