import * as z from 'zod';
import { fullServiceActions } from '../../iam/policy.js';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import { shortList } from './iam-configuration.js';
import { customerManagedPolicy, isVerdict } from './managed-policy.js';

export const iamPolicyNoStatementsWithFullAccess = defineControl({
  id: 'iam-policy-no-statements-with-full-access',
  title: 'Customer managed IAM policies do not allow all actions of a service (service:*)',
  description:
    'Checks whether the default version of a customer managed IAM policy has an Allow statement with an unrestricted service wildcard action such as "ec2:*". Prefixed wildcards such as "ec2:Describe*" pass. With excludePermissionBoundaryPolicy, permissions boundaries are not evaluated.',
  area: 'iam',
  severity: 'LOW',
  resourceTypes: ['AWS::IAM::Policy'],
  wellArchitected: ['SEC03-BP02'],
  rationale: {
    'SEC03-BP02': 'No customer managed policy grants all actions of a service where specific actions would do.',
  },
  references: { awsConfigRules: ['iam-policy-no-statements-with-full-access'], securityHub: ['IAM.21'] },
  trigger: 'change',
  parameters: z.strictObject({ excludePermissionBoundaryPolicy: param.bool(false) }),
  remediation: {
    text: 'Replace service wildcards such as "s3:*" with the actions the principals need, or with prefixed wildcards such as "s3:Get*".',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  },
  evaluate(item, ctx) {
    const doc = customerManagedPolicy(item, ctx.params);
    if (isVerdict(doc)) return doc;
    const wildcards = new Set<string>();
    for (const statement of doc.policy.statements) {
      for (const action of fullServiceActions(statement)) wildcards.add(action);
    }
    if (wildcards.size > 0) {
      return nonCompliant(
        `IAM policy ${doc.name} allows full access to a service with ${shortList([...wildcards])} in its default version ${doc.versionId}.`,
      );
    }
    return compliant(
      `The default version ${doc.versionId} of IAM policy ${doc.name} allows no service-wide wildcard action.`,
    );
  },
});
