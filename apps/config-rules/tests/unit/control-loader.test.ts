import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Control, ControlDefinitionError, catalog, Registry } from '@rampart/core';
import { describe, expect, it } from 'vitest';

type Source = (
  controls: readonly Control<unknown>[],
  files: Map<string, string>,
  options: { Registry: typeof Registry; catalogFile: string },
) => Promise<string>;

// The bundler script is plain JavaScript, loaded as such.
const script = pathToFileURL(fileURLToPath(new URL('../../scripts/bundle.mjs', import.meta.url))).href;
const { controlLoaderSource } = (await import(script)) as { controlLoaderSource: Source };

const coreDir = dirname(fileURLToPath(import.meta.resolve('@rampart/core')));
const volumesFile = join(coreDir, 'controls', 'ec2', 'encrypted-volumes.js');
const options = { Registry, catalogFile: join(coreDir, 'controls', 'index.js') };

describe('the per-control loader of the bundle', () => {
  const volumes = catalog().get('encrypted-volumes')!;

  it("imports each control from its own file, and the catalog's when it has none", async () => {
    const iam = catalog().get('iam-password-policy')!;
    const source = await controlLoaderSource([volumes, iam], new Map([['encrypted-volumes', volumesFile]]), options);
    expect(source).toContain(`"encrypted-volumes": () => import(${JSON.stringify(volumesFile)}),`);
    expect(source).toContain(
      `"iam-password-policy": () => import(${JSON.stringify(options.catalogFile)}).then((m) => ({ c: m.catalog().get("iam-password-policy") })),`,
    );
  });

  it('validates every control at build time: invalid metadata fails the build', async () => {
    const invalid = { ...volumes, title: 'Ensure volumes are encrypted', rationale: {} };
    const build = controlLoaderSource([invalid], new Map([['encrypted-volumes', volumesFile]]), options);
    await expect(build).rejects.toThrow(ControlDefinitionError);
    await expect(build).rejects.toThrow(
      /Control encrypted-volumes has invalid metadata: title: must not start with "Ensure"; rationale\.SEC08-BP02: missing rationale/,
    );
  });

  it('fails the build when the file named after a control does not export it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-loader-'));
    const file = join(dir, 'encrypted-volumes.js');
    writeFileSync(file, 'export const somethingElse = { id: "encrypted-volumes" };\n');
    await expect(controlLoaderSource([volumes], new Map([['encrypted-volumes', file]]), options)).rejects.toThrow(
      `${file} does not export control encrypted-volumes`,
    );
  });
});
