import type { FactType } from './fact.js';

/**
 * The fact types a snapshot validates facts against, registered by the facts module when it loads.
 * The snapshot looks them up here rather than importing that module: a process that never sees a
 * fact (the Config rules Lambda on a change event) does not build the ~30 fact types at start-up.
 */
let lookUp: ((type: string) => FactType<unknown> | undefined) | undefined;

export function registerFactTypes(fn: (type: string) => FactType<unknown> | undefined): void {
  lookUp = fn;
}

/** The fact type of a `Rampart::` resource type; throws when no facts module was loaded in this process. */
export function registeredFactType(type: string): FactType<unknown> | undefined {
  if (lookUp === undefined) {
    throw new Error(
      `A ${type} fact was added to a snapshot, but no fact types are loaded: import @rampart/core (its facts module registers them) first`,
    );
  }
  return lookUp(type);
}
