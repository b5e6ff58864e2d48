import type { Stack, StackResource } from '../stack.js';
import { unknownValue } from '../unknown.js';

/**
 * The satellite resource of `tokens` that configures `primary` through its `prop` input (a bucket's
 * policy through `bucket`, a rule's group through `securityGroupId`). When none names the primary but
 * one names a resource the stack cannot tell (an unknown id without a recorded dependency), the answer
 * is an unknown marker: it might configure this primary, so the primary's setting is not known.
 */
export function satelliteOf(
  stack: Stack,
  primary: StackResource,
  primaryTypes: readonly string[],
  tokens: readonly string[],
  prop: string,
  keys: readonly string[],
): StackResource | object | undefined {
  return satellitesOf(stack, primary, primaryTypes, tokens, prop, keys).at(-1);
}

/** Every satellite of `tokens` naming `primary`, then one unknown marker if some satellite may name it. */
export function satellitesOf(
  stack: Stack,
  primary: StackResource,
  primaryTypes: readonly string[],
  tokens: readonly string[],
  prop: string,
  keys: readonly string[],
): (StackResource | object)[] {
  const found: (StackResource | object)[] = [];
  let unresolved: StackResource | undefined;
  for (const s of stack.ofType(tokens)) {
    const ref = stack.resolve(s, prop, primaryTypes, keys);
    if (ref.kind === 'resource' && ref.resource === primary) found.push(s);
    else if (ref.kind === 'unresolved') unresolved ??= s;
  }
  if (unresolved !== undefined) {
    found.push(unknownValue(`${unresolved.type} ${unresolved.name} .${prop} (which resource it configures)`));
  }
  return found;
}

export function isStackResource(value: unknown): value is StackResource {
  return value !== null && typeof value === 'object' && 'urn' in value && 'props' in value && 'dependsOn' in value;
}
