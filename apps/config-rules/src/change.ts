import type { ConfigServiceClient, ResourceType } from '@aws-sdk/client-config-service';
import { type Control, type Evaluation, evaluateSnapshot, normalizeItem, Snapshot } from '@rampart/core';
import { RuleConfigurationError } from './errors.js';
import type { ChangeNotification, ConfigRuleEvent, OversizedNotification } from './event.js';

/** Statuses whose item describes no current resource (AWS Config's `configurationItemStatus`). */
const GONE: Readonly<Record<string, string>> = {
  ResourceDeleted: 'The resource was deleted.',
  ResourceDeletedNotRecorded: 'The resource was deleted.',
  ResourceNotRecorded: 'AWS Config no longer records the resource.',
};

export interface ChangeResult {
  evaluations: Evaluation[];
  /** The configuration item's capture time: the OrderingTimestamp AWS Config expects. */
  orderingTimestamp: Date;
  resourceType: string;
  resourceId: string;
}

export interface ChangeInput {
  event: ConfigRuleEvent;
  invoking: ChangeNotification | OversizedNotification;
  control: Control<unknown>;
  controlParameters: Record<string, unknown>;
  /** The SDK's Config client, built (and its code loaded) only for an oversized item. */
  config: () => Promise<ConfigServiceClient>;
}

function time(value: unknown, fallback: string): Date {
  const d = typeof value === 'number' ? new Date(value * 1000) : new Date(typeof value === 'string' ? value : fallback);
  return Number.isNaN(d.getTime()) ? new Date(fallback) : d;
}

/** Dates to ISO strings and `undefined` dropped: an SDK response in the JSON shape of the Config API. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined && k !== '$metadata') out[k] = plain(v);
    return out;
  }
  return value;
}

/** The full item of an oversized notification: the latest history entry at or before the capture time. */
async function inflate(invoking: OversizedNotification, config: ConfigServiceClient): Promise<Record<string, unknown>> {
  const summary = invoking.configurationItemSummary;
  const { GetResourceConfigHistoryCommand } = await import('@aws-sdk/client-config-service');
  const out = await config.send(
    new GetResourceConfigHistoryCommand({
      resourceType: summary.resourceType as ResourceType,
      resourceId: summary.resourceId,
      laterTime: new Date(summary.configurationItemCaptureTime),
      limit: 1,
    }),
  );
  const item = out.configurationItems?.[0];
  if (item === undefined) {
    throw new Error(
      `GetResourceConfigHistory returned no configuration item for ${summary.resourceType} ${summary.resourceId} at ${summary.configurationItemCaptureTime}`,
    );
  }
  return plain(item) as Record<string, unknown>;
}

function single(
  control: Control<unknown>,
  item: {
    resourceType: string;
    resourceId: string;
    awsAccountId: string;
    awsRegion: string;
    ARN?: string | null | undefined;
  },
  compliance: Evaluation['compliance'],
  annotation: string,
): Evaluation {
  return {
    controlId: control.id,
    resourceType: item.resourceType,
    resourceId: item.resourceId,
    resourceArn: item.ARN ?? null,
    accountId: item.awsAccountId,
    region: item.awsRegion,
    compliance,
    annotation,
  };
}

/** Evaluates the item of a (possibly oversized) change notification against the rule's control. */
export async function evaluateChange(input: ChangeInput): Promise<ChangeResult> {
  const { invoking, control } = input;
  if (control.trigger === 'periodic' || control.accountLevel) {
    throw new RuleConfigurationError(
      `Control ${control.id} needs other resources or account facts, so its rule must be periodic (ScheduledNotification); it was invoked with ${invoking.messageType}`,
    );
  }
  const summary =
    invoking.messageType === 'ConfigurationItemChangeNotification'
      ? invoking.configurationItem
      : invoking.configurationItemSummary;
  const orderingTimestamp = time(summary.configurationItemCaptureTime, invoking.notificationCreationTime);
  const base = { orderingTimestamp, resourceType: summary.resourceType, resourceId: summary.resourceId };
  if (!control.resourceTypes.includes(summary.resourceType)) {
    return {
      ...base,
      evaluations: [
        single(
          control,
          summary,
          'NOT_APPLICABLE',
          `${summary.resourceType} is not a type control ${control.id} evaluates.`,
        ),
      ],
    };
  }
  if (input.event.eventLeftScope === true) {
    return {
      ...base,
      evaluations: [single(control, summary, 'NOT_APPLICABLE', "The resource left the rule's scope.")],
    };
  }
  const gone = GONE[summary.configurationItemStatus];
  if (gone !== undefined) return { ...base, evaluations: [single(control, summary, 'NOT_APPLICABLE', gone)] };

  const raw =
    invoking.messageType === 'ConfigurationItemChangeNotification'
      ? invoking.configurationItem
      : await inflate(invoking, await input.config());
  const normalized = normalizeItem(raw);
  if (!normalized.ok) {
    const detail = normalized.issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`The configuration item of ${summary.resourceType} ${summary.resourceId} is malformed: ${detail}`);
  }
  if (normalized.item.deleted) {
    return { ...base, evaluations: [single(control, summary, 'NOT_APPLICABLE', 'The resource was deleted.')] };
  }
  const snapshot = new Snapshot();
  snapshot.add(normalized.item, { source: invoking.messageType, position: 'configurationItem' });
  const run = evaluateSnapshot(snapshot, {
    controls: [control],
    now: new Date(invoking.notificationCreationTime),
    parameters: { [control.id]: input.controlParameters },
  });
  return { ...base, evaluations: run.evaluations };
}
