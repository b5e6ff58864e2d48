import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STEP_SOURCES } from '../../src/index.js';

const bundle = join(import.meta.dirname, '../../dist/bundle');

describe('bundle (run `pnpm build` first)', () => {
  it('has one entry per step, each exporting handler', async () => {
    for (const id of Object.keys(STEP_SOURCES)) {
      const file = join(bundle, `${id}.mjs`);
      expect(existsSync(file), file).toBe(true);
      const mod = await import(pathToFileURL(file).href);
      expect(typeof mod.handler, id).toBe('function');
    }
  });
});
