import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CliIo, runCli } from '@rampart/cli';
import { AREAS, type Area, BEST_PRACTICES, catalog, type Evaluation } from '@rampart/core';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `rampart demo` writes the HTML report of the demo account; headless Chromium (Debian's `chromium`,
 * driven by playwright-core, never a downloaded browser) renders it, and the numbers on the page are
 * checked against the evaluations the same command prints as JSON, computed here independently of the
 * report code. A screenshot and a PDF go to test-e2e/test-artifacts/.
 */

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(import.meta.dirname, '..', 'test-artifacts');
const dir = mkdtempSync(join(tmpdir(), 'rampart-report-html-'));
const REPORT = join(dir, 'demo-report.html');

async function demo(): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    color: false,
    cwd: dir,
  };
  return { code: await runCli(['demo', '--format', 'json', '--out', REPORT], io), stdout, stderr };
}

const number = (text: string | null): number => Number((text ?? '').replace(/[,\s]/g, ''));
const percent = (compliant: number, nonCompliant: number): string =>
  compliant + nonCompliant === 0 ? 'n/a' : `${Math.round((100 * compliant) / (compliant + nonCompliant))}%`;

describe('the demo HTML report in headless Chromium', () => {
  let evaluations: Evaluation[];
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`,
      );
    }
    const out = await demo();
    expect(out.code).toBe(0);
    expect(out.stderr).toContain(REPORT);
    evaluations = (JSON.parse(out.stdout) as { evaluations: Evaluation[] }).evaluations;

    // A fresh profile, nothing in the background: the test must not touch the network.
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(REPORT).href, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await context?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads the one file and nothing else', () => {
    expect(requests).toEqual([pathToFileURL(REPORT).href]);
  });

  it('shows the totals of the evaluations', async () => {
    const count = (c: string) => evaluations.filter((e) => e.compliance === c).length;
    const shown = async (id: string) => number(await page.getByTestId(id).textContent());
    expect(await shown('total-evaluations')).toBe(evaluations.length);
    expect(await shown('total-compliant')).toBe(count('COMPLIANT'));
    expect(await shown('total-nonCompliant')).toBe(count('NON_COMPLIANT'));
    expect(await shown('total-notApplicable')).toBe(count('NOT_APPLICABLE'));
    expect(await shown('total-insufficientData')).toBe(count('INSUFFICIENT_DATA'));
    expect(await shown('total-error')).toBe(count('ERROR'));
    expect(await page.getByTestId('score').textContent()).toBe(percent(count('COMPLIANT'), count('NON_COMPLIANT')));
    expect(await shown('failing-evaluations')).toBe(count('NON_COMPLIANT'));
  });

  it('shows the score of every area', async () => {
    const areaOf = new Map(
      catalog()
        .all()
        .map((c) => [c.id, c.area]),
    );
    for (const area of AREAS) {
      const mine = evaluations.filter((e) => areaOf.get(e.controlId) === (area as Area));
      const c = mine.filter((e) => e.compliance === 'COMPLIANT').length;
      const nc = mine.filter((e) => e.compliance === 'NON_COMPLIANT').length;
      const row = page.locator(`tr[data-area="${area}"]`);
      expect(await row.getByTestId('area-score').textContent(), area).toBe(percent(c, nc));
      expect(number(await row.getByTestId('area-compliant').textContent())).toBe(c);
      expect(number(await row.getByTestId('area-nonCompliant').textContent())).toBe(nc);
      // The bar chart shows the same figure.
      expect(await page.locator(`[data-testid="chart-areas"] g[data-area="${area}"]`).textContent()).toContain(
        percent(c, nc),
      );
    }
  });

  it('shows the Well-Architected grid: 63 best practices, covered as the catalog maps them', async () => {
    const cells = page.getByTestId('wa-cell');
    expect(await cells.count()).toBe(BEST_PRACTICES.length);
    expect(BEST_PRACTICES).toHaveLength(63);
    const mapped = new Set(
      catalog()
        .all()
        .flatMap((c) => c.wellArchitected),
    );
    expect(number(await page.getByTestId('wa-covered').textContent())).toBe(mapped.size);
    expect(number(await page.getByTestId('wa-total').textContent())).toBe(63);
    const uncovered = await page.locator('[data-testid="wa-cell"][data-status="no-controls"]').count();
    expect(uncovered).toBe(63 - mapped.size);
    // Every cell is laid out (visible with a size), not just present in the markup.
    const boxes = await cells.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().width));
    expect(boxes.every((w) => w > 50)).toBe(true);
  });

  it('lists each failing control with its resources and renders the charts', async () => {
    const failing = new Map<string, number>();
    for (const e of evaluations) {
      if (e.compliance === 'NON_COMPLIANT') failing.set(e.controlId, (failing.get(e.controlId) ?? 0) + 1);
    }
    const cards = page.getByTestId('failing-control');
    expect(await cards.count()).toBe(failing.size);
    const shown = await cards.evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-control'), Number(el.getAttribute('data-resources'))] as const),
    );
    expect(new Map(shown)).toEqual(failing);
    for (const id of ['chart-verdicts', 'chart-areas', 'chart-severity']) {
      const box = await page.getByTestId(id).boundingBox();
      expect(box?.width ?? 0, id).toBeGreaterThan(100);
    }
  });

  it('saves a screenshot and prints to PDF', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const png = join(ARTIFACTS, 'report-demo.png');
    await page.screenshot({ path: png, fullPage: true });
    expect(statSync(png).size).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'print' });
    const pdf = join(ARTIFACTS, 'report-demo.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });
  });
});
