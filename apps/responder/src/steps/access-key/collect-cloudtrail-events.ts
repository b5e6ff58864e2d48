import { CloudTrailClient, type Event, type LookupAttribute, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { client } from '../../clients.js';
import { defineStep, EVIDENCE_PERMISSIONS, lambdaHandler } from '../../step.js';
import { accessKeyTarget, userNameOf } from './principal.js';

interface SavedEvent {
  eventId: string | undefined;
  eventTime: string | undefined;
  eventName: string | undefined;
  eventSource: string | undefined;
  username: string | undefined;
  accessKeyId: string | undefined;
  record: unknown;
}

function saved(event: Event): SavedEvent {
  let record: unknown = event.CloudTrailEvent;
  try {
    record = event.CloudTrailEvent === undefined ? null : JSON.parse(event.CloudTrailEvent);
  } catch {
    // Kept as the raw string.
  }
  return {
    eventId: event.EventId,
    eventTime: event.EventTime?.toISOString(),
    eventName: event.EventName,
    eventSource: event.EventSource,
    username: event.Username,
    accessKeyId: event.AccessKeyId,
    record,
  };
}

export const step = defineStep({
  id: 'collect-cloudtrail-events',
  description: "Saves the key's and its owner's recent CloudTrail management events (LookupEvents) as evidence",
  playbooks: ['compromised-access-key'],
  permissions: [
    // LookupEvents has no resource-level permissions.
    { sid: 'LookupEvents', actions: ['cloudtrail:LookupEvents'], resources: ['*'] },
    ...EVIDENCE_PERMISSIONS,
  ],
  async run(ctx) {
    const target = accessKeyTarget(ctx);
    const userName = userNameOf(ctx);
    const end = ctx.now();
    const start = new Date(Date.parse(ctx.incident.startedAt) - ctx.env.RAMPART_CLOUDTRAIL_LOOKBACK_HOURS * 3_600_000);
    const lookups: LookupAttribute[] = [{ AttributeKey: 'AccessKeyId', AttributeValue: target.accessKeyId }];
    if (userName !== undefined) lookups.push({ AttributeKey: 'Username', AttributeValue: userName });
    const cloudTrail = client(ctx.env, CloudTrailClient, 'cloudtrail');
    const events = new Map<string, SavedEvent>();
    const max = ctx.env.RAMPART_CLOUDTRAIL_MAX_EVENTS;
    let truncated = false;
    for (const attribute of lookups) {
      let token: string | undefined;
      do {
        const page = await cloudTrail.send(
          new LookupEventsCommand({
            LookupAttributes: [attribute],
            StartTime: start,
            EndTime: end,
            MaxResults: 50,
            NextToken: token,
          }),
        );
        for (const e of page.Events ?? []) {
          if (events.size >= max) {
            truncated = true;
            break;
          }
          events.set(e.EventId ?? `${events.size}`, saved(e));
        }
        token = truncated ? undefined : page.NextToken;
      } while (token !== undefined);
    }
    const list = [...events.values()].sort((a, b) => (a.eventTime ?? '').localeCompare(b.eventTime ?? ''));
    const sourceIps = new Set<string>();
    for (const e of list) {
      const ip = (e.record as { sourceIPAddress?: unknown } | null)?.sourceIPAddress;
      if (typeof ip === 'string' && sourceIps.size < 20) sourceIps.add(ip);
    }
    Object.assign(ctx.data, {
      events: list.length,
      truncated,
      from: start.toISOString(),
      to: end.toISOString(),
      sourceIps: [...sourceIps],
    });
    await ctx.saveEvidence('cloudtrail-events.json', {
      lookups,
      from: start.toISOString(),
      to: end.toISOString(),
      truncated,
      events: list,
    });
  },
});

export const handler = lambdaHandler(step);
