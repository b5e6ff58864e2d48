import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import * as z from 'zod';
import { ArnSchema, componentTags, input, parseArgs, TagsSchema } from './common.js';

export const PasswordPolicySchema = z.strictObject({
  minimumPasswordLength: z.number().int().min(6).max(128).default(14),
  passwordReusePrevention: z.number().int().min(1).max(24).default(24),
  maxPasswordAge: z.number().int().min(1).max(1095).default(90),
  requireUppercaseCharacters: z.boolean().default(true),
  requireLowercaseCharacters: z.boolean().default(true),
  requireNumbers: z.boolean().default(true),
  requireSymbols: z.boolean().default(true),
  allowUsersToChangePassword: z.boolean().default(true),
});

export const AccountGuardrailsArgsSchema = z.strictObject({
  /** EBS encryption by default, with this key when given (else the AWS managed key). */
  ebsDefaultKmsKeyArn: input(ArnSchema).optional(),
  /** Blocks public sharing of EBS snapshots. */
  blockPublicSnapshots: z.boolean().default(true),
  /** The four account-level S3 Block Public Access settings, all on unless turned off explicitly. */
  s3PublicAccessBlock: z
    .strictObject({
      blockPublicAcls: z.boolean().default(true),
      blockPublicPolicy: z.boolean().default(true),
      ignorePublicAcls: z.boolean().default(true),
      restrictPublicBuckets: z.boolean().default(true),
    })
    .default({ blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }),
  passwordPolicy: PasswordPolicySchema.default(PasswordPolicySchema.parse({})),
  /** IAM Access Analyzer zone of trust: this account, or the organization (from the management or delegated admin account). */
  accessAnalyzer: z.union([z.literal(false), z.enum(['ACCOUNT', 'ORGANIZATION'])]).default('ACCOUNT'),
  tags: TagsSchema,
});

export type AccountGuardrailsArgs = z.input<typeof AccountGuardrailsArgsSchema>;

/** Account-wide guardrails: EBS encryption by default, S3 account public access block, password policy, Access Analyzer. */
export class AccountGuardrails extends pulumi.ComponentResource {
  /** Undefined when Access Analyzer is off. */
  readonly analyzerArn: pulumi.Output<string> | undefined;

  constructor(name: string, args: AccountGuardrailsArgs, opts?: pulumi.ComponentResourceOptions) {
    super('rampart:account:AccountGuardrails', name, {}, opts);
    const parsed = parseArgs(AccountGuardrailsArgsSchema, args, 'AccountGuardrails', name);
    const tags = componentTags('baseline', parsed.tags);
    const child = { parent: this };

    new aws.ebs.EncryptionByDefault(`${name}-ebs-encryption`, { enabled: true }, child);
    if (parsed.ebsDefaultKmsKeyArn !== undefined) {
      new aws.ebs.DefaultKmsKey(`${name}-ebs-key`, { keyArn: parsed.ebsDefaultKmsKeyArn }, child);
    }
    if (parsed.blockPublicSnapshots) {
      new aws.ebs.SnapshotBlockPublicAccess(`${name}-snapshot-block`, { state: 'block-all-sharing' }, child);
    }
    new aws.s3.AccountPublicAccessBlock(`${name}-s3-public-access`, { ...parsed.s3PublicAccessBlock }, child);
    new aws.iam.AccountPasswordPolicy(
      `${name}-password-policy`,
      { ...parsed.passwordPolicy, hardExpiry: false },
      child,
    );
    let analyzerArn: pulumi.Output<string> | undefined;
    if (parsed.accessAnalyzer !== false) {
      const analyzer = new aws.accessanalyzer.Analyzer(
        `${name}-access-analyzer`,
        { analyzerName: `${name}-access-analyzer`, type: parsed.accessAnalyzer, tags },
        child,
      );
      analyzerArn = analyzer.arn;
    }
    this.analyzerArn = analyzerArn;
    this.registerOutputs({ analyzerArn: this.analyzerArn });
  }
}
