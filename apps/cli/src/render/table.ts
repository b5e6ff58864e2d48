import {
  AREA_TITLES,
  AREAS,
  type Control,
  compareEvaluations,
  type Evaluation,
  SEVERITIES,
  severityRank,
} from '@rampart/core';
import { type CliIo, paint } from '../io.js';
import { type Counts, type Summary, score } from './summary.js';

const LABEL: Record<string, string> = {
  COMPLIANT: 'compliant',
  NON_COMPLIANT: 'non-compliant',
  NOT_APPLICABLE: 'not applicable',
  INSUFFICIENT_DATA: 'insufficient data',
  ERROR: 'error',
};

/** Pads to a display width, ignoring ANSI color codes. */
function pad(text: string, width: number): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI escapes to measure width.
  const visible = text.replace(/\u001b\[[0-9;]*m/g, '').length;
  return visible >= width ? text : text + ' '.repeat(width - visible);
}

function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI escapes to measure width.
      const w = cell.replace(/\u001b\[[0-9;]*m/g, '').length;
      widths[i] = Math.max(widths[i] ?? 0, w);
    });
  }
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : pad(cell, widths[i]!))).join('  '))
    .join('\n');
}

function countCells(io: CliIo, c: Counts): string[] {
  return [
    paint(io, 'green', String(c.COMPLIANT)),
    c.NON_COMPLIANT > 0 ? paint(io, 'red', String(c.NON_COMPLIANT)) : '0',
    String(c.NOT_APPLICABLE),
    c.INSUFFICIENT_DATA > 0 ? paint(io, 'yellow', String(c.INSUFFICIENT_DATA)) : '0',
    c.ERROR > 0 ? paint(io, 'magenta', String(c.ERROR)) : '0',
  ];
}

const COUNT_HEADERS = ['compliant', 'non-compliant', 'n/a', 'insufficient', 'error'];

/** The summary: verdict counts and score per area and per severity. */
export function renderSummary(io: CliIo, summary: Summary, evaluated: number): string {
  const lines: string[] = [];
  const t = summary.total;
  lines.push(
    paint(io, 'bold', `${evaluated} evaluation${evaluated === 1 ? '' : 's'}: `) +
      Object.entries(t)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${n} ${LABEL[k]}`)
        .join(', '),
  );
  lines.push('');
  const areaRows = [['area', ...COUNT_HEADERS, 'score'].map((h) => paint(io, 'dim', h))];
  for (const area of AREAS) {
    const c = summary.byArea[area];
    const s = score(c);
    areaRows.push([AREA_TITLES[area], ...countCells(io, c), s === undefined ? '-' : `${s}%`]);
  }
  lines.push(table(areaRows), '');
  const sevRows = [['severity', ...COUNT_HEADERS].map((h) => paint(io, 'dim', h))];
  for (const severity of SEVERITIES) sevRows.push([severity, ...countCells(io, summary.bySeverity[severity])]);
  lines.push(table(sevRows));
  return `${lines.join('\n')}\n`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rows of the failure listing a terminal shows before summarizing the rest (`--format json` lists all). */
export const DEFAULT_LIMIT = 200;

/** Keeps long ids (ARNs) readable in a column: the start and the end, which carry the name. */
function shorten(text: string, max = 72): string {
  if (text.length <= max) return text;
  const keep = Math.floor((max - 1) / 2);
  return `${text.slice(0, keep)}…${text.slice(text.length - keep)}`;
}

/**
 * The `n` smallest elements in order, as `[...list].sort(order).slice(0, n)` would give them, without
 * sorting the whole list (a large run has tens of thousands of findings and shows the first 200).
 */
export function smallest<T>(list: readonly T[], n: number, order: (a: T, b: T) => number): T[] {
  if (list.length <= n * 4) return [...list].sort(order).slice(0, n);
  const kept: T[] = [];
  for (const item of list) {
    if (kept.length === n && order(item, kept[n - 1]!) >= 0) continue;
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (order(kept[mid]!, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, item);
    if (kept.length > n) kept.pop();
  }
  return kept;
}

/** Findings that need attention (non-compliant, insufficient data, error), most severe first. */
export function renderFindings(
  io: CliIo,
  evaluations: readonly Evaluation[],
  controls: ReadonlyMap<string, Control<unknown>>,
  limit = DEFAULT_LIMIT,
): string {
  const attention = evaluations.filter(
    (e) => e.compliance === 'NON_COMPLIANT' || e.compliance === 'INSUFFICIENT_DATA' || e.compliance === 'ERROR',
  );
  if (attention.length === 0) return '';
  // Each evaluation's severity rank, looked up once (a sort compares each element many times).
  const ranks = new Map<string, number>();
  const rankOf = (id: string): number => {
    let r = ranks.get(id);
    if (r === undefined) {
      r = severityRank(controls.get(id)?.severity ?? 'INFORMATIONAL');
      ranks.set(id, r);
    }
    return r;
  };
  // Most severe first; within a control, DESIGN.md's output order (account, region, type, id), so the
  // listing is the same whether the evaluations arrived sorted or streamed. Ties keep their order.
  const decorated = attention.map((e, seq) => ({ e, rank: rankOf(e.controlId), seq }));
  const order = (a: (typeof decorated)[number], b: (typeof decorated)[number]): number =>
    a.rank - b.rank ||
    cmp(a.e.controlId, b.e.controlId) ||
    cmp(a.e.accountId, b.e.accountId) ||
    cmp(a.e.region, b.e.region) ||
    compareEvaluations(a.e, b.e) ||
    a.seq - b.seq;
  const first = limit > 0 ? smallest(decorated, limit, order) : decorated.sort(order);
  const rows = [['verdict', 'severity', 'control', 'resource', 'region', 'annotation'].map((h) => paint(io, 'dim', h))];
  const shown = first.map((d) => d.e);
  for (const e of shown) {
    const verdictStyle = e.compliance === 'NON_COMPLIANT' ? 'red' : e.compliance === 'ERROR' ? 'magenta' : 'yellow';
    rows.push([
      paint(io, verdictStyle, LABEL[e.compliance]!),
      controls.get(e.controlId)?.severity ?? '',
      e.controlId,
      shorten(`${e.resourceType} ${e.resourceId}`),
      e.region,
      e.annotation,
    ]);
  }
  const hidden = attention.length - shown.length;
  const more =
    hidden > 0
      ? `${paint(io, 'dim', `… and ${hidden} more, less severe first hidden (--format json lists every evaluation)`)}\n`
      : '';
  return `${table(rows)}\n${more}\n`;
}
