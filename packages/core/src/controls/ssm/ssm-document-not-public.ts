import { SsmDocumentSharingFact } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant } from '../../model/control.js';

const LISTED = 5;

export const ssmDocumentNotPublic = defineControl({
  id: 'ssm-document-not-public',
  title: 'SSM documents owned by the account are not public',
  description:
    'Checks whether the account owns AWS Systems Manager documents in the region that are shared publicly (share permission for "all"). Any such document makes the account and region non-compliant.',
  area: 'infrastructure',
  severity: 'CRITICAL',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC03-BP07', 'SEC03-BP08'],
  rationale: {
    'SEC03-BP07': 'No SSM document the account owns is shared with every AWS account.',
    'SEC03-BP08': 'Documents are shared only with named accounts.',
  },
  references: { awsConfigRules: ['ssm-document-not-public'], securityHub: ['SSM.4'] },
  trigger: 'periodic',
  needs: [SsmDocumentSharingFact.type],
  remediation: {
    text: 'Stop sharing the documents publicly (ModifyDocumentPermission removing "All"), share them with specific accounts instead, and turn on the Systems Manager block public sharing setting.',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-ssm-sharing.html#block-public-access',
  },
  evaluate(item, ctx) {
    const { documents } = ctx.require(SsmDocumentSharingFact);
    const pub = documents.filter((d) => d.accountIds.some((a) => a.toLowerCase() === 'all')).map((d) => d.name);
    if (pub.length === 0) {
      return compliant(`Account ${item.accountId} has no public SSM documents in ${ctx.region}.`);
    }
    const shown = pub.slice(0, LISTED).join(', ');
    const more = pub.length > LISTED ? ` and ${pub.length - LISTED} more` : '';
    return nonCompliant(
      `Account ${item.accountId} has ${pub.length} public SSM document${pub.length === 1 ? '' : 's'} in ${ctx.region}: ${shown}${more}.`,
    );
  },
});
