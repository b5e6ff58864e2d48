import { SecurityHubStatusFact } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant } from '../../model/control.js';

export const securityhubEnabled = defineControl({
  id: 'securityhub-enabled',
  title: 'Security Hub is enabled in every region',
  description: 'Checks whether AWS Security Hub is enabled for the account in the region.',
  area: 'detection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC04-BP02', 'SEC04-BP03'],
  rationale: {
    'SEC04-BP02': 'Security Hub collects findings of AWS services and partners in one standard place per region.',
    'SEC04-BP03': 'Security Hub aggregates and correlates findings from several sources into one prioritised view.',
  },
  references: { awsConfigRules: ['securityhub-enabled'] },
  trigger: 'periodic',
  needs: [SecurityHubStatusFact.type],
  remediation: {
    text: 'Enable Security Hub with the AWS Foundational Security Best Practices and CIS standards in every region you use (the Rampart baseline SecurityHub component does this).',
    url: 'https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-settingup.html',
  },
  evaluate(item, ctx) {
    const hub = ctx.require(SecurityHubStatusFact);
    if (!hub.enabled) return nonCompliant(`Security Hub is not enabled in account ${item.accountId} in ${ctx.region}.`);
    return compliant(`Security Hub is enabled in ${ctx.region} with ${hub.standards.length} standard(s).`);
  },
});
