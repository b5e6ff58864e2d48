import type { ReportModel } from './model.js';

/** The report model as JSON (for dashboards): the same numbers the HTML and Markdown reports show. */
export function renderJsonReport(model: ReportModel): string {
  return `${JSON.stringify({ reportVersion: 1, ...model }, null, 2)}\n`;
}
