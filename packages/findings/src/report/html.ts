import type { Severity } from '@rampart/core';
import {
  type AreaSummary,
  COVERAGE_STATUSES,
  type ControlResult,
  type CoverageStatus,
  questionTitle,
  type ReportModel,
  type ReportResource,
  type Tally,
} from './model.js';

export interface HtmlReportOptions {
  /** Resources listed per control before "and N more" (default 200): keeps an organization's report openable. */
  maxResourcesPerControl?: number;
}

const esc = (value: string | number): string =>
  String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

const num = (n: number): string => n.toLocaleString('en-US');
const pct = (score: number | null): string => (score === null ? 'n/a' : `${score}%`);

const VERDICT_COLORS = {
  compliant: '#2e7d32',
  nonCompliant: '#c62828',
  notApplicable: '#9e9e9e',
  insufficientData: '#f9a825',
  error: '#6a1b9a',
} as const;

const VERDICT_LABELS: Record<keyof typeof VERDICT_COLORS, string> = {
  compliant: 'Compliant',
  nonCompliant: 'Non-compliant',
  notApplicable: 'Not applicable',
  insufficientData: 'Insufficient data',
  error: 'Error',
};

const SEVERITY_COLORS: Record<Severity, string> = {
  CRITICAL: '#7f0000',
  HIGH: '#c62828',
  MEDIUM: '#ef6c00',
  LOW: '#f9a825',
  INFORMATIONAL: '#546e7a',
};

const STATUS_LABELS: Record<CoverageStatus, string> = {
  failing: 'Failing',
  gaps: 'Gaps',
  passing: 'Passing',
  'not-applicable': 'Nothing to evaluate',
  'not-evaluated': 'Not selected',
  'no-controls': 'No Rampart control',
};

const CSS = `
:root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1180px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 12px;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:16px;margin:20px 0 8px}
.muted{color:var(--muted)}.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;word-break:break-all}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:12px;margin:16px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:12px;background:var(--soft)}
.card .v{font-size:26px;font-weight:700}.card .k{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.charts{display:grid;grid-template-columns:minmax(260px,1fr) 2fr;gap:24px;align-items:start}
.legend{list-style:none;padding:0;margin:8px 0}.legend li{display:inline-flex;align-items:center;margin:0 12px 4px 0}
.sw{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:6px}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--soft)}td.n{text-align:right;font-variant-numeric:tabular-nums}
.grid{display:grid;grid-template-columns:90px 1fr;gap:6px 10px;align-items:start}
.grid .q{font-weight:600;font-size:12px;padding-top:6px}
.cells{display:flex;flex-wrap:wrap;gap:6px}
.bp{width:120px;min-height:58px;border-radius:6px;padding:6px;font-size:11px;line-height:1.25;border:1px solid rgba(0,0,0,.15)}
.bp b{display:block;font-size:12px}
.s-failing{background:#ffcdd2}.s-gaps{background:#fff3c4}.s-passing{background:#c8e6c9}.s-not-applicable{background:#eceff1}
.s-not-evaluated{background:#fff;border-style:dashed}.s-no-controls{background:#fff;color:#8c959f;border-style:dotted}
.sev{display:inline-block;color:#fff;border-radius:4px;padding:1px 6px;font-size:11px;font-weight:700}
.control{border:1px solid var(--line);border-radius:8px;padding:10px 12px;margin:10px 0;break-inside:avoid}
.control h4{margin:0 0 4px;font-size:15px}
.remediation{background:var(--soft);border-left:3px solid #0969da;padding:6px 10px;margin:6px 0}
.warn{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:8px 12px;margin:12px 0}
footer{margin-top:40px;color:var(--muted);font-size:12px}
@media print{
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  main{max-width:none;padding:0}body{font-size:11px}
  h2{break-after:avoid}.control,.card,tr,.bp{break-inside:avoid}
  .charts{grid-template-columns:1fr 2fr}
  a{color:inherit;text-decoration:none}a[href^="http"]::after{content:" (" attr(href) ")";font-size:9px;color:var(--muted)}
  @page{margin:14mm}
}`;

/** The report as one HTML file: inline CSS and SVG, no script, no external asset or request. */
export function renderHtmlReport(model: ReportModel, options: HtmlReportOptions = {}): string {
  const max = options.maxResourcesPerControl ?? 200;
  const { totals, scope } = model;
  const parts: string[] = [];
  parts.push(
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No network, ever: the report may be opened from an S3 download or a mail attachment.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(model.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body><main>',
    `<h1>${esc(model.title)}</h1>`,
    `<p class="muted">Evaluated at <time data-testid="now">${esc(scope.now)}</time> · generated ${esc(model.generatedAt)} · ` +
      `accounts <span data-testid="accounts">${esc(scope.accounts.join(', ') || 'none')}</span> · ` +
      `regions <span data-testid="regions">${esc(scope.regions.join(', ') || 'none')}</span> · ` +
      `<span data-testid="control-count">${scope.controls.length}</span> controls</p>`,
  );
  if (scope.incomplete.length > 0) {
    parts.push(
      '<div class="warn" data-testid="incomplete"><strong>Incomplete:</strong> some resource types could not be read, so their controls could not judge them:<ul>',
      ...scope.incomplete.map(
        (s) =>
          `<li>${esc(s.accountId)} ${esc(s.region)}: <span class="mono">${esc(s.resourceTypes.join(', '))}</span></li>`,
      ),
      '</ul></div>',
    );
  }
  if (model.unknownControls.length > 0) {
    parts.push(
      `<div class="warn">Evaluations of controls not in this catalog are counted in the totals only: ${esc(model.unknownControls.join(', '))}</div>`,
    );
  }

  parts.push('<section aria-labelledby="summary"><h2 id="summary">Summary</h2>', '<div class="cards">');
  parts.push(card('Score', pct(totals.score), 'score'));
  parts.push(card('Evaluations', num(totals.evaluations), 'total-evaluations'));
  for (const key of Object.keys(VERDICT_LABELS) as (keyof typeof VERDICT_LABELS)[]) {
    parts.push(card(VERDICT_LABELS[key], num(totals[key]), `total-${key}`));
  }
  parts.push('</div>');
  parts.push(
    '<p class="muted">Score = compliant ÷ (compliant + non-compliant) evaluations. Not applicable, insufficient data and errors are not scored; the last two are listed under gaps.</p>',
  );
  parts.push('<div class="charts">', donut(totals), areaBars(model.areas), '</div>', '</section>');

  parts.push(
    '<section aria-labelledby="areas"><h2 id="areas">Score per area</h2>',
    '<table data-testid="areas"><thead><tr><th>Area</th><th>Score</th><th>Controls</th><th>Failing controls</th>' +
      '<th>Compliant</th><th>Non-compliant</th><th>Not applicable</th><th>Insufficient data</th><th>Error</th></tr></thead><tbody>',
    ...model.areas.map(
      (a) =>
        `<tr data-area="${esc(a.area)}"><th scope="row">${esc(a.title)}</th>` +
        `<td class="n" data-testid="area-score">${pct(a.score)}</td><td class="n">${a.controls}</td><td class="n">${a.failingControls}</td>` +
        `<td class="n" data-testid="area-compliant">${num(a.compliant)}</td><td class="n" data-testid="area-nonCompliant">${num(a.nonCompliant)}</td>` +
        `<td class="n">${num(a.notApplicable)}</td><td class="n">${num(a.insufficientData)}</td><td class="n">${num(a.error)}</td></tr>`,
    ),
    '</tbody></table></section>',
  );

  parts.push(wellArchitectedGrid(model));
  parts.push(failingSection(model, max));
  if (model.gaps.length > 0) {
    parts.push(
      '<section aria-labelledby="gaps"><h2 id="gaps">Could not be evaluated</h2>',
      '<p class="muted">These verdicts are not passes: the data a control needs could not be read, or the control failed.</p>',
      ...model.gaps.map((c) => controlCard(c, max, 'gap')),
      '</section>',
    );
  }
  parts.push(
    `<footer>Rampart · AWS Well-Architected Security Pillar ${esc(model.wellArchitected.version)} · ${num(totals.evaluations)} evaluations</footer>`,
    '</main></body></html>',
    '',
  );
  return parts.join('\n');
}

function card(label: string, value: string, testId: string): string {
  return `<div class="card"><div class="k">${esc(label)}</div><div class="v" data-testid="${esc(testId)}">${esc(value)}</div></div>`;
}

function donut(t: Tally): string {
  const keys = Object.keys(VERDICT_COLORS) as (keyof typeof VERDICT_COLORS)[];
  const total = t.evaluations;
  // A circle of circumference 100 turns shares into stroke-dasharray lengths directly.
  let offset = 25;
  const arcs: string[] = [];
  for (const key of keys) {
    if (total === 0 || t[key] === 0) continue;
    const share = (100 * t[key]) / total;
    arcs.push(
      `<circle r="15.9155" cx="21" cy="21" fill="none" stroke="${VERDICT_COLORS[key]}" stroke-width="6" ` +
        `stroke-dasharray="${share.toFixed(3)} ${(100 - share).toFixed(3)}" stroke-dashoffset="${offset.toFixed(3)}">` +
        `<title>${esc(VERDICT_LABELS[key])}: ${num(t[key])}</title></circle>`,
    );
    offset -= share;
  }
  return (
    '<figure style="margin:0"><svg viewBox="0 0 42 42" width="220" height="220" role="img" aria-label="Evaluations by verdict" data-testid="chart-verdicts">' +
    '<circle r="15.9155" cx="21" cy="21" fill="none" stroke="#eaeef2" stroke-width="6"></circle>' +
    arcs.join('') +
    `<text x="21" y="20.5" text-anchor="middle" font-size="7" font-weight="700">${esc(pct(t.score))}</text>` +
    '<text x="21" y="26" text-anchor="middle" font-size="3" fill="#57606a">score</text></svg>' +
    '<figcaption><ul class="legend">' +
    keys
      .map(
        (k) =>
          `<li><span class="sw" style="background:${VERDICT_COLORS[k]}"></span>${esc(VERDICT_LABELS[k])} ${num(t[k])}</li>`,
      )
      .join('') +
    '</ul></figcaption></figure>'
  );
}

function areaBars(areas: readonly AreaSummary[]): string {
  const rowH = 34;
  const labelW = 230;
  const barW = 420;
  const height = areas.length * rowH + 10;
  const rows = areas.map((a, i) => {
    const y = 6 + i * rowH;
    const w = a.score === null ? 0 : (barW * a.score) / 100;
    const color = a.score === null ? '#9e9e9e' : a.score >= 90 ? '#2e7d32' : a.score >= 70 ? '#ef6c00' : '#c62828';
    return (
      `<g data-area="${esc(a.area)}"><text x="0" y="${y + 17}" font-size="13">${esc(a.title)}</text>` +
      `<rect x="${labelW}" y="${y + 4}" width="${barW}" height="18" fill="#eaeef2" rx="3"></rect>` +
      `<rect x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="18" fill="${color}" rx="3"><title>${esc(a.title)}: ${pct(a.score)}</title></rect>` +
      `<text x="${labelW + barW + 8}" y="${y + 17}" font-size="13" font-weight="700">${esc(pct(a.score))}</text></g>`
    );
  });
  return (
    `<figure style="margin:0"><svg viewBox="0 0 ${labelW + barW + 60} ${height}" width="100%" role="img" aria-label="Score per area" data-testid="chart-areas">` +
    rows.join('') +
    '</svg><figcaption class="muted">Score per area</figcaption></figure>'
  );
}

function wellArchitectedGrid(model: ReportModel): string {
  const wa = model.wellArchitected;
  const byQuestion = new Map<string, typeof wa.bestPractices>();
  for (const bp of wa.bestPractices) {
    const list = byQuestion.get(bp.question) ?? [];
    list.push(bp);
    byQuestion.set(bp.question, list);
  }
  const rows: string[] = [];
  for (const [question, list] of byQuestion) {
    rows.push(`<div class="q" title="${esc(questionTitle(question))}">${esc(question)}</div><div class="cells">`);
    for (const bp of list) {
      const detail =
        bp.controls.length === 0
          ? STATUS_LABELS[bp.status]
          : `${bp.controls.length} control${bp.controls.length === 1 ? '' : 's'} · ${pct(bp.tally.score)}`;
      const tip = `${bp.id} ${bp.title} — ${STATUS_LABELS[bp.status]}${bp.controls.length > 0 ? `: ${bp.controls.join(', ')}` : ''}`;
      rows.push(
        `<div class="bp s-${bp.status}" data-testid="wa-cell" data-bp="${esc(bp.id)}" data-status="${bp.status}" title="${esc(tip)}">` +
          `<b>${esc(bp.id.replace(/^SEC\d\d-/, ''))}</b>${esc(bp.title)}<div class="muted">${esc(detail)}</div></div>`,
      );
    }
    rows.push('</div>');
  }
  return [
    '<section aria-labelledby="wa"><h2 id="wa">Well-Architected best-practice coverage</h2>',
    `<p>Rampart controls in this run cover <strong data-testid="wa-covered">${wa.covered}</strong> of ` +
      `<strong data-testid="wa-total">${wa.total}</strong> best practices of the Security Pillar (${esc(wa.version)})` +
      (wa.covered < wa.total
        ? '; many of the rest are about people and process, which configuration cannot show.</p>'
        : '.</p>'),
    '<ul class="legend">',
    ...COVERAGE_STATUSES.map(
      (s) =>
        `<li><span class="sw s-${s}" style="border:1px solid #8c959f"></span>${esc(STATUS_LABELS[s])}&nbsp;<span data-testid="wa-status-${s}">${wa.byStatus[s]}</span></li>`,
    ),
    '</ul>',
    '<div class="grid" data-testid="wa-grid">',
    ...rows,
    '</div></section>',
  ].join('\n');
}

function failingSection(model: ReportModel, max: number): string {
  const groups = model.failing;
  const most = Math.max(1, ...groups.map((g) => g.evaluations));
  const barW = 360;
  const chart =
    `<svg viewBox="0 0 560 ${groups.length * 28 + 8}" width="100%" style="max-width:640px" role="img" aria-label="Non-compliant evaluations by severity" data-testid="chart-severity">` +
    groups
      .map((g, i) => {
        const y = 4 + i * 28;
        const w = (barW * g.evaluations) / most;
        return (
          `<text x="0" y="${y + 16}" font-size="12">${esc(g.severity)}</text>` +
          `<rect x="120" y="${y + 3}" width="${w.toFixed(1)}" height="18" fill="${SEVERITY_COLORS[g.severity]}" rx="3"></rect>` +
          `<text x="${(128 + w).toFixed(1)}" y="${y + 16}" font-size="12" font-weight="700">${num(g.evaluations)}</text>`
        );
      })
      .join('') +
    '</svg>';
  const body: string[] = [];
  for (const g of groups) {
    if (g.controls.length === 0) continue;
    body.push(
      `<h3 data-testid="severity-${g.severity}">${sevBadge(g.severity)} ${esc(titleCase(g.severity))}: ` +
        `${g.controls.length} control${g.controls.length === 1 ? '' : 's'}, ${num(g.evaluations)} resource${g.evaluations === 1 ? '' : 's'}</h3>`,
    );
    for (const c of g.controls) body.push(controlCard(c, max, 'failing'));
  }
  const failingControls = groups.reduce((n, g) => n + g.controls.length, 0);
  return [
    '<section aria-labelledby="failing"><h2 id="failing">Failing controls by severity</h2>',
    `<p><strong data-testid="failing-controls">${failingControls}</strong> controls found ` +
      `<strong data-testid="failing-evaluations">${num(model.totals.nonCompliant)}</strong> non-compliant resources.</p>`,
    chart,
    ...(failingControls === 0 ? ['<p>No control found a non-compliant resource.</p>'] : body),
    '</section>',
  ].join('\n');
}

function controlCard(c: ControlResult, max: number, kind: 'failing' | 'gap'): string {
  const shown = c.resources.slice(0, max);
  const more = c.resources.length - shown.length;
  return [
    `<article class="control" data-testid="${kind}-control" data-control="${esc(c.id)}" data-resources="${c.resources.length}">`,
    `<h4>${sevBadge(c.severity)} ${esc(c.title)}</h4>`,
    `<div class="muted"><span class="mono">${esc(c.id)}</span> · ${esc(c.area)}${c.wellArchitected.length > 0 ? ` · ${esc(c.wellArchitected.join(', '))}` : ''}</div>`,
    `<div class="remediation"><strong>Remediation:</strong> ${esc(c.remediation.text)} ` +
      `<a href="${esc(c.remediation.url)}" rel="noreferrer noopener">${esc(c.remediation.url)}</a></div>`,
    '<table><thead><tr><th>Resource</th><th>Account / region</th><th>Why</th></tr></thead><tbody>',
    ...shown.map(resourceRow),
    '</tbody></table>',
    more > 0 ? `<p class="muted">… and ${num(more)} more (see the JSON report or Security Hub).</p>` : '',
    '</article>',
  ].join('\n');
}

function resourceRow(r: ReportResource): string {
  return (
    `<tr><td><div class="mono">${esc(r.resourceId)}</div><div class="muted">${esc(r.resourceType)}</div>` +
    `${r.resourceArn !== null && r.resourceArn !== r.resourceId ? `<div class="mono muted">${esc(r.resourceArn)}</div>` : ''}</td>` +
    `<td>${esc(r.accountId)}<br>${esc(r.region)}</td><td>${r.compliance === 'NON_COMPLIANT' ? '' : `<strong>${esc(r.compliance)}</strong> `}${esc(r.annotation)}</td></tr>`
  );
}

function sevBadge(s: Severity): string {
  return `<span class="sev" style="background:${SEVERITY_COLORS[s]}">${esc(s)}</span>`;
}

function titleCase(s: string): string {
  return s.charAt(0) + s.slice(1).toLowerCase();
}
