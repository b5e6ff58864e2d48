// Bundles the Lambda function: dist/handler.mjs (export `handler`) plus lazily loaded chunks
// (the periodic path and the collectors, STS for cross-account rules) beside it.
import { readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist');

/**
 * A Lambda function gets its credentials in environment variables; the SDK's full default chain
 * (SSO, shared files, web identity, IMDS, process) would only cost load time on every cold start.
 */
const lambdaCredentials = {
  name: 'lambda-credentials',
  setup(b) {
    b.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, () => ({
      path: join(root, 'src', 'credentials-env.ts'),
    }));
  },
};

/**
 * The change path needs one control, not the catalog: src/control-source.ts becomes a map from
 * control id to a dynamic import of that control's file in @rampart/core (file name = control id),
 * validated on load as the registry would.
 */
async function perControlLoader() {
  const coreDist = dirname(
    fileURLToPath(import.meta.resolve('@rampart/core', pathToFileURL(join(root, 'package.json')).href)),
  );
  const { catalog } = await import(pathToFileURL(join(coreDist, 'index.js')).href);
  const services = await readdir(join(coreDist, 'controls'), { withFileTypes: true });
  const files = new Map();
  for (const dir of services.filter((d) => d.isDirectory())) {
    for (const file of await readdir(join(coreDist, 'controls', dir.name))) {
      if (file.endsWith('.js')) files.set(file.slice(0, -3), join(coreDist, 'controls', dir.name, file));
    }
  }
  const lines = [];
  for (const control of catalog().all()) {
    const file = files.get(control.id);
    const load =
      file !== undefined
        ? `import(${JSON.stringify(file)})`
        : `import('@rampart/core').then((m) => ({ c: m.catalog().get(${JSON.stringify(control.id)}) }))`;
    lines.push(`  ${JSON.stringify(control.id)}: () => ${load},`);
  }
  const contents = `import { Registry } from '@rampart/core';
const loaders = {
${lines.join('\n')}
};
export async function loadControl(id) {
  if (!Object.hasOwn(loaders, id)) return undefined;
  const mod = await loaders[id]();
  const control = Object.values(mod).find((v) => v !== null && typeof v === 'object' && v.id === id);
  if (control === undefined) return undefined;
  new Registry([control]);
  return control;
}
`;
  return {
    name: 'per-control-loader',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]control-source\.ts$/ }, () => ({ contents, loader: 'js', resolveDir: root }));
    },
  };
}

export async function bundle() {
  // dist/lib (tsc, for the baseline's imports) stays.
  await rm(join(outdir, 'chunks'), { recursive: true, force: true });
  await rm(join(outdir, 'handler.mjs'), { force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { handler: 'src/handler.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    minify: true,
    sourcemap: false,
    metafile: true,
    legalComments: 'none',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    mainFields: ['module', 'main'],
    conditions: ['module', 'import'],
    // CommonJS dependencies inside an ES module still call require() for Node built-ins.
    banner: {
      js: "import{createRequire as __rampartCreateRequire}from'node:module';const require=__rampartCreateRequire(import.meta.url);",
    },
    plugins: [lambdaCredentials, await perControlLoader()],
    logLevel: 'warning',
  });
  await writeFile(join(root, 'dist', 'meta.json'), JSON.stringify(result.metafile));
  return result.metafile;
}

/** Bytes of the entry and every chunk it imports statically: what a change-triggered invocation loads. */
export async function changePathBytes(metafile, entry = 'dist/handler.mjs') {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of metafile.outputs[file]?.imports ?? []) {
      if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
    }
  };
  visit(entry);
  let bytes = 0;
  for (const file of seen) bytes += (await stat(join(root, file))).size;
  return { bytes, files: [...seen] };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const metafile = await bundle();
  const { bytes, files } = await changePathBytes(metafile);
  const total = Object.values(metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  console.error(
    `config-rules bundle: change path ${(bytes / 1024).toFixed(0)} KB in ${files.length} file(s); all chunks ${(total / 1024).toFixed(0)} KB`,
  );
}
