#!/usr/bin/env node
// The rampart command. Runs the compiled CLI; `pnpm install && pnpm build` (the README's set-up) builds it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The AWS SDK warns on Node 20 that versions published after January 2027 need Node 22. Rampart pins
// its SDK versions (pnpm catalog), so the warning says nothing actionable on every scan; it is kept for
// anyone who sets the variable to "false".
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('rampart: the CLI is not built yet. Run `pnpm install && pnpm build` at the repository root.\n');
  process.exit(2);
}
const { runCli } = await import(main.href);
process.exitCode = await runCli(process.argv.slice(2));
