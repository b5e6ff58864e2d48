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

/**
 * Declares a fact type. The schema is built on first use, not at import: the Config rules Lambda
 * imports one control and must not pay for every fact's schema on a cold start.
 */
export function defineFact<T>(fact: Omit<FactType<T>, 'schema'> & { schema: () => z.ZodType<T> }): FactType<T> {
  let built: z.ZodType<T> | undefined;
  return {
    type: fact.type,
    description: fact.description,
    source: fact.source,
    scope: fact.scope,
    get schema() {
      built ??= fact.schema();
      return built;
    },
  };
}

/** The `resourceId` a fact item carries. */
export function factResourceId(fact: Pick<FactType<unknown>, 'scope'>, accountId: string, region: string): string {
  return fact.scope === 'global' ? accountId : `${accountId}/${region}`;
}
