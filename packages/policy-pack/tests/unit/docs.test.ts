import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PREVIEW_CONTROL_IDS, withCurrentSection } from '../../src/index.js';

const DOC = join(dirname(fileURLToPath(import.meta.url)), '../../../../docs/policy-pack.md');

describe('docs/policy-pack.md', () => {
  it('has the current generated tables (run `pnpm --filter @rampart/policy-pack docs`)', () => {
    const text = readFileSync(DOC, 'utf8');
    expect(text).toBe(withCurrentSection(text));
    for (const id of PREVIEW_CONTROL_IDS) expect(text).toContain(`| \`${id}\` |`);
  });
});
