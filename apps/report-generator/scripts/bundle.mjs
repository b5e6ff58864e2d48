// Bundles the Lambda function into one ES module, dist/handler.mjs (export `handler`), for nodejs22.x.
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function bundle() {
  await rm(join(root, 'dist', 'handler.mjs'), { force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { handler: 'src/handler.ts' },
    outdir: join(root, 'dist'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    minify: true,
    sourcemap: false,
    metafile: true,
    legalComments: 'none',
    outExtension: { '.js': '.mjs' },
    mainFields: ['module', 'main'],
    conditions: ['module', 'import'],
    // CommonJS dependencies inside an ES module still call require() for Node built-ins.
    banner: {
      js: "import{createRequire as __rampartCreateRequire}from'node:module';const require=__rampartCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return result.metafile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const metafile = await bundle();
  const bytes = Object.values(metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  console.error(`report-generator bundle: dist/handler.mjs ${(bytes / 1024).toFixed(0)} KB`);
}
