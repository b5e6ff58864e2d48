// Bundles the Lambda function into one ES module, dist/handler.mjs (export `handler`), for nodejs22.x.
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { LAMBDA_BUILD_OPTIONS } from '../../../scripts/lambda-bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function bundle() {
  await rm(join(root, 'dist', 'handler.mjs'), { force: true });
  const result = await build({
    ...LAMBDA_BUILD_OPTIONS,
    absWorkingDir: root,
    entryPoints: { handler: 'src/handler.ts' },
    outdir: join(root, 'dist'),
  });
  return result.metafile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const metafile = await bundle();
  const bytes = Object.values(metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  console.error(`report-generator bundle: dist/handler.mjs ${(bytes / 1024).toFixed(0)} KB`);
}
