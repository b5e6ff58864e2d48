#!/usr/bin/env node
// The rampart command. Runs the compiled CLI; `pnpm install && pnpm build` (the README's set-up) builds it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('rampart: the CLI is not built yet. Run `pnpm install && pnpm build` at the repository root.\n');
  process.exit(2);
}
const { runCli } = await import(main.href);
process.exitCode = await runCli(process.argv.slice(2));
