import type { Control } from './control.js';
import { ControlDefinitionError, ControlMetadataSchema } from './control.js';
import type { Area } from './types.js';

export class DuplicateControlError extends Error {
  override readonly name = 'DuplicateControlError';
}

export class UnknownControlError extends Error {
  override readonly name = 'UnknownControlError';
  constructor(readonly ids: string[]) {
    super(`Unknown control id${ids.length > 1 ? 's' : ''}: ${ids.join(', ')}`);
  }
}

/** An explicit, validated list of controls. Duplicate ids and invalid metadata throw at construction. */
export class Registry {
  readonly #byId = new Map<string, Control<unknown>>();

  constructor(controls: readonly Control<unknown>[]) {
    for (const control of controls) {
      const result = ControlMetadataSchema.safeParse(control);
      if (!result.success) {
        const detail = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        throw new ControlDefinitionError(`Control ${control.id} has invalid metadata: ${detail}`, {
          cause: result.error,
        });
      }
      if (this.#byId.has(control.id)) throw new DuplicateControlError(`Duplicate control id: ${control.id}`);
      this.#byId.set(control.id, control);
    }
  }

  /** All controls, sorted by id. */
  all(): Control<unknown>[] {
    return [...this.#byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  get(id: string): Control<unknown> | undefined {
    return this.#byId.get(id);
  }

  get size(): number {
    return this.#byId.size;
  }

  /** The controls with these ids (all when none are given); unknown ids throw {@link UnknownControlError}. */
  select(ids?: readonly string[], area?: Area): Control<unknown>[] {
    let list = this.all();
    if (ids !== undefined && ids.length > 0) {
      const unknown = ids.filter((id) => !this.#byId.has(id));
      if (unknown.length > 0) throw new UnknownControlError(unknown);
      const wanted = new Set(ids);
      list = list.filter((c) => wanted.has(c.id));
    }
    if (area !== undefined) list = list.filter((c) => c.area === area);
    return list;
  }
}
