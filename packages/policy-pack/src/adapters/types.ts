import type { Stack, StackResource } from '../stack.js';

/** Account, region and partition the items are attributed to (inferred from the stack, or given). */
export interface AdapterEnv {
  accountId: string;
  region: string;
  partition: string;
}

/**
 * One configuration item as an adapter builds it: the fields of the AWS Config item the controls read,
 * with the exact names of the real items (see tests/fixtures/config-items in @rampart/core). Values may
 * be unknown markers; the controls get INSUFFICIENT_DATA when they read one.
 */
export interface AdaptedItem {
  resourceType: string;
  resourceId: string;
  resourceName?: string | undefined;
  arn?: string | undefined;
  /** `global` for IAM; the env's region otherwise. */
  region?: string;
  tags?: Record<string, unknown>;
  configuration: Record<string, unknown>;
  supplementaryConfiguration?: Record<string, unknown>;
}

/** Turns one Pulumi resource (and the resources that configure it) into a configuration item. */
export interface ResourceAdapter {
  /** The AWS Config resource type produced. */
  resourceType: string;
  /** Pulumi type tokens of the primary resource. */
  tokens: readonly string[];
  /** Pulumi type tokens of resources folded into the primary's item (a bucket's policy, a group's rules). */
  satellites: readonly string[];
  adapt(resource: StackResource, stack: Stack, env: AdapterEnv): AdaptedItem;
}

/** An account-level fact (`Rampart::...`) built from the stack, when the stack declares what it describes. */
export interface FactAdapter {
  factType: string;
  tokens: readonly string[];
  satellites: readonly string[];
  /** The fact's value, or undefined when the stack does not declare it (the controls are then not run). */
  build(stack: Stack, env: AdapterEnv): { resource: StackResource; value: Record<string, unknown> } | undefined;
}
