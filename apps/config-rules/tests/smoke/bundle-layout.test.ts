import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalog } from '@rampart/core';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * What the cold-start budget relies on, read from esbuild's metafile of the built bundle (the
 * budget itself is measured by scripts/bench/config-rules.mjs, not here).
 */
const app = fileURLToPath(new URL('../..', import.meta.url));
const metaFile = join(app, 'dist', 'meta.json');

interface Output {
  imports: { path: string; kind: string; external?: boolean }[];
  inputs: Record<string, { bytesInOutput: number }>;
}
let outputs: Record<string, Output>;

beforeAll(() => {
  if (!existsSync(metaFile)) throw new Error(`${metaFile} is missing: run \`pnpm build\` in apps/config-rules first`);
  outputs = (JSON.parse(readFileSync(metaFile, 'utf8')) as { outputs: Record<string, Output> }).outputs;
});

/** The entry and every file it imports statically. */
function staticFiles(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of outputs[file]!.imports) if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
  };
  visit(entry);
  return [...seen];
}

/** The source files with code in these outputs. */
const inputsOf = (files: string[]) =>
  files.flatMap((f) =>
    Object.entries(outputs[f]!.inputs)
      .filter(([, i]) => i.bytesInOutput > 0)
      .map(([path]) => path),
  );

describe('the bundle layout', () => {
  it('keeps the SDK, the periodic path, STS and the catalog off the change path', () => {
    const inputs = inputsOf(staticFiles('dist/handler.mjs'));
    // PutEvaluations goes out as a signed request (src/config-http.ts); the SDK client loads on demand.
    expect(inputs.some((i) => i.endsWith('src/config-http.ts'))).toBe(true);
    const offPath = [
      /@aws-sdk\//,
      /@smithy\//,
      /packages\/collectors\//,
      /packages\/core\/dist\/(index|controls\/.*|frameworks\/.*)\.js$/,
      /src\/(periodic|sts)\.ts$/,
      /@smithy\/node-http-handler\/.*http2/,
      /@aws-sdk\/core\/.*\/protocols\/(xml|query)\//,
    ];
    for (const pattern of offPath) expect(inputs.filter((i) => pattern.test(i))).toEqual([]);
  });

  it('loads the SDK Config client from a chunk of its own when something needs it', () => {
    const dynamic = staticFiles('dist/handler.mjs').flatMap((f) =>
      outputs[f]!.imports.filter((i) => i.kind === 'dynamic-import' && !i.external).map((i) => i.path),
    );
    const sdk = dynamic.filter((f) =>
      inputsOf(staticFiles(f)).some((i) => i.includes('@aws-sdk/client-config-service/')),
    );
    expect(sdk).not.toEqual([]);
  });

  it('loads the periodic path and STS from files of their own, and each control from its chunk', () => {
    const dynamic = outputs['dist/handler.mjs']!.imports.filter((i) => i.kind === 'dynamic-import');
    expect(dynamic.filter((i) => i.external).map((i) => i.path)).toEqual(
      expect.arrayContaining(['./periodic.mjs', './sts.mjs']),
    );
    for (const control of catalog().all()) {
      const chunk = dynamic.find((i) => new RegExp(`^dist/chunks/${control.id}-[A-Z0-9]+\\.mjs$`).test(i.path));
      expect(chunk, control.id).toBeDefined();
      // One file per control: its code is not shared with anything but the change path's chunks.
      expect(inputsOf([chunk!.path]).some((i) => i.endsWith(`/${control.id}.js`))).toBe(true);
    }
  });

  it("gives the periodic path the handler's @rampart/core (core.mjs), not a copy of its own", () => {
    for (const file of ['dist/periodic.mjs', 'dist/sts.mjs']) {
      expect(inputsOf([file]).filter((i) => i.includes('packages/core/'))).toEqual([]);
    }
    expect(outputs['dist/periodic.mjs']!.imports.filter((i) => i.external && i.path === './core.mjs')).not.toEqual([]);
    // core.mjs re-exports from the handler build's chunks: the same modules the controls use.
    expect(inputsOf(['dist/core.mjs']).filter((i) => i.includes('packages/core/'))).toEqual([]);
  });
});
