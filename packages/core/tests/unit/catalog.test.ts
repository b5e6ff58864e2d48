import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTROLS, type Control, catalog } from '../../src/index.js';
import { referenceBestPractices, sharedFile } from './wellarchitected/shared-reference.js';

const CORE = join(import.meta.dirname, '../..');
const CONTROLS_DIR = join(CORE, 'src', 'controls');
const CONTROL_TESTS_DIR = join(CORE, 'tests', 'unit', 'controls');

/** `src/controls/<service>/<file>.ts` for every service directory (index files left out). */
function controlSourceFiles(): { service: string; name: string; path: string }[] {
  const files: { service: string; name: string; path: string }[] = [];
  for (const service of readdirSync(CONTROLS_DIR, { withFileTypes: true })) {
    if (!service.isDirectory()) continue;
    for (const file of readdirSync(join(CONTROLS_DIR, service.name))) {
      if (!file.endsWith('.ts') || file === 'index.ts') continue;
      files.push({ service: service.name, name: file.slice(0, -3), path: join(CONTROLS_DIR, service.name, file) });
    }
  }
  return files;
}

function isControl(value: unknown): value is Control<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Control<unknown>).id === 'string' &&
    typeof (value as Control<unknown>).evaluate === 'function' &&
    typeof (value as Control<unknown>).parseParameters === 'function'
  );
}

const FILES = controlSourceFiles();
const byName = new Map<string, typeof FILES>();
for (const f of FILES) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);

/** The one source file named after the control, or a failure saying why not. */
function sourceOf(control: Control<unknown>): { service: string; path: string } {
  const found = byName.get(control.id) ?? [];
  if (found.length !== 1) {
    throw new Error(
      `control ${control.id}: expected exactly one file src/controls/<service>/${control.id}.ts, found ${found.length}`,
    );
  }
  return found[0]!;
}

/** Managed rule names as the AWS Config docs list them: the conformance pack's docs names, and every managed rule identifier in kebab-case. */
function knownConfigRuleNames(): Set<string> {
  const names = new Set<string>();
  const pack = sharedFile('reference/wa-security-pillar-conformance-pack-rules.md');
  for (const line of pack.split(/\r?\n/)) {
    const match = /^\|\s*[A-Z0-9_]+\s*\|\s*([a-z0-9-]+)(?:\s*★)?\s*\|$/.exec(line.trim());
    if (match) names.add(match[1]!);
  }
  const managed = JSON.parse(sharedFile('aws-models/config-managed-rules.json')) as {
    ManagedRules: Record<string, unknown>;
  };
  for (const identifier of Object.keys(managed.ManagedRules)) names.add(identifier.toLowerCase().replace(/_/g, '-'));
  return names;
}

function knownSecurityHubIds(): Set<string> {
  const rows = JSON.parse(sharedFile('reference/securityhub-controls.json')) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}

describe('catalog', () => {
  it('loads without throwing (valid metadata, no duplicate ids)', () => {
    const registry = catalog();
    expect(registry.size).toBe(CONTROLS.length);
    expect(registry.all().map((c) => c.id)).toEqual(CONTROLS.map((c) => c.id).sort());
  });

  it('the shared reference files parse', () => {
    expect(referenceBestPractices()).toHaveLength(63);
    const rules = knownConfigRuleNames();
    expect(rules.has('restricted-ssh')).toBe(true);
    expect(rules.has('incoming-ssh-disabled')).toBe(true);
    expect(rules.has('s3-bucket-versioning-enabled')).toBe(true);
  });

  it('every control defined under src/controls is in CONTROLS', async () => {
    const listed = new Set<unknown>(CONTROLS);
    const unlisted: string[] = [];
    for (const file of FILES) {
      const module = (await import(pathToFileURL(file.path).href)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) {
        if (isControl(value) && !listed.has(value)) unlisted.push(`${file.service}/${file.name}.ts exports ${name}`);
      }
    }
    expect(unlisted, 'controls missing from their service index.ts or from src/controls/index.ts').toEqual([]);
  });

  describe.each(CONTROLS.map((c) => [c.id, c] as const))('%s', (id, control) => {
    it('lives in src/controls/<service>/<id>.ts, which exports it', async () => {
      const source = sourceOf(control);
      const module = (await import(pathToFileURL(source.path).href)) as Record<string, unknown>;
      expect(Object.values(module), `${source.path} does not export control ${id}`).toContain(control);
    });

    it('has a test file tests/unit/controls/<service>/<id>.test.ts', () => {
      const { service } = sourceOf(control);
      const path = join(CONTROL_TESTS_DIR, service, `${id}.test.ts`);
      expect(existsSync(path), `missing ${path}`).toBe(true);
    });

    it('maps to Well-Architected best practices of the 2024-06-27 reference', () => {
      const known = new Set(referenceBestPractices().map((bp) => bp.id));
      expect(control.wellArchitected.length).toBeGreaterThan(0);
      expect(control.wellArchitected.filter((bp) => !known.has(bp))).toEqual([]);
    });

    it('names AWS Config managed rules as the AWS Config docs do', () => {
      const known = knownConfigRuleNames();
      expect(control.references.awsConfigRules.filter((r) => !known.has(r))).toEqual([]);
    });

    it('names Security Hub controls that exist', () => {
      const known = knownSecurityHubIds();
      expect(control.references.securityHub.filter((r) => !known.has(r))).toEqual([]);
    });
  });
});
