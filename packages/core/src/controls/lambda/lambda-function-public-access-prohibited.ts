import type { ConfigItem } from '../../ci/config-item.js';
import { describeStatement, type PolicyDocument, parsePolicy } from '../../iam/policy.js';
import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { isPublicBucketPrincipal, restrictsToFixedCallers } from '../s3/bucket-policy.js';
import type { LambdaFunctionConfiguration } from './function-configuration.js';

/** The function's resource-based policy: AWS Config records it as `supplementaryConfiguration.Policy`, a JSON string. */
function functionPolicy(item: ConfigItem): PolicyDocument | undefined {
  const raw = item.supplementary<unknown>('Policy');
  if (raw === undefined || raw === null || raw === '') return undefined;
  return item.derived('lambda.policy', () => parsePolicy(raw, `resource policy of Lambda function ${item.resourceId}`));
}

/**
 * Statements that make the function public, as the managed rule counts them: an Allow to `*`,
 * `{"AWS": "*"}`, `NotPrincipal` or a wildcard principal, or to the S3 service principal (any bucket,
 * in any account, could invoke it), without a condition that pins callers to fixed values.
 */
function publicStatements(policy: PolicyDocument): string[] {
  const out: string[] = [];
  policy.statements.forEach((s, i) => {
    if (s.effect !== 'Allow' || restrictsToFixedCallers(s)) return;
    if (isPublicBucketPrincipal(s)) out.push(`${describeStatement(s, i)} allows everyone`);
    else if ((s.principals?.['Service'] ?? []).some((p) => p.toLowerCase() === 's3.amazonaws.com')) {
      out.push(`${describeStatement(s, i)} allows s3.amazonaws.com without aws:SourceAccount`);
    }
  });
  return out;
}

export const lambdaFunctionPublicAccessProhibited = defineControl({
  id: 'lambda-function-public-access-prohibited',
  title: 'Lambda function policies do not allow public access',
  description:
    'Checks whether the resource-based policy of a Lambda function allows public access: an Allow to "*", a wildcard principal or NotPrincipal, or to Amazon S3 without a condition such as aws:SourceAccount, unless a condition pins callers to fixed accounts, ARNs, organizations or networks.',
  area: 'infrastructure',
  severity: 'CRITICAL',
  resourceTypes: ['AWS::Lambda::Function'],
  wellArchitected: ['SEC03-BP07', 'SEC03-BP02'],
  rationale: {
    'SEC03-BP07': 'Function resource policies are analysed for public invocation.',
    'SEC03-BP02': 'Invocation is granted to named accounts or sources, not to everyone.',
  },
  references: { awsConfigRules: ['lambda-function-public-access-prohibited'], securityHub: ['Lambda.1'] },
  trigger: 'change',
  remediation: {
    text: 'Remove the public statements from the function policy (lambda:RemovePermission) and grant invoke access to specific accounts, ARNs or services with aws:SourceArn and aws:SourceAccount conditions.',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html',
  },
  evaluate(item) {
    const name = item.config<LambdaFunctionConfiguration>().functionName ?? item.resourceId;
    const policy = functionPolicy(item);
    if (policy === undefined || policy.statements.length === 0) {
      return compliant(`Lambda function ${name} has no resource-based policy.`);
    }
    const found = publicStatements(policy);
    if (found.length > 0) {
      return nonCompliant(`Lambda function ${name} is public: its policy ${found.join('; ')}.`);
    }
    return compliant(`The resource-based policy of Lambda function ${name} does not allow public access.`);
  },
});
