import type { ConfigItem } from '../../ci/config-item.js';
import { describeStatement, type PolicyDocument, parsePolicy, type Statement } from '../../iam/policy.js';
import { insufficientData, notApplicable, type Verdict } from '../../model/control.js';
import {
  defaultPolicyVersion,
  type IamPolicyConfiguration,
  iamName,
  isAwsManagedPolicyArn,
} from './iam-configuration.js';

export interface ManagedPolicyDocument {
  name: string;
  versionId: string;
  policy: PolicyDocument;
}

/**
 * The document in force of a customer managed policy (its default version), or the verdict that
 * says why there is nothing to evaluate: an AWS managed policy, a permissions boundary the rule
 * parameters exclude, or a configuration item without the default version.
 */
export function customerManagedPolicy(
  item: ConfigItem,
  params: { excludePermissionBoundaryPolicy: boolean },
): ManagedPolicyDocument | Verdict {
  const config = item.config<IamPolicyConfiguration>();
  const name = iamName(item);
  if (isAwsManagedPolicyArn(item.arn ?? config.arn)) {
    return notApplicable(`IAM policy ${name} is AWS managed; only customer managed policies are evaluated.`);
  }
  if (params.excludePermissionBoundaryPolicy && (config.permissionsBoundaryUsageCount ?? 0) > 0) {
    return notApplicable(
      `IAM policy ${name} is used as a permissions boundary, which excludePermissionBoundaryPolicy leaves out.`,
    );
  }
  const version = defaultPolicyVersion(config);
  if (version === undefined) {
    return insufficientData(
      `The configuration item of IAM policy ${name} holds no default policy version (defaultVersionId ${config.defaultVersionId ?? 'unknown'}).`,
    );
  }
  const versionId = version.versionId ?? config.defaultVersionId ?? 'default';
  return { name, versionId, policy: defaultVersionPolicy(item)! };
}

/**
 * The parsed document of a policy item's default version (undefined when the item does not hold it),
 * parsed once per item for every control that reads it: the policy controls, and the role controls
 * that follow attached policies.
 */
export function defaultVersionPolicy(item: ConfigItem): PolicyDocument | undefined {
  return item.derived('iam.defaultVersionPolicy', () => {
    const config = item.config<IamPolicyConfiguration>();
    const version = defaultPolicyVersion(config);
    if (version === undefined) return undefined;
    const versionId = version.versionId ?? config.defaultVersionId ?? 'default';
    return parsePolicy(version.document, `default version ${versionId} of IAM policy ${iamName(item)}`);
  });
}

export function isVerdict(value: ManagedPolicyDocument | Verdict): value is Verdict {
  return 'compliance' in value;
}

/** Labels (`statement Sid`, `statement 2`) of the statements that match. */
export function matchingStatements(policy: PolicyDocument, match: (s: Statement) => boolean): string[] {
  const out: string[] = [];
  policy.statements.forEach((s, i) => {
    if (match(s)) out.push(describeStatement(s, i));
  });
  return out;
}
