import type { ConfigItem } from '../../ci/config-item.js';
import type { CredentialReportUser } from '../../facts/index.js';
import type { EvaluationContext, Verdict } from '../../model/control.js';
import { GLOBAL_REGION } from '../../model/types.js';
import { IAM_USER_TYPE } from './iam-configuration.js';

/** The credential report's row for the root user, which is no IAM user. */
const ROOT_ROW = '<root_account>';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The IAM users of a credential report (the root row left out). */
export function reportIamUsers(users: readonly CredentialReportUser[]): CredentialReportUser[] {
  return users.filter((u) => u.user !== ROOT_ROW);
}

/** Whole days from `iso` to `now` (0 when `iso` is in the future); undefined when `iso` is missing or not a date. */
export function daysSince(iso: string | null | undefined, now: Date): number | undefined {
  if (iso === null || iso === undefined) return undefined;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  return Math.max(0, Math.floor((now.getTime() - t) / DAY_MS));
}

/** `2026-05-01` from an ISO timestamp, for annotations. */
export function isoDay(iso: string): string {
  return iso.slice(0, 10);
}

/**
 * Resolves the credential report's user names to the `AWS::IAM::User` resources AWS Config knows
 * (`resourceId` is the user id, `AIDA…`), so the verdicts of these account-level controls land on the
 * same resource as AWS Config's own rules. Users without a configuration item fall back to their name.
 */
export function iamUserResolver(ctx: EvaluationContext<unknown>): (row: CredentialReportUser) => Verdict['resource'] {
  const byName = new Map<string, ConfigItem>();
  for (const item of ctx.items(IAM_USER_TYPE, { region: GLOBAL_REGION })) {
    const name = item.configuration['userName'];
    const key = typeof name === 'string' && name !== '' ? name : item.resourceName;
    if (key === undefined) continue;
    // Prefer a live user over a deleted one of the same name (IAM names can be reused).
    const existing = byName.get(key);
    if (existing === undefined || (existing.deleted && !item.deleted)) byName.set(key, item);
  }
  return (row) => {
    const item = byName.get(row.user);
    if (item === undefined) return { type: IAM_USER_TYPE, id: row.user, arn: row.arn };
    return { type: IAM_USER_TYPE, id: item.resourceId, arn: item.arn ?? row.arn };
  };
}

/**
 * Runs `check` for every IAM user of the credential report, each verdict naming its user. An account
 * without IAM users gets one NOT_APPLICABLE verdict on the account, so the run still says it looked.
 */
export function perIamUser(
  item: ConfigItem,
  ctx: EvaluationContext<unknown>,
  users: readonly CredentialReportUser[],
  check: (user: CredentialReportUser) => Omit<Verdict, 'resource'>,
): Verdict[] {
  const iamUsers = reportIamUsers(users);
  if (iamUsers.length === 0) {
    return [{ compliance: 'NOT_APPLICABLE', annotation: `Account ${item.accountId} has no IAM users.` }];
  }
  const resolve = iamUserResolver(ctx);
  return iamUsers.map((user) => ({ ...check(user), resource: resolve(user) }));
}
