import * as z from 'zod';
import { GuardDutyFindingsSummaryFact } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';

const DAY_MS = 86_400_000;

export const guarddutyNonArchivedFindings = defineControl({
  id: 'guardduty-non-archived-findings',
  title: 'GuardDuty findings are archived or resolved within the allowed number of days for their severity',
  description:
    'Checks whether GuardDuty has non-archived findings older than the days allowed for their severity: daysLowSev (default 30), daysMediumSev (7) and daysHighSev (1, also applied to Critical findings). Age is counted from the finding creation time.',
  area: 'detection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC04-BP03'],
  rationale: {
    'SEC04-BP03':
      'Findings older than the window for their severity show alerts are not investigated in time; it measures triage, not correlation tooling.',
  },
  references: { awsConfigRules: ['guardduty-non-archived-findings'] },
  trigger: 'periodic',
  needs: [GuardDutyFindingsSummaryFact.type],
  parameters: z.strictObject({
    daysLowSev: param.int(30, { min: 0 }),
    daysMediumSev: param.int(7, { min: 0 }),
    daysHighSev: param.int(1, { min: 0 }),
  }),
  remediation: {
    text: 'Investigate each open finding, remediate or suppress it, then archive it; route new findings to responders (EventBridge to SNS or a ticketing system) so they do not age unseen.',
    url: 'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings.html',
  },
  evaluate(_item, ctx) {
    const summary = ctx.require(GuardDutyFindingsSummaryFact);
    const allowed = {
      LOW: ctx.params.daysLowSev,
      MEDIUM: ctx.params.daysMediumSev,
      HIGH: ctx.params.daysHighSev,
      CRITICAL: ctx.params.daysHighSev,
    } as const;
    const late: string[] = [];
    for (const band of summary.severities) {
      if (band.count === 0 || !band.oldestCreatedAt) continue;
      const created = Date.parse(band.oldestCreatedAt);
      if (Number.isNaN(created)) continue;
      const days = allowed[band.severity];
      if (ctx.now.getTime() - created > days * DAY_MS) {
        late.push(
          `${band.count} ${band.severity} (oldest created ${new Date(created).toISOString().slice(0, 10)}, allowed ${days} day${days === 1 ? '' : 's'})`,
        );
      }
    }
    const detector = summary.detectorId ?? 'none';
    if (late.length > 0) {
      return nonCompliant(
        `GuardDuty detector ${detector} in ${ctx.region} has non-archived findings older than allowed: ${late.join('; ')}.`,
      );
    }
    const open = summary.severities.reduce((n, b) => n + b.count, 0);
    return compliant(
      `GuardDuty detector ${detector} in ${ctx.region} has no non-archived findings older than allowed (${open} open in total).`,
    );
  },
});
