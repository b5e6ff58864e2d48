import type * as z from 'zod';

/**
 * An account-level fact: data a configuration item does not carry (GuardDuty status, the IAM
 * credential report, ...). Facts travel in snapshots in the CI envelope with a `Rampart::` type,
 * `resourceId` `<account>/<region>` (or `<account>` for global facts) and the value in `configuration`.
 */
export interface FactType<T> {
  readonly type: `Rampart::${string}`;
  /** One line: what it holds. */
  readonly description: string;
  /** Which AWS APIs fill it. */
  readonly source: string;
  /** `regional` facts exist per account and region; `global` ones once per account (region `global`). */
  readonly scope: 'regional' | 'global';
  readonly schema: z.ZodType<T>;
}

export function defineFact<T>(fact: FactType<T>): FactType<T> {
  return fact;
}

/** The `resourceId` a fact item carries. */
export function factResourceId(fact: Pick<FactType<unknown>, 'scope'>, accountId: string, region: string): string {
  return fact.scope === 'global' ? accountId : `${accountId}/${region}`;
}
