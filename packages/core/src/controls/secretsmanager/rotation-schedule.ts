/**
 * How often a Secrets Manager rotation schedule rotates: `AutomaticallyAfterDays`, a
 * `rate(...)` expression, or a `cron(...)` expression (AWS cron syntax: minutes hours
 * day-of-month month day-of-week year, times in UTC).
 */

/** `RotationRules` as AWS Config records it (`RotationScheduleExpression`) or the API returns it (`ScheduleExpression`). */
export interface RotationRules {
  AutomaticallyAfterDays?: number | null;
  AutomaticallyAfterHours?: number | null;
  RotationScheduleExpression?: string | null;
  ScheduleExpression?: string | null;
}

export interface RotationInterval {
  /** How the schedule reads in an annotation: "every 30 days", "on schedule cron(0 4 1 * ? *)". */
  schedule: string;
  /** The longest time between two rotations, in hours; undefined when it cannot be worked out. */
  hours: number | undefined;
}

const HOUR_MS = 3_600_000;
/** Two years of cron occurrences cover every month length and leap day. */
const CRON_HORIZON_DAYS = 731;

export function rotationInterval(rules: RotationRules | null | undefined, now: Date): RotationInterval | undefined {
  if (rules === null || rules === undefined) return undefined;
  const expression = (rules.RotationScheduleExpression ?? rules.ScheduleExpression ?? '').trim();
  if (expression !== '') {
    const rate = /^rate\(\s*(\d+)\s+(hours?|days?)\s*\)$/i.exec(expression);
    if (rate !== null) {
      const n = Number(rate[1]);
      const inDays = rate[2]!.toLowerCase().startsWith('day');
      return { schedule: `every ${n} ${inDays ? 'days' : 'hours'}`, hours: inDays ? n * 24 : n };
    }
    const cron = /^cron\((.*)\)$/i.exec(expression);
    return { schedule: `on schedule ${expression}`, hours: cron ? cronMaxGapHours(cron[1]!, now) : undefined };
  }
  if (typeof rules.AutomaticallyAfterHours === 'number') {
    return { schedule: `every ${rules.AutomaticallyAfterHours} hours`, hours: rules.AutomaticallyAfterHours };
  }
  if (typeof rules.AutomaticallyAfterDays === 'number') {
    return { schedule: `every ${rules.AutomaticallyAfterDays} days`, hours: rules.AutomaticallyAfterDays * 24 };
  }
  return undefined;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** The values a cron field allows, or undefined for syntax this parser does not support. */
function fieldValues(field: string, min: number, max: number, names: readonly string[] = []): Set<number> | undefined {
  const out = new Set<number>();
  const value = (token: string): number | undefined => {
    const named = names.indexOf(token.toUpperCase());
    if (named >= 0) return named + min;
    if (!/^\d+$/.test(token)) return undefined;
    const n = Number(token);
    return n >= min && n <= max ? n : undefined;
  };
  for (const part of field.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1 || range === undefined) return undefined;
    let from: number | undefined;
    let to: number | undefined;
    if (range === '*' || range === '?') {
      from = min;
      to = max;
    } else if (range.includes('-')) {
      const [a, b] = range.split('-');
      from = value(a ?? '');
      to = value(b ?? '');
    } else {
      from = value(range);
      to = stepText === undefined ? from : max;
    }
    if (from === undefined || to === undefined || from > to) return undefined;
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
}

type DayTest = (date: Date) => boolean;

function lastDayOfMonth(date: Date): number {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
}

function dayOfMonthTest(field: string): DayTest | undefined {
  if (field === '*' || field === '?') return () => true;
  if (field === 'L') return (d) => d.getUTCDate() === lastDayOfMonth(d);
  const days = fieldValues(field, 1, 31);
  return days && ((d) => days.has(d.getUTCDate()));
}

function dayOfWeekTest(field: string): DayTest | undefined {
  if (field === '*' || field === '?') return () => true;
  const weekday = (token: string) => fieldValues(token, 1, 7, WEEKDAYS);
  const last = /^(\w+)L$/i.exec(field);
  if (field === 'L' || last !== null) {
    const days = weekday(last?.[1] ?? '7');
    return days && ((d) => days.has(d.getUTCDay() + 1) && d.getUTCDate() + 7 > lastDayOfMonth(d));
  }
  const nth = /^(\w+)#([1-5])$/.exec(field);
  if (nth !== null) {
    const days = weekday(nth[1]!);
    const n = Number(nth[2]);
    return days && ((d) => days.has(d.getUTCDay() + 1) && Math.ceil(d.getUTCDate() / 7) === n);
  }
  const days = weekday(field);
  return days && ((d) => days.has(d.getUTCDay() + 1));
}

/** The longest gap between two occurrences over the next two years (Infinity when it fires less than twice). */
function cronMaxGapHours(body: string, now: Date): number | undefined {
  const fields = body.trim().split(/\s+/);
  if (fields.length !== 6) return undefined;
  const [, hoursField, domField, monthField, dowField, yearField] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const hours = fieldValues(hoursField, 0, 23);
  const months = fieldValues(monthField, 1, 12, MONTHS);
  const years = fieldValues(yearField, 1970, 2199);
  const dom = dayOfMonthTest(domField);
  const dow = dayOfWeekTest(dowField);
  if (!hours || !months || !years || !dom || !dow) return undefined;
  const sortedHours = [...hours].sort((a, b) => a - b);
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  let previous: number | undefined;
  let maxGap = 0;
  let count = 0;
  for (let day = 0; day < CRON_HORIZON_DAYS; day++) {
    const date = new Date(start + day * 24 * HOUR_MS);
    if (!years.has(date.getUTCFullYear()) || !months.has(date.getUTCMonth() + 1) || !dom(date) || !dow(date)) continue;
    for (const h of sortedHours) {
      const at = day * 24 + h;
      if (previous !== undefined) maxGap = Math.max(maxGap, at - previous);
      previous = at;
      count++;
    }
  }
  return count < 2 ? Number.POSITIVE_INFINITY : maxGap;
}
