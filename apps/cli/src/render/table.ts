import {
  AREA_TITLES,
  AREAS,
  type ConfigItem,
  type Control,
  type Evaluation,
  SEVERITIES,
  severityRank,
  toEvaluation,
  type Verdict,
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

/** What orders a finding: its control's severity rank and its identity. */
interface Probe {
  rank: number;
  e: Pick<Evaluation, 'controlId' | 'accountId' | 'region' | 'resourceType' | 'resourceId'>;
}

/** A finding kept, with its arrival (ties keep their order). */
interface Ranked extends Probe {
  e: Evaluation;
  seq: number;
}

/**
 * The findings that need attention (non-compliant, insufficient data, error), most severe first and,
 * within a control, in DESIGN.md's output order (account, region, type, id), so the listing is the
 * same whether the evaluations arrived sorted or streamed. Only the first `limit` are kept as they
 * arrive (a large run has tens of thousands of findings and shows 200); the rest are counted.
 * `limit` 0 keeps and shows them all.
 */
export class FindingsSelector {
  readonly #kept: Ranked[] = [];
  #seq = 0;
  #lastControl: string | undefined;
  #lastRank = 0;
  /** Findings offered (shown or not). */
  total = 0;

  constructor(
    readonly controls: ReadonlyMap<string, Control<unknown>>,
    readonly limit = DEFAULT_LIMIT,
  ) {}

  #rank(controlId: string): number {
    // Verdicts come control by control: the previous control's rank is usually the one asked for.
    if (controlId !== this.#lastControl) {
      this.#lastControl = controlId;
      this.#lastRank = severityRank(this.controls.get(controlId)?.severity ?? 'INFORMATIONAL');
    }
    return this.#lastRank;
  }

  /** An evaluation; those that need no attention are ignored. */
  add(e: Evaluation): void {
    if (!needsAttention(e.compliance)) return;
    this.#offer({ rank: this.#rank(e.controlId), e }, () => e);
  }

  /** A verdict, made into an evaluation only when it is kept. */
  addVerdict(controlId: string, item: ConfigItem, verdict: Verdict): void {
    if (!needsAttention(verdict.compliance)) return;
    const e = {
      controlId,
      accountId: item.accountId,
      region: item.region,
      resourceType: verdict.resource?.type ?? item.resourceType,
      resourceId: verdict.resource?.id ?? item.resourceId,
    };
    this.#offer({ rank: this.#rank(controlId), e }, () => toEvaluation(controlId, item, verdict));
  }

  #offer(probe: Probe, make: () => Evaluation): void {
    const seq = this.#seq++;
    this.total++;
    const kept = this.#kept;
    if (this.limit === 0) {
      kept.push({ e: make(), rank: probe.rank, seq });
      this.#sorted = false;
      return;
    }
    // Whether the new finding sorts before k (on a tie it comes after: it arrived later).
    const before = (k: Ranked): boolean => order(probe, k) < 0;
    if (kept.length === this.limit && !before(kept[kept.length - 1]!)) return;
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(kept[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    kept.splice(lo, 0, { e: make(), rank: probe.rank, seq });
    if (kept.length > this.limit) kept.pop();
  }

  #sorted = true;

  #inOrder(): Ranked[] {
    if (!this.#sorted) {
      this.#kept.sort((a, b) => order(a, b) || a.seq - b.seq);
      this.#sorted = true;
    }
    return this.#kept;
  }

  /** The findings shown, in order. */
  shown(): Evaluation[] {
    return this.#inOrder().map((k) => k.e);
  }

  /** The listing: a table of the findings shown and a line saying how many are hidden ('' when there are none). */
  render(io: CliIo): string {
    if (this.total === 0) return '';
    const rows = [
      ['verdict', 'severity', 'control', 'resource', 'region', 'annotation'].map((h) => paint(io, 'dim', h)),
    ];
    for (const { e } of this.#inOrder()) {
      const verdictStyle = e.compliance === 'NON_COMPLIANT' ? 'red' : e.compliance === 'ERROR' ? 'magenta' : 'yellow';
      rows.push([
        paint(io, verdictStyle, LABEL[e.compliance]!),
        this.controls.get(e.controlId)?.severity ?? '',
        e.controlId,
        shorten(`${e.resourceType} ${e.resourceId}`),
        e.region,
        e.annotation,
      ]);
    }
    const hidden = this.total - this.#kept.length;
    const more =
      hidden > 0
        ? `${paint(io, 'dim', `… and ${hidden} more, less severe first hidden (--format json lists every evaluation)`)}\n`
        : '';
    return `${table(rows)}\n${more}\n`;
  }
}

/** Display order: severity rank, control, then DESIGN.md's output order (account, region, type, id). */
function order(a: Probe, b: Probe): number {
  return (
    a.rank - b.rank ||
    cmp(a.e.controlId, b.e.controlId) ||
    cmp(a.e.accountId, b.e.accountId) ||
    cmp(a.e.region, b.e.region) ||
    cmp(a.e.resourceType, b.e.resourceType) ||
    cmp(a.e.resourceId, b.e.resourceId)
  );
}

function needsAttention(compliance: string): boolean {
  return compliance === 'NON_COMPLIANT' || compliance === 'INSUFFICIENT_DATA' || compliance === 'ERROR';
}

/** Findings that need attention (non-compliant, insufficient data, error), most severe first: see {@link FindingsSelector}. */
export function renderFindings(
  io: CliIo,
  evaluations: readonly Evaluation[],
  controls: ReadonlyMap<string, Control<unknown>>,
  limit = DEFAULT_LIMIT,
): string {
  const selector = new FindingsSelector(controls, limit);
  for (const e of evaluations) selector.add(e);
  return selector.render(io);
}
