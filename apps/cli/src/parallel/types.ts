import { type Control, type Evaluation, readsOtherResources } from '@rampart/core';

/** Controls that decide from their item, the parameters, "now" and account-level facts: run by the thread that loaded the item. */
export function runsWhereLoaded(control: Control<unknown>): boolean {
  return !readsOtherResources(control);
}

/**
 * The resource types the main thread must hold in full: what the controls that read other resources
 * evaluate or read. The worker sends the main thread its items of these types.
 */
export function mainThreadTypes(controls: readonly Control<unknown>[]): Set<string> {
  const types = new Set<string>();
  for (const c of controls) {
    if (!readsOtherResources(c)) continue;
    for (const t of [...c.resourceTypes, ...c.needs]) if (t.startsWith('AWS::') && t !== 'AWS::::Account') types.add(t);
  }
  return types;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Facts, snapshot headers and collection errors: what every thread needs from the whole input. */
export function isAccountData(value: Record<string, unknown>): boolean {
  const type = value['resourceType'];
  return (
    'snapshot' in value || 'collectionError' in value || (typeof type === 'string' && type.startsWith('Rampart::'))
  );
}

/**
 * DESIGN.md's output order as one string: account, region, control, resource type, resource id
 * (partitions in account then region order, each sorted by control, type and id). `\u0000` sorts
 * before every other character, so comparing keys compares the fields in turn.
 */
export function orderKey(e: Evaluation): string {
  return `${e.accountId}\u0000${e.region}\u0000${e.controlId}\u0000${e.resourceType}\u0000${e.resourceId}`;
}
