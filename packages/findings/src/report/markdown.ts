import { AREA_TITLES } from '@rampart/core';
import { type ControlResult, questionTitle, type ReportModel } from './model.js';

export interface MarkdownReportOptions {
  /** Resources listed per control before "and N more" (default 50). */
  maxResourcesPerControl?: number;
}

const pct = (score: number | null): string => (score === null ? 'n/a' : `${score}%`);

/** Table cells: pipes and line breaks would break the row. */
const cell = (text: string): string => text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/\r?\n/g, ' ');

/** The report as GitHub-flavoured Markdown (a pull-request comment, a wiki page). */
export function renderMarkdownReport(model: ReportModel, options: MarkdownReportOptions = {}): string {
  const max = options.maxResourcesPerControl ?? 50;
  const { totals, scope } = model;
  const out: string[] = [];
  out.push(`# ${model.title}`, '');
  out.push(
    `Evaluated at ${scope.now} · accounts ${scope.accounts.join(', ') || 'none'} · regions ${scope.regions.join(', ') || 'none'} · ${scope.controls.length} controls`,
    '',
  );
  for (const gap of scope.incomplete) {
    out.push(`> **Incomplete:** ${gap.accountId} ${gap.region} could not read ${gap.resourceTypes.join(', ')}.`);
  }
  if (scope.incomplete.length > 0) out.push('');

  out.push('## Summary', '');
  out.push('| Score | Evaluations | Compliant | Non-compliant | Not applicable | Insufficient data | Error |');
  out.push('|---:|---:|---:|---:|---:|---:|---:|');
  out.push(
    `| ${pct(totals.score)} | ${totals.evaluations} | ${totals.compliant} | ${totals.nonCompliant} | ${totals.notApplicable} | ${totals.insufficientData} | ${totals.error} |`,
    '',
  );
  out.push('Score = compliant ÷ (compliant + non-compliant) evaluations.', '');

  out.push('## Score per area', '');
  out.push('| Area | Score | Controls | Failing controls | Compliant | Non-compliant | Gaps |');
  out.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const a of model.areas) {
    out.push(
      `| ${AREA_TITLES[a.area]} | ${pct(a.score)} | ${a.controls} | ${a.failingControls} | ${a.compliant} | ${a.nonCompliant} | ${a.insufficientData + a.error} |`,
    );
  }
  out.push('');

  const wa = model.wellArchitected;
  out.push('## Well-Architected best-practice coverage', '');
  out.push(
    `Controls in this run cover **${wa.covered} of ${wa.total}** best practices of the Security Pillar (${wa.version}): ` +
      `${wa.byStatus.failing} failing, ${wa.byStatus.gaps} with gaps, ${wa.byStatus.passing} passing, ` +
      `${wa.byStatus['not-applicable']} with nothing to evaluate, ${wa.byStatus['not-evaluated']} not selected, ` +
      `${wa.byStatus['no-controls']} without a Rampart control.`,
    '',
  );
  out.push('| Best practice | Status | Score | Controls |', '|---|---|---:|---|');
  let question = '';
  for (const bp of wa.bestPractices) {
    if (bp.question !== question) {
      question = bp.question;
      out.push(`| **${bp.question}** ${cell(questionTitle(bp.question))} | | | |`);
    }
    out.push(
      `| ${bp.id} ${cell(bp.title)} | ${bp.status} | ${bp.controls.length > 0 ? pct(bp.tally.score) : ''} | ${bp.controls.join(', ')} |`,
    );
  }
  out.push('');

  out.push('## Failing controls by severity', '');
  const failing = model.failing.filter((g) => g.controls.length > 0);
  if (failing.length === 0) out.push('No control found a non-compliant resource.', '');
  for (const g of failing) {
    out.push(`### ${g.severity} (${g.controls.length} controls, ${g.evaluations} resources)`, '');
    for (const c of g.controls) out.push(...controlBlock(c, max));
  }
  if (model.gaps.length > 0) {
    out.push('## Could not be evaluated', '');
    for (const c of model.gaps) out.push(...controlBlock(c, max));
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function controlBlock(c: ControlResult, max: number): string[] {
  const lines = [
    `#### ${c.title} (\`${c.id}\`, ${c.severity})`,
    '',
    `**Remediation:** ${c.remediation.text} ([docs](${c.remediation.url}))`,
    '',
    '| Resource | Type | Account | Region | Why |',
    '|---|---|---|---|---|',
  ];
  for (const r of c.resources.slice(0, max)) {
    lines.push(
      `| \`${cell(r.resourceId)}\` | ${r.resourceType} | ${r.accountId} | ${r.region} | ${r.compliance === 'NON_COMPLIANT' ? '' : `${r.compliance}: `}${cell(r.annotation)} |`,
    );
  }
  if (c.resources.length > max) lines.push(`| … and ${c.resources.length - max} more | | | | |`);
  lines.push('');
  return lines;
}
