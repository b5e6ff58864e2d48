import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import { controlsMarkdown } from '../../src/render/controls.js';

const DOC = join(import.meta.dirname, '..', '..', '..', '..', 'docs', 'controls.md');

describe('docs/controls.md', () => {
  it('is generated from the current catalog (run `pnpm docs` when this fails)', () => {
    expect(readFileSync(DOC, 'utf8')).toBe(controlsMarkdown(catalog().all()));
  });

  it('documents every control with its id, area, severity, resource types, best practices, rule and remediation', () => {
    const doc = controlsMarkdown(catalog().all());
    for (const c of catalog().all()) {
      const section = doc.slice(doc.indexOf(`### ${c.id}\n`));
      expect(section).toContain(c.severity);
      expect(section).toContain(c.resourceTypes[0]);
      expect(section).toContain(c.wellArchitected[0]);
      expect(section).toContain(c.remediation.url);
      for (const rule of c.references.awsConfigRules) expect(section).toContain(`\`${rule}\``);
      expect(doc).toContain(`| [\`${c.id}\`](#${c.id}) |`);
    }
  });
});
