import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AREAS, BEST_PRACTICES, catalog, evaluateSnapshot, loadInput, Snapshot } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import {
  buildReport,
  ReportBuilder,
  renderHtmlReport,
  renderJsonReport,
  renderMarkdownReport,
} from '../../../src/index.js';
import { evaluation, scope } from '../../support/fixtures.js';

const DEMO = join(import.meta.dirname, '..', '..', '..', '..', '..', 'examples', 'demo-account.jsonl');

function demoRun() {
  const snapshot = new Snapshot();
  loadInput(snapshot, readFileSync(DEMO, 'utf8'), DEMO);
  return evaluateSnapshot(snapshot, { controls: catalog().all(), now: new Date(snapshot.capturedAt!) });
}

describe('report model', () => {
  it('counts every verdict once, per area and in total, and scores compliant / judged', () => {
    const run = demoRun();
    const model = buildReport(run);
    const by = (c: string) => run.evaluations.filter((e) => e.compliance === c).length;
    expect(model.totals).toMatchObject({
      evaluations: run.evaluations.length,
      compliant: by('COMPLIANT'),
      nonCompliant: by('NON_COMPLIANT'),
      notApplicable: by('NOT_APPLICABLE'),
    });
    expect(model.totals.score).toBe(Math.round((100 * by('COMPLIANT')) / (by('COMPLIANT') + by('NON_COMPLIANT'))));
    expect(model.areas.map((a) => a.area)).toEqual([...AREAS]);
    expect(model.areas.reduce((n, a) => n + a.evaluations, 0)).toBe(run.evaluations.length);
    const failingResources = model.failing.reduce((n, g) => n + g.evaluations, 0);
    expect(failingResources).toBe(by('NON_COMPLIANT'));
  });

  it('has one coverage cell per best practice (63), consistent with the catalog mappings', () => {
    const model = buildReport(demoRun());
    const wa = model.wellArchitected;
    expect(wa.total).toBe(63);
    expect(wa.bestPractices.map((b) => b.id)).toEqual(BEST_PRACTICES.map((b) => b.id));
    const mapped = new Set(
      catalog()
        .all()
        .flatMap((c) => c.wellArchitected),
    );
    expect(wa.covered).toBe(mapped.size);
    expect(Object.values(wa.byStatus).reduce((a, b) => a + b, 0)).toBe(63);
    for (const bp of wa.bestPractices) expect(bp.status === 'no-controls').toBe(!mapped.has(bp.id));
  });

  it('sorts failing controls by severity and keeps gaps apart; a control outside the run is "not-evaluated"', () => {
    const evaluations = [
      evaluation({ controlId: 's3-bucket-server-side-encryption-enabled' }),
      evaluation({ controlId: 'restricted-ssh', resourceType: 'AWS::EC2::SecurityGroup', resourceId: 'sg-1' }),
      evaluation({
        controlId: 'restricted-ssh',
        resourceType: 'AWS::EC2::SecurityGroup',
        resourceId: 'sg-2',
        compliance: 'ERROR',
      }),
      evaluation({
        controlId: 'restricted-ssh',
        resourceType: 'AWS::EC2::SecurityGroup',
        resourceId: 'sg-3',
        compliance: 'COMPLIANT',
      }),
    ];
    const model = buildReport({
      evaluations,
      scope: scope({ controls: ['restricted-ssh', 's3-bucket-server-side-encryption-enabled'] }),
    });
    const failing = model.failing.flatMap((g) => g.controls.map((c) => [g.severity, c.id, c.resources.length]));
    expect(failing).toEqual([
      ['HIGH', 'restricted-ssh', 1],
      ['MEDIUM', 's3-bucket-server-side-encryption-enabled', 1],
    ]);
    expect(model.gaps.map((c) => [c.id, c.resources[0]!.resourceId])).toEqual([['restricted-ssh', 'sg-2']]);
    const statuses = new Set(model.wellArchitected.bestPractices.map((b) => b.status));
    expect(statuses.has('not-evaluated')).toBe(true);
    expect(model.wellArchitected.covered).toBeLessThan(10);
    const infra = model.areas.find((a) => a.area === 'infrastructure')!;
    expect(infra).toMatchObject({
      compliant: 1,
      nonCompliant: 1,
      error: 1,
      score: 50,
      controls: 1,
      failingControls: 1,
    });
  });

  it('gives a null score when nothing was judged, and names unknown controls', () => {
    const builder = new ReportBuilder();
    builder.add(evaluation({ compliance: 'NOT_APPLICABLE' }));
    builder.add(evaluation({ controlId: 'made-up' }));
    const model = builder.build(scope());
    expect(model.areas.find((a) => a.area === 'data-protection')!.score).toBeNull();
    expect(model.unknownControls).toEqual(['made-up']);
    expect(model.totals.evaluations).toBe(2);
  });
});

describe('HTML report', () => {
  const html = renderHtmlReport(buildReport(demoRun()));

  it('is one self-contained file: no script, external stylesheet, image, font or frame', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|@import|url\(/i);
    expect(html).not.toMatch(/\s(src|srcset|poster|data)=/i);
    expect(html).toContain("default-src 'none'");
    // Only remediation links point outside, and they are anchors people click.
    for (const m of html.matchAll(/(?:href)="([^"]+)"/g)) expect(m[1]).toMatch(/^https:\/\//);
  });

  it('carries the numbers, the charts, the 63-cell grid and print CSS', () => {
    const model = buildReport(demoRun());
    expect(html).toContain(`data-testid="total-evaluations">${model.totals.evaluations.toLocaleString('en-US')}<`);
    expect(html.match(/data-testid="wa-cell"/g)).toHaveLength(63);
    expect(html.match(/<svg/g)!.length).toBeGreaterThanOrEqual(3);
    expect(html).toContain('@media print');
    expect(html.match(/data-testid="failing-control"/g)).toHaveLength(
      model.failing.reduce((n, g) => n + g.controls.length, 0),
    );
  });

  it('escapes what it shows', () => {
    const text = renderHtmlReport(
      buildReport({
        evaluations: [evaluation({ resourceId: '<img src=x onerror=alert(1)>', annotation: 'a "quoted" & <b>' })],
        scope: scope(),
      }),
    );
    expect(text).not.toContain('<img src=x');
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(text).toContain('a &quot;quoted&quot; &amp; &lt;b&gt;');
  });

  it('cuts long resource lists per control', () => {
    const evaluations = Array.from({ length: 7 }, (_, i) => evaluation({ resourceId: `bucket-${i}` }));
    const text = renderHtmlReport(buildReport({ evaluations, scope: scope() }), { maxResourcesPerControl: 5 });
    expect(text).toContain('… and 2 more');
    expect(text).toContain('data-resources="7"');
  });
});

describe('Markdown and JSON reports', () => {
  it('Markdown has the summary, areas, the 63 best practices and the failing controls', () => {
    const model = buildReport(demoRun());
    const md = renderMarkdownReport(model);
    expect(md).toMatch(/^# Rampart security report\n/);
    expect(md).toContain(`| ${model.totals.score}% | ${model.totals.evaluations} |`);
    expect(md.match(/^\| SEC\d\d-BP\d\d /gm)).toHaveLength(63);
    expect(md).toContain('### CRITICAL');
    expect(md).toContain('Identity and access management');
  });

  it('Markdown escapes pipes in cells', () => {
    const md = renderMarkdownReport(
      buildReport({ evaluations: [evaluation({ annotation: 'a | b' })], scope: scope() }),
    );
    expect(md).toContain('a \\| b');
  });

  it('JSON is the model with a report version', () => {
    const model = buildReport(demoRun());
    const parsed = JSON.parse(renderJsonReport(model)) as Record<string, unknown>;
    expect(parsed['reportVersion']).toBe(1);
    expect(parsed['totals']).toEqual(model.totals);
  });
});
