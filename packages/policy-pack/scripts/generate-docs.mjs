// Regenerates the tables of docs/policy-pack.md from the catalog and the adapters (run after a build:
// `pnpm --filter @rampart/policy-pack docs`). tests/unit/docs.test.ts fails while the file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withCurrentSection } from '../dist/index.js';

const path = join(dirname(fileURLToPath(import.meta.url)), '../../../docs/policy-pack.md');
const before = readFileSync(path, 'utf8');
const after = withCurrentSection(before);
if (after !== before) writeFileSync(path, after);
process.stderr.write(`${after === before ? 'up to date' : 'updated'}: ${path}\n`);
