/** Formats that are reports rather than the run itself: `--format html|markdown|ocsf [--out PATH]`. */
export const REPORT_FORMATS = ['html', 'markdown', 'ocsf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(format: string): format is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(format);
}
