import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `shared/` beside the repository: /work/shared next to /work/main here, and in CI a copy beside
 * the fresh clone. The reference data the catalog is checked against lives there.
 */
export const SHARED_DIR = join(import.meta.dirname, '../../../../../..', 'shared');

/** A file of `shared/`; a missing directory fails the test with a message saying what is missing. */
export function sharedFile(relative: string): string {
  if (!existsSync(SHARED_DIR)) {
    throw new Error(
      `The shared reference directory is missing: expected ${SHARED_DIR} (a copy of shared/ beside the repository). ` +
        'The catalog tests check the controls against it and cannot run without it.',
    );
  }
  const path = join(SHARED_DIR, relative);
  if (!existsSync(path)) throw new Error(`The shared reference file is missing: ${path}`);
  return readFileSync(path, 'utf8');
}

/** Rows of the first Markdown table after `## <heading>`, as arrays of trimmed cells (header and rule rows skipped). */
export function markdownTable(text: string, heading: string): string[][] {
  const lines = text.split(/\r?\n/);
  let i = lines.findIndex((l) => l.trim() === `## ${heading}`);
  if (i === -1) throw new Error(`no "## ${heading}" section`);
  while (i < lines.length && !lines[i]!.trimStart().startsWith('|')) i++;
  const rows: string[][] = [];
  for (; i < lines.length && lines[i]!.trimStart().startsWith('|'); i++) {
    const cells = lines[i]!.trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim());
    rows.push(cells);
  }
  // Header row and the |---| rule.
  return rows.slice(2);
}

/** The 2024-06-27 best practices: id, title, question. */
export function referenceBestPractices(): { id: string; title: string; question: string }[] {
  return markdownTable(sharedFile('reference/wa-security-pillar-best-practices.md'), 'Best practices').map(
    ([id, title, question]) => ({ id: id!, title: title!, question: question! }),
  );
}

export function referenceQuestions(): { id: string; title: string }[] {
  return markdownTable(sharedFile('reference/wa-security-pillar-best-practices.md'), 'Questions').map(
    ([id, title]) => ({
      id: id!,
      title: title!,
    }),
  );
}
