// The esbuild options every Lambda function of the project shares (apps/*/scripts/bundle.mjs): one ES
// module per entry for the nodejs22.x runtime, minified, with a metafile for the size budgets.
export const LAMBDA_BUILD_OPTIONS = {
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
};
