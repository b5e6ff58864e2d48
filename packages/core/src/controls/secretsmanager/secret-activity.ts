import type { ConfigItem } from '../../ci/config-item.js';
import { SecretsManagerSecretActivityFact } from '../../facts/index.js';
import type { EvaluationContext } from '../../model/control.js';

export interface SecretActivity {
  created: Date | undefined;
  lastRotated: Date | undefined;
  lastAccessed: Date | undefined;
}

function toDate(value: unknown): Date | undefined {
  if (typeof value === 'number') return new Date(value < 1e12 ? value * 1000 : value);
  if (typeof value !== 'string' || value === '') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * The dates AWS Config's secret item lacks. Items read straight from ListSecrets carry them in
 * `configuration` (CreatedDate, LastRotatedDate, LastAccessedDate); otherwise they come from the
 * `Rampart::SecretsManager::SecretActivity` fact (INSUFFICIENT_DATA when it is missing).
 */
export function secretActivity(item: ConfigItem, ctx: EvaluationContext<unknown>): SecretActivity | undefined {
  const c = item.configuration;
  if ('CreatedDate' in c) {
    return {
      created: toDate(c['CreatedDate']),
      lastRotated: toDate(c['LastRotatedDate']),
      lastAccessed: toDate(c['LastAccessedDate']),
    };
  }
  const { secrets } = ctx.require(SecretsManagerSecretActivityFact);
  const arn = item.arn ?? item.resourceId;
  const found = secrets.find((s) => s.arn === arn || s.arn === item.resourceId);
  if (found === undefined) return undefined;
  return {
    created: toDate(found.createdDate),
    lastRotated: toDate(found.lastRotatedDate),
    lastAccessed: toDate(found.lastAccessedDate),
  };
}

const DAY_MS = 86_400_000;

export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}

export const day = (date: Date): string => date.toISOString().slice(0, 10);

export function secretName(item: ConfigItem): string {
  const name = item.configuration['Name'];
  return item.resourceName ?? (typeof name === 'string' ? name : item.resourceId);
}
