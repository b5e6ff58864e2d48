import * as z from 'zod';
import { GuardDutyStatusFact } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant } from '../../model/control.js';

export const guarddutyEnabledCentralized = defineControl({
  id: 'guardduty-enabled-centralized',
  title: 'GuardDuty is enabled in every region, optionally administered by a central account',
  description:
    'Checks whether Amazon GuardDuty has an enabled detector in the account and region. With CentralMonitoringAccount set, the detector must be administered by that account (or be in it).',
  area: 'detection',
  severity: 'HIGH',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC04-BP01', 'SEC04-BP02'],
  rationale: {
    'SEC04-BP01':
      'GuardDuty is one of the account-level detection mechanisms the BP asks you to enable in every region.',
    'SEC04-BP02': 'With a central administrator, findings of every member account collect in one security account.',
  },
  references: { awsConfigRules: ['guardduty-enabled-centralized'], securityHub: ['GuardDuty.1'] },
  trigger: 'periodic',
  needs: [GuardDutyStatusFact.type],
  parameters: z.strictObject({
    CentralMonitoringAccount: z
      .string()
      .regex(/^\d{12}$/)
      .optional(),
  }),
  remediation: {
    text: 'Enable GuardDuty in every region you use (the Rampart baseline GuardDuty component does this), and in an organization delegate administration to the security account.',
    url: 'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html',
  },
  evaluate(item, ctx) {
    const gd = ctx.require(GuardDutyStatusFact);
    if (gd.detectorId === null || gd.detectorId === undefined) {
      return nonCompliant(`GuardDuty has no detector in account ${item.accountId} in ${ctx.region}.`);
    }
    if (gd.status !== 'ENABLED') {
      return nonCompliant(`GuardDuty detector ${gd.detectorId} in ${ctx.region} is ${gd.status ?? 'not enabled'}.`);
    }
    const central = ctx.params.CentralMonitoringAccount;
    if (central !== undefined && central !== item.accountId && gd.administratorAccountId !== central) {
      return nonCompliant(
        `GuardDuty detector ${gd.detectorId} in ${ctx.region} is administered by ${gd.administratorAccountId ?? 'no account'}, not the central account ${central}.`,
      );
    }
    return compliant(`GuardDuty detector ${gd.detectorId} is enabled in ${ctx.region}.`);
  },
});
