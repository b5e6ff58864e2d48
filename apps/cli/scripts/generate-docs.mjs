#!/usr/bin/env node
// Writes docs/controls.md from the catalog (`pnpm docs`). With --check, exits 1 when the file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalog } from '@rampart/core';
import { controlsMarkdown } from '../dist/render/controls.js';

const target = fileURLToPath(new URL('../../../docs/controls.md', import.meta.url));
const content = controlsMarkdown(catalog().all());
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {}
  if (current !== content) {
    console.error('docs/controls.md is stale: run `pnpm docs` and commit the result.');
    process.exit(1);
  }
  console.error('docs/controls.md is up to date.');
} else {
  writeFileSync(target, content);
  console.error(`wrote ${target}`);
}
