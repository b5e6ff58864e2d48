import { AccessAnalyzerAnalyzersFact } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant } from '../../model/control.js';

/** Analyzer types that find external access (the others find unused or internal access). */
const EXTERNAL_ACCESS_TYPES = new Set(['ACCOUNT', 'ORGANIZATION']);

export const iamExternalAccessAnalyzerEnabled = defineControl({
  id: 'iam-external-access-analyzer-enabled',
  title: 'An IAM Access Analyzer for external access is active in every region',
  description:
    'Checks whether the region has an IAM Access Analyzer analyzer for external access (type ACCOUNT or ORGANIZATION) whose status is ACTIVE. Unused-access and internal-access analyzers do not count.',
  area: 'iam',
  severity: 'HIGH',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC03-BP07'],
  rationale: {
    'SEC03-BP07':
      'An active external-access analyzer finds resources shared publicly or with other accounts in every region.',
  },
  references: { awsConfigRules: ['iam-external-access-analyzer-enabled'], securityHub: ['IAM.28'], cis: ['1.20'] },
  trigger: 'periodic',
  needs: [AccessAnalyzerAnalyzersFact.type],
  remediation: {
    text: 'Create an external access analyzer (type ORGANIZATION in the delegated administrator account, or ACCOUNT) in every region you use.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-getting-started.html',
  },
  evaluate(item, ctx) {
    const { analyzers } = ctx.require(AccessAnalyzerAnalyzersFact);
    const external = analyzers.filter((a) => EXTERNAL_ACCESS_TYPES.has(a.type));
    const active = external.find((a) => a.status === 'ACTIVE');
    if (active !== undefined) {
      return compliant(`IAM Access Analyzer ${active.name} (${active.type}) is active in ${ctx.region}.`);
    }
    if (external.length > 0) {
      const list = external.map((a) => `${a.name} is ${a.status}`).join(', ');
      return nonCompliant(`No external access analyzer is active in ${ctx.region}: ${list}.`);
    }
    const others =
      analyzers.length > 0 ? ` (only ${analyzers.map((a) => `${a.name} of type ${a.type}`).join(', ')})` : '';
    return nonCompliant(
      `Account ${item.accountId} has no IAM Access Analyzer for external access in ${ctx.region}${others}.`,
    );
  },
});
