import { type Control, catalog } from '@rampart/core';

/**
 * The control a rule runs, from the validated catalog. The bundle replaces this module with one
 * that imports only that control's code (scripts/bundle.mjs), so a cold start does not build
 * every control of the catalog; the bundler validates each control as the catalog does.
 */
export async function loadControl(id: string): Promise<Control<unknown> | undefined> {
  return catalog().get(id);
}
