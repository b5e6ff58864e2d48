import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import * as z from 'zod';

/** The tag every resource Rampart deploys carries, so controls can find them (DESIGN.md). */
export const COMPONENT_TAG = 'rampart:component';

/** Values of {@link COMPONENT_TAG}. */
export type RampartComponent = 'baseline' | 'config-rules' | 'report-generator' | 'incident-response';

/** Tags for a resource of `component`: the caller's tags, then the component tag, which callers cannot override. */
export function componentTags(
  component: RampartComponent,
  extra: Record<string, string> | undefined,
): Record<string, string> {
  return { ...extra, [COMPONENT_TAG]: component };
}

/** Component arguments that fail validation. `issues` names each field with its problem. */
export class BaselineArgsError extends Error {
  override readonly name = 'BaselineArgsError';
  constructor(
    readonly component: string,
    readonly resourceName: string,
    readonly issues: { path: string; message: string }[],
    options?: { cause?: unknown },
  ) {
    super(
      `Invalid ${component} args for "${resourceName}": ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`,
      options,
    );
  }
}

/** Validates `args` with `schema`; throws {@link BaselineArgsError} naming every problem. */
export function parseArgs<S extends z.ZodType>(schema: S, args: unknown, component: string, name: string): z.output<S> {
  const result = schema.safeParse(args ?? {});
  if (!result.success) {
    throw new BaselineArgsError(
      component,
      name,
      result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
      { cause: result.error },
    );
  }
  return result.data;
}

function isDeferred(value: unknown): boolean {
  return pulumi.Output.isInstance(value) || value instanceof Promise;
}

/**
 * A `pulumi.Input<T>`: a plain value is validated with `schema` now; an Output or Promise is known only at
 * deploy time and is accepted as is.
 */
export function input<T extends z.ZodType>(schema: T) {
  return z.union([
    schema,
    z.custom<pulumi.Output<z.output<T>> | Promise<z.output<T>>>(isDeferred, 'expected a value or a Pulumi Output'),
  ]);
}

export const ArnSchema = z.string().regex(/^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:.+$/, 'must be an ARN');
export const AccountIdSchema = z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id');
export const TagsSchema = z.record(z.string(), z.string()).optional();
export const ProviderSchema = z.custom<pulumi.ProviderResource>(
  (v) => v instanceof pulumi.ProviderResource,
  'must be a Pulumi provider resource',
);

/** Account, region and partition of the deployment, as Outputs. */
export interface Environment {
  accountId: pulumi.Output<string>;
  region: pulumi.Output<string>;
  partition: pulumi.Output<string>;
}

export function environment(parent: pulumi.Resource): Environment {
  const opts = { parent };
  return {
    accountId: aws.getCallerIdentityOutput({}, opts).accountId,
    region: aws.getRegionOutput({}, opts).region,
    partition: aws.getPartitionOutput({}, opts).partition,
  };
}

/** An IAM policy statement as the policy grammar spells it. */
export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: '*' | Record<string, string | string[]>;
  Action: string | string[];
  /** Absent in trust policies. */
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[] | boolean>>;
}

/** A policy document, serialized once every Output in it is known. */
export function policyDocument(statements: pulumi.Input<pulumi.Input<PolicyStatement>[]>): pulumi.Output<string> {
  return pulumi
    .output(statements)
    .apply((s) => JSON.stringify({ Version: '2012-10-17', Statement: s as PolicyStatement[] }));
}

/** A trust policy for an AWS service, limited to this account (confused-deputy protection). */
export function serviceTrustPolicy(service: string, accountId: pulumi.Input<string>): pulumi.Output<string> {
  return policyDocument([
    pulumi.output(accountId).apply(
      (account): PolicyStatement => ({
        Effect: 'Allow',
        Principal: { Service: service },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    ),
  ]);
}

/** Denies every request to a bucket that does not use TLS (s3-bucket-ssl-requests-only). */
export function denyInsecureTransport(bucketArn: string): PolicyStatement {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [bucketArn, `${bucketArn}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

export interface ManagedRolePolicyOptions {
  /** The role (its name) the policy is attached to. */
  role: pulumi.Input<string>;
  /** The policy document (see {@link policyDocument}). */
  policy: pulumi.Input<string>;
  description: string;
  tags: Record<string, string>;
}

/**
 * A customer managed policy attached to one role, instead of an inline role policy
 * (iam-no-inline-policy-check): `name` is the policy, `${name}-attachment` the attachment. Depend on the
 * returned attachment, so the role has its permissions before anything uses it.
 */
export function managedRolePolicy(
  parent: pulumi.Resource,
  name: string,
  options: ManagedRolePolicyOptions,
): aws.iam.RolePolicyAttachment {
  const policy = new aws.iam.Policy(
    name,
    { description: options.description.slice(0, 1000), policy: options.policy, tags: options.tags },
    { parent },
  );
  return new aws.iam.RolePolicyAttachment(
    `${name}-attachment`,
    { role: options.role, policyArn: policy.arn },
    { parent },
  );
}
