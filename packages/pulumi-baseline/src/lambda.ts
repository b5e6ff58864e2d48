import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import * as z from 'zod';
import {
  type Environment,
  managedRolePolicy,
  type PolicyStatement,
  policyDocument,
  serviceTrustPolicy,
} from './common.js';
import { type ActionGrant, fillResource } from './permissions.js';

/** The Lambda runtime of Rampart's functions. */
export const LAMBDA_RUNTIME = 'nodejs22.x';

/** A bundle: a Pulumi archive, or the path of a directory or .zip file holding the built handler. */
export const CodeSchema = z.union([
  z.string().min(1),
  z.custom<pulumi.asset.Archive>(pulumi.asset.Archive.isInstance, 'must be a pulumi.asset.Archive or a path'),
]);

export function archive(code: z.output<typeof CodeSchema>): pulumi.asset.Archive {
  return typeof code === 'string' ? new pulumi.asset.FileArchive(code) : code;
}

const IAM_ACTION = /^[a-z0-9-]+:[A-Za-z0-9]+$/;

const ActionGrantSchema = z.strictObject({
  sid: z.string().regex(/^[A-Za-z0-9]+$/),
  actions: z.array(z.string().regex(IAM_ACTION, 'must be one service:Action, without wildcards')).min(1),
  resources: z.array(z.string().min(1)).min(1),
});
/** A function's permissions: no `*` or `service:*` actions (the regex admits no wildcard). */
export const PermissionsSchema = z.array(ActionGrantSchema).min(1) as unknown as z.ZodType<
  readonly ActionGrant[],
  readonly ActionGrant[]
>;

export interface FunctionOptions {
  name: string;
  description: string;
  code: pulumi.asset.Archive;
  handler: string;
  memorySize: number;
  timeout: number;
  environment: Record<string, pulumi.Input<string>>;
  permissions: readonly ActionGrant[];
  /** Placeholder values for the permissions' resources, besides partition, region, account and logGroup. */
  resourceValues: Record<string, pulumi.Input<string>>;
  kmsKeyArn: pulumi.Input<string>;
  logRetentionInDays: number;
  tags: Record<string, string>;
  env: Environment;
}

/** A Lambda function with its own KMS-encrypted log group and a role built from `permissions`. */
export function rampartFunction(parent: pulumi.Resource, options: FunctionOptions): aws.lambda.Function {
  const { name, env } = options;
  const group = new aws.cloudwatch.LogGroup(
    `${name}-logs`,
    {
      name: `/aws/lambda/${name}`,
      retentionInDays: options.logRetentionInDays,
      kmsKeyId: options.kmsKeyArn,
      tags: options.tags,
    },
    { parent },
  );
  const role = new aws.iam.Role(
    `${name}-role`,
    {
      // A fixed name, so key policies can name the role before it exists (functionRoleName).
      name: functionRoleName(name),
      description: options.description,
      assumeRolePolicy: serviceTrustPolicy('lambda.amazonaws.com', env.accountId),
      tags: options.tags,
    },
    { parent },
  );
  const extra = pulumi.all(options.resourceValues);
  const policy = managedRolePolicy(parent, `${name}-policy`, {
    role: role.name,
    description: options.description,
    tags: options.tags,
    policy: policyDocument(
      pulumi
        .all([env.partition, env.region, env.accountId, group.arn, extra])
        .apply(([partition, region, account, logGroup, values]) => {
          const fill = { ...values, partition, region, account, logGroup };
          return options.permissions.map(
            (grant): PolicyStatement => ({
              Sid: grant.sid,
              Effect: 'Allow',
              Action: [...grant.actions],
              Resource: grant.resources.map((r) => fillResource(r, fill)),
            }),
          );
        }),
    ),
  });
  return new aws.lambda.Function(
    name,
    {
      name,
      description: options.description,
      runtime: LAMBDA_RUNTIME,
      architectures: ['arm64'],
      handler: options.handler,
      code: options.code,
      role: role.arn,
      memorySize: options.memorySize,
      timeout: options.timeout,
      environment: { variables: options.environment },
      loggingConfig: { logFormat: 'JSON', logGroup: group.name },
      tags: options.tags,
    },
    { parent, dependsOn: [policy, group] },
  );
}

/** The IAM role name of a Rampart function. */
export function functionRoleName(functionName: string): string {
  return `${functionName}-role`.slice(0, 64);
}
