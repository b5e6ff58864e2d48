// Bundles one entry per playbook step: dist/bundle/<step-id>.mjs, each exporting `handler` (Lambda handler
// `<step-id>.handler`), with the code they share in chunks beside them. A step loads only the SDK
// clients it calls.
import { rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { LAMBDA_BUILD_OPTIONS } from '../../../scripts/lambda-bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');

export async function bundle() {
  const { STEP_SOURCES } = await import(pathToFileURL(join(root, 'dist', 'lib', 'index.js')).href);
  await rm(outdir, { recursive: true, force: true });
  const entryPoints = Object.fromEntries(Object.entries(STEP_SOURCES).map(([id, file]) => [id, join('src', file)]));
  const result = await build({
    ...LAMBDA_BUILD_OPTIONS,
    absWorkingDir: root,
    entryPoints,
    outdir,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  });
  await writeFile(join(root, 'dist', 'meta.json'), JSON.stringify(result.metafile));
  return { metafile: result.metafile, entries: Object.keys(entryPoints) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { metafile, entries } = await bundle();
  const total = Object.values(metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  console.error(
    `responder bundle: ${entries.length} step handlers in dist/bundle, ${(total / 1024).toFixed(0)} KB in all`,
  );
}
