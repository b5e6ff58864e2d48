// Bundles the Lambda function into dist/ (see `bundle` below for why it takes three builds):
//  - handler.mjs (export `handler`): the change path, with one chunk per control in chunks/, loaded
//    when a rule names it;
//  - periodic.mjs (the periodic path, with the collectors) and sts.mjs (STS, for cross-account
//    rules), loaded by the handler when needed;
//  - core.mjs: the parts of @rampart/core those two use, shared with the handler's chunks.
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, transform } from 'esbuild';
import { LAMBDA_BUILD_OPTIONS } from '../../../scripts/lambda-bundle.mjs';

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

const BUILTINS = new Set(builtinModules);

/**
 * Node built-ins through `require` (the banner defines it) instead of `import`: importing a built-in
 * into an ES module builds a facade that reads every export, which loads the lazy parts of the
 * module (`fs` loads its streams, for one) on every cold start. Through `require`, exports are read
 * when used, and a built-in nothing uses is dropped (`sideEffects: false`).
 */
const builtinsViaRequire = {
  name: 'builtins-via-require',
  setup(b) {
    b.onResolve({ filter: /^(node:)?[a-z][a-z0-9_/]*$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (!BUILTINS.has(name) || (args.kind !== 'import-statement' && args.kind !== 'dynamic-import')) return undefined;
      return { path: name, namespace: 'node-builtin', sideEffects: false };
    });
    b.onLoad({ filter: /.*/, namespace: 'node-builtin' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(`node:${args.path}`)});`,
      loader: 'js',
    }));
  },
};

/** Modules of src/ that the handler imports dynamically and that are built apart, as dist/<name>.mjs. */
const SEPARATE = { periodic: 'src/periodic.ts', sts: 'src/sts.ts' };

/** In the handler's build: the separately built modules stay dynamic imports of their files beside it. */
const separateModules = {
  name: 'separate-modules',
  setup(b) {
    b.onResolve({ filter: /^\.\/[a-z]+\.js$/ }, (args) => {
      const name = args.path.slice(2, -3);
      if (args.kind !== 'dynamic-import' || !Object.hasOwn(SEPARATE, name)) return undefined;
      if (dirname(args.importer) !== join(root, 'src')) return undefined;
      return { path: `./${name}.mjs`, external: true };
    });
  },
};

async function coreDist() {
  const url = import.meta.resolve('@rampart/core', pathToFileURL(join(root, 'package.json')).href);
  return { url, dir: dirname(fileURLToPath(url)) };
}

/**
 * Where each export of @rampart/core is defined: its index module only re-exports
 * (`export { … } from './x.js'`, `export * from './x.js'`); anything else fails the build.
 */
async function coreExports(core) {
  const text = await readFile(fileURLToPath(core.url), 'utf8');
  const byName = new Map();
  for (const [, list, from] of text.matchAll(/export\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
    for (const item of names(list)) {
      const [imported, name = imported] = item.split(/\s+as\s+/);
      byName.set(name, { imported, file: join(core.dir, from) });
    }
  }
  for (const [, from] of text.matchAll(/export\s*\*\s*from\s*'([^']+)'/g)) {
    const file = join(core.dir, from);
    for (const name of Object.keys(await import(pathToFileURL(file).href))) byName.set(name, { imported: name, file });
  }
  const missing = Object.keys(await import(core.url)).filter((name) => !byName.has(name));
  if (missing.length > 0) throw new Error(`@rampart/core exports ${missing.join(', ')} other than by re-export`);
  return byName;
}

const names = (list) =>
  list
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** The names a module imports from @rampart/core as values (type-only imports are gone once it is JavaScript). */
async function coreImportsOf(file) {
  const source = await readFile(file, 'utf8');
  const { code } = await transform(source, { loader: file.endsWith('.ts') ? 'ts' : 'js', format: 'esm' });
  const found = [];
  for (const [statement, what] of code.matchAll(/(?:import|export)\s*([^;]*?)\s*from\s*"@rampart\/core"/g)) {
    const list = /^\{([^}]*)\}$/.exec(what.trim())?.[1];
    if (list === undefined) throw new Error(`${file}: import only named exports of @rampart/core (${statement})`);
    for (const item of names(list)) found.push(item.split(/\s+as\s+/)[0]);
  }
  return found;
}

/** A module re-exporting these names of @rampart/core from the files that define them. */
function reexports(wanted, byName, who) {
  return [...new Set(wanted)]
    .map((name) => {
      const found = byName.get(name);
      if (found === undefined) throw new Error(`${who}: @rampart/core has no export ${name}`);
      return `export { ${found.imported} as ${name} } from ${JSON.stringify(found.file)};`;
    })
    .join('\n');
}

/**
 * @rampart/core without its index module, which re-exports the whole package. esbuild puts a module
 * on the path of every entry that reaches it through a re-export that any entry uses; through the
 * index, the change path would load every module the periodic path uses from core. So each module
 * of src/ imports the names it uses straight from the files that define them, and `rampart:core`
 * (core.mjs) re-exports the names the separately built modules import, the same way.
 */
function coreWithoutIndex(core, byName, shared) {
  return {
    name: 'core-without-index',
    setup(b) {
      b.onResolve({ filter: /^rampart:core$/ }, () => ({ path: 'core', namespace: 'rampart' }));
      b.onLoad({ filter: /^core$/, namespace: 'rampart' }, () => ({
        contents: reexports(shared, byName, 'core.mjs'),
        resolveDir: core.dir,
        loader: 'js',
      }));
      b.onResolve({ filter: /^@rampart\/core$/ }, (args) => {
        if (!args.importer.startsWith(join(root, 'src'))) return undefined;
        return { path: args.importer, namespace: 'rampart-core-for' };
      });
      b.onLoad({ filter: /.*/, namespace: 'rampart-core-for' }, async (args) => ({
        contents: reexports(await coreImportsOf(args.path), byName, args.path),
        loader: 'js',
        resolveDir: core.dir,
      }));
    },
  };
}

/**
 * In the builds of the separate modules: @rampart/core is core.mjs, so a control loaded by the
 * handler and the engine, items and facts of the periodic path are one set of modules (one
 * `ConfigItem` class, one `MissingDataError`...), not two copies. Records what they import.
 */
function coreFromHandlerBuild(shared) {
  return {
    name: 'core-from-handler-build',
    setup(b) {
      b.onResolve({ filter: /^@rampart\/core$/ }, async (args) => {
        shared.push(...(await coreImportsOf(args.importer)));
        return { path: './core.mjs', external: true };
      });
    },
  };
}

/**
 * The change path needs one control, not the catalog: src/control-source.ts becomes a map from
 * control id to a dynamic import of that control's file in @rampart/core (file name = control id).
 */
async function perControlLoader(core, byName) {
  const { catalog, Registry } = await import(core.url);
  const services = await readdir(join(core.dir, 'controls'), { withFileTypes: true });
  const files = new Map();
  for (const dir of services.filter((d) => d.isDirectory())) {
    for (const file of await readdir(join(core.dir, 'controls', dir.name))) {
      if (file.endsWith('.js')) files.set(file.slice(0, -3), join(core.dir, 'controls', dir.name, file));
    }
  }
  const contents = await controlLoaderSource(catalog().all(), files, {
    Registry,
    catalogFile: byName.get('catalog').file,
  });
  return {
    name: 'per-control-loader',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]control-source\.ts$/ }, () => ({ contents, loader: 'js', resolveDir: root }));
    },
  };
}

/**
 * The loader module for these controls. Each is validated here, at build time, as the registry
 * would at run time (a control with invalid metadata fails the build, and a cold start builds no
 * metadata schema), and must be exported by its file; a control without a file of its own is
 * taken from the catalog module (`catalogFile`).
 */
export async function controlLoaderSource(controls, files, { Registry, catalogFile }) {
  const lines = [];
  for (const control of controls) {
    new Registry([control]);
    const file = files.get(control.id);
    let load;
    if (file !== undefined) {
      const mod = await import(pathToFileURL(file).href);
      if (!Object.values(mod).includes(control)) throw new Error(`${file} does not export control ${control.id}`);
      load = `import(${JSON.stringify(file)})`;
    } else {
      load = `import(${JSON.stringify(catalogFile)}).then((m) => ({ c: m.catalog().get(${JSON.stringify(control.id)}) }))`;
    }
    lines.push(`  ${JSON.stringify(control.id)}: () => ${load},`);
  }
  return `const loaders = {
${lines.join('\n')}
};
export async function loadControl(id) {
  if (!Object.hasOwn(loaders, id)) return undefined;
  const mod = await loaders[id]();
  return Object.values(mod).find((v) => v !== null && typeof v === 'object' && v.id === id);
}
`;
}

const common = {
  ...LAMBDA_BUILD_OPTIONS,
  absWorkingDir: root,
};

/**
 * Three builds. The handler's (with code splitting, for the per-control chunks) holds nothing of
 * the periodic path: sharing chunks with it would put whole SDK modules (every protocol of
 * @aws-sdk/core, the HTTP/2 handler) on the change path, since esbuild puts a module in the chunks
 * of every entry that reaches it through a used re-export. periodic.mjs and sts.mjs are built
 * first, each with its own copy of the SDK, importing @rampart/core from core.mjs, which the
 * handler's build then makes of exactly what they import.
 */
export async function bundle() {
  // dist/lib (tsc, for the baseline's imports) stays.
  await rm(join(outdir, 'chunks'), { recursive: true, force: true });
  for (const file of ['handler', 'core', ...Object.keys(SEPARATE)])
    await rm(join(outdir, `${file}.mjs`), { force: true });
  const core = await coreDist();
  const byName = await coreExports(core);
  const shared = [];
  const separate = await Promise.all(
    Object.entries(SEPARATE).map(([name, entry]) =>
      build({
        ...common,
        entryPoints: { [name]: entry },
        outdir,
        plugins: [builtinsViaRequire, lambdaCredentials, coreFromHandlerBuild(shared)],
      }),
    ),
  );
  const main = await build({
    ...common,
    entryPoints: { handler: 'src/handler.ts', core: 'rampart:core' },
    outdir,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [
      builtinsViaRequire,
      lambdaCredentials,
      separateModules,
      coreWithoutIndex(core, byName, shared),
      await perControlLoader(core, byName),
    ],
  });
  const metafile = { inputs: {}, outputs: {} };
  for (const m of [main.metafile, ...separate.map((r) => r.metafile)]) {
    Object.assign(metafile.inputs, m.inputs);
    Object.assign(metafile.outputs, m.outputs);
  }
  checkRelativeImports(metafile);
  await writeFile(join(root, 'dist', 'meta.json'), JSON.stringify(metafile));
  return metafile;
}

/** The files built apart are imported by paths relative to dist/: only files in dist/ itself may import them. */
function checkRelativeImports(metafile) {
  for (const [file, output] of Object.entries(metafile.outputs)) {
    for (const imp of output.imports) {
      if (!imp.external || !imp.path.startsWith('./')) continue;
      if (posix.dirname(file) !== 'dist') {
        throw new Error(`${file} imports ${imp.path}, which only resolves from dist/ itself`);
      }
    }
  }
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
    `config-rules bundle: change path ${(bytes / 1024).toFixed(0)} KB in ${files.length} file(s) (${files.map((f) => relative('dist', f)).join(', ')}); all files ${(total / 1024).toFixed(0)} KB`,
  );
}
