import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BEST_PRACTICES, CIS_REQUIREMENTS, CONFORMANCE_PACK_RULES, catalog } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import { controlsMarkdown, coverageSections } from '../../src/render/controls.js';

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

  it('shows the rationale of every mapping in the control section', () => {
    const doc = controlsMarkdown(catalog().all());
    for (const c of catalog().all()) {
      const section = doc.slice(doc.indexOf(`### ${c.id}\n`));
      for (const bp of c.wellArchitected) expect(section).toContain(`  - ${bp} `);
      for (const line of Object.values(c.rationale)) expect(section).toContain(line);
    }
  });

  it('coverage by best practice: one row per best practice with honest automated and attested counts', () => {
    const controls = catalog().all();
    const lines = coverageSections(controls);
    for (const bp of BEST_PRACTICES) {
      const automated = controls.filter((c) => c.kind === 'automated' && c.wellArchitected.includes(bp.id)).length;
      const attested = controls.filter((c) => c.kind === 'attestation' && c.wellArchitected.includes(bp.id)).length;
      const row = lines.find((l) => l.startsWith(`| ${bp.id} |`));
      expect(row, bp.id).toBeDefined();
      expect(row).toContain(`| ${automated} | ${attested} |`);
      expect(automated + attested, `${bp.id} has no control`).toBeGreaterThan(0);
    }
    expect(lines.join('\n')).toMatch(
      /63 of 63 best practices have at least one control: \d+ with automated evidence, \d+ by attestation only, 0 with none\./,
    );
  });

  it('coverage by CIS requirement and by conformance-pack rule list every requirement and rule', () => {
    const controls = catalog().all();
    const text = coverageSections(controls).join('\n');
    for (const r of CIS_REQUIREMENTS) {
      const mapped = controls.filter((c) => c.references.cis.includes(r.id));
      const row = text.split('\n').find((l) => l.startsWith(`| ${r.id} |`))!;
      expect(row, r.id).toBeDefined();
      if (mapped.length === 0) expect(row.endsWith('| — |')).toBe(true);
      for (const c of mapped) expect(row).toContain(`\`${c.id}\``);
    }
    for (const rule of CONFORMANCE_PACK_RULES) {
      const row = text.split('\n').find((l) => l.startsWith(`| \`${rule.name}\` | ${rule.identifier} |`));
      expect(row, rule.name).toBeDefined();
      for (const c of controls.filter((x) => x.references.awsConfigRules.includes(rule.name))) {
        expect(row).toContain(`[\`${c.id}\`](#${c.id})`);
      }
    }
  });

  it('counts only the controls given (a synthetic catalog of one control)', () => {
    const ssh = catalog().get('restricted-ssh')!;
    const text = coverageSections([ssh]).join('\n');
    expect(text).toContain('| SEC05-BP02 | Control traffic flow within your network layers | 1 | 0 |');
    expect(text).toContain(
      '| SEC01-BP07 | Identify threats and prioritize mitigations using a threat model | 0 | 0 | — |',
    );
    expect(text).toContain(
      '2 of 63 best practices have at least one control: 2 with automated evidence, 0 by attestation only, 61 with none.',
    );
    expect(text).toContain('| `restricted-ssh` | INCOMING_SSH_DISABLED | [`restricted-ssh`](#restricted-ssh) |');
  });
});
