import type { Stack, StackResource } from '../stack.js';
import { isUnknown, unknownValue } from '../unknown.js';
import { isStackResource, satellitesOf } from './satellites.js';
import type { AdaptedItem, AdapterEnv, ResourceAdapter } from './types.js';
import { idOr, list, record, str, strOrUnknown, tags } from './values.js';

export const LAMBDA_FUNCTION_TOKENS = ['aws:lambda/function:Function'] as const;
const LAMBDA_PERMISSION = ['aws:lambda/permission:Permission'];

/** The principal element Lambda writes for `AddPermission`'s principal. */
function principalOf(principal: string): unknown {
  if (principal === '*') return '*';
  if (principal.endsWith('.amazonaws.com')) return { Service: principal };
  return { AWS: /^\d{12}$/.test(principal) ? `arn:aws:iam::${principal}:root` : principal };
}

/** The statement Lambda adds to the function policy for one `aws.lambda.Permission`. */
function permissionStatement(permission: StackResource, functionArn: string): unknown {
  const p = permission.props;
  for (const key of ['principal', 'action', 'sourceArn', 'sourceAccount', 'principalOrgId']) {
    if (isUnknown(p[key])) return unknownValue(`${permission.type} ${permission.name} .${key}`);
  }
  const condition: Record<string, Record<string, string>> = {};
  const sourceArn = str(p['sourceArn']);
  const sourceAccount = str(p['sourceAccount']);
  const orgId = str(p['principalOrgId']);
  if (sourceArn) condition['ArnLike'] = { 'AWS:SourceArn': sourceArn };
  if (sourceAccount) condition['StringEquals'] = { ...condition['StringEquals'], 'AWS:SourceAccount': sourceAccount };
  if (orgId) condition['StringEquals'] = { ...condition['StringEquals'], 'aws:PrincipalOrgID': orgId };
  return {
    Sid: str(p['statementId']) ?? permission.name,
    Effect: 'Allow',
    Principal: principalOf(str(p['principal']) ?? '*'),
    Action: str(p['action']) ?? 'lambda:InvokeFunction',
    Resource: functionArn,
    ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
  };
}

/**
 * `aws.lambda.Function` with the `aws.lambda.Permission` resources that name it: the function policy
 * is assembled as Lambda writes it (`supplementaryConfiguration.Policy`, a JSON string).
 */
export const lambdaFunctionAdapter: ResourceAdapter = {
  resourceType: 'AWS::Lambda::Function',
  tokens: LAMBDA_FUNCTION_TOKENS,
  satellites: LAMBDA_PERMISSION,
  adapt(fn: StackResource, stack: Stack, env: AdapterEnv): AdaptedItem {
    const name = idOr(fn.props['name'], fn.name);
    const arn = str(fn.props['arn']) ?? `arn:${env.partition}:lambda:${env.region}:${env.accountId}:function:${name}`;
    const statements = satellitesOf(stack, fn, LAMBDA_FUNCTION_TOKENS, LAMBDA_PERMISSION, 'function', ['name']).map(
      (s) => (isStackResource(s) ? permissionStatement(s, arn) : s),
    );
    const unknownStatement = statements.find(isUnknown);
    const vpc = fn.props['vpcConfig'];
    const v = record(vpc);
    return {
      resourceType: 'AWS::Lambda::Function',
      resourceId: name,
      resourceName: name,
      arn,
      tags: tags(fn.props['tags']),
      configuration: {
        functionName: name,
        functionArn: arn,
        runtime: strOrUnknown(fn.props['runtime']) ?? null,
        role: strOrUnknown(fn.props['role']) ?? null,
        handler: strOrUnknown(fn.props['handler']) ?? null,
        vpcConfig: isUnknown(vpc)
          ? vpc
          : {
              subnetIds: isUnknown(v['subnetIds']) ? v['subnetIds'] : list(v['subnetIds']),
              securityGroupIds: isUnknown(v['securityGroupIds']) ? v['securityGroupIds'] : list(v['securityGroupIds']),
            },
      },
      supplementaryConfiguration:
        statements.length === 0
          ? {}
          : {
              Policy:
                unknownStatement ?? JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: statements }),
            },
    };
  },
};
