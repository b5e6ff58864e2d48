import * as z from 'zod';
import { isAdminStatement } from '../../iam/policy.js';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import { shortList } from './iam-configuration.js';
import { customerManagedPolicy, isVerdict, matchingStatements } from './managed-policy.js';

export const iamPolicyNoStatementsWithAdminAccess = defineControl({
  id: 'iam-policy-no-statements-with-admin-access',
  title: 'Customer managed IAM policies do not allow all actions on all resources',
  description:
    'Checks whether the default version of a customer managed IAM policy has an Allow statement with "Action": "*" over "Resource": "*". With excludePermissionBoundaryPolicy, policies used as permissions boundaries are not evaluated.',
  area: 'iam',
  severity: 'HIGH',
  resourceTypes: ['AWS::IAM::Policy'],
  wellArchitected: ['SEC03-BP02'],
  rationale: {
    'SEC03-BP02': 'No customer managed policy grants every action on every resource.',
  },
  references: { awsConfigRules: ['iam-policy-no-statements-with-admin-access'], securityHub: ['IAM.1'] },
  trigger: 'change',
  parameters: z.strictObject({ excludePermissionBoundaryPolicy: param.bool(false) }),
  remediation: {
    text: 'Replace "Action": "*" on "Resource": "*" with the actions and resources the principals need; keep full administrator access to a few break-glass roles.',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  },
  evaluate(item, ctx) {
    const doc = customerManagedPolicy(item, ctx.params);
    if (isVerdict(doc)) return doc;
    const admin = matchingStatements(doc.policy, isAdminStatement);
    if (admin.length > 0) {
      return nonCompliant(
        `IAM policy ${doc.name} allows "Action": "*" on "Resource": "*" in ${shortList(admin)} of its default version ${doc.versionId}.`,
      );
    }
    return compliant(
      `The default version ${doc.versionId} of IAM policy ${doc.name} has no statement that allows "*" on "*".`,
    );
  },
});
