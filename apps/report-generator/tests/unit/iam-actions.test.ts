import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IMPLICIT_IAM_ACTIONS, REPORT_GENERATOR_IAM_ACTIONS } from '../../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The function's own code and the @rampart/findings exporter it calls (exportToSecurityHub). */
const SOURCE_DIRS = [join(here, '../../src'), join(here, '../../../../packages/findings/src/export')];

/** IAM service prefix of each AWS SDK v3 client package the function uses. */
const IAM_PREFIX: Record<string, string> = {
  'client-config-service': 'config',
  'client-s3': 's3',
  'client-securityhub': 'securityhub',
};

/** `service:Action` for every `new XCommand(` in the sources, by the client package X is imported from. */
function actionsOfSdkCommands(): string[] {
  const actions = new Set<string>();
  for (const dir of SOURCE_DIRS) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      const clientOf = new Map<string, string>();
      for (const m of text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'@aws-sdk\/([a-z0-9-]+)'/g)) {
        for (const name of m[1]!.split(',').map((s) => s.replace(/^\s*type\s+/, '').trim())) {
          if (name !== '') clientOf.set(name, m[2]!);
        }
      }
      for (const m of text.matchAll(/new\s+([A-Z][A-Za-z0-9]+)Command\(/g)) {
        const client = clientOf.get(`${m[1]}Command`);
        if (client === undefined) throw new Error(`${file}: ${m[1]}Command is not imported from an @aws-sdk client`);
        const prefix = IAM_PREFIX[client];
        if (prefix === undefined) throw new Error(`${file}: no IAM prefix known for @aws-sdk/${client}`);
        actions.add(`${prefix}:${m[1]}`);
      }
    }
  }
  return [...actions].sort();
}

describe('REPORT_GENERATOR_IAM_ACTIONS', () => {
  it('is exactly the SDK commands the function sends, plus the KMS call S3 makes for SSE-KMS', () => {
    const fromCode = actionsOfSdkCommands();
    expect(fromCode.length).toBeGreaterThanOrEqual(7);
    expect([...REPORT_GENERATOR_IAM_ACTIONS]).toEqual([...fromCode, ...IMPLICIT_IAM_ACTIONS].sort());
  });

  it('names single actions, sorted, without duplicates or wildcards', () => {
    for (const action of REPORT_GENERATOR_IAM_ACTIONS) expect(action).toMatch(/^[a-z0-9-]+:[A-Za-z0-9]+$/);
    expect([...REPORT_GENERATOR_IAM_ACTIONS].sort()).toEqual(REPORT_GENERATOR_IAM_ACTIONS);
    expect(new Set(REPORT_GENERATOR_IAM_ACTIONS).size).toBe(REPORT_GENERATOR_IAM_ACTIONS.length);
  });
});
