import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import * as z from 'zod';
import { AccountIdSchema, environment, ProviderSchema, parseArgs } from './common.js';

/** Security Hub standards by short name, as `standards/<path>` in the standards ARN. */
export const SECURITY_HUB_STANDARDS = {
  fsbp: 'aws-foundational-security-best-practices/v/1.0.0',
  'cis-3.0.0': 'cis-aws-foundations-benchmark/v/3.0.0',
  'nist-800-53': 'nist-800-53/v/5.0.0',
  'pci-dss': 'pci-dss/v/3.2.1',
} as const;

export type SecurityHubStandard = keyof typeof SECURITY_HUB_STANDARDS;

const RegionSchema = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be a region such as eu-west-1');

export const SecurityHubArgsSchema = z.strictObject({
  /** Standards to subscribe to; FSBP and CIS AWS Foundations v3.0.0 unless set explicitly. */
  standards: z
    .array(z.enum(Object.keys(SECURITY_HUB_STANDARDS) as [SecurityHubStandard, ...SecurityHubStandard[]]))
    .default(['fsbp', 'cis-3.0.0']),
  /**
   * Aggregates findings from other regions into this one: `ALL_REGIONS` (default), the regions listed, or
   * `false` for none.
   */
  aggregation: z
    .union([z.literal(false), z.literal('ALL_REGIONS'), z.array(RegionSchema).min(1)])
    .default('ALL_REGIONS'),
  organization: z
    .strictObject({
      delegatedAdminAccountId: AccountIdSchema,
      managementProvider: ProviderSchema.optional(),
      /** Enables Security Hub in new member accounts. */
      autoEnable: z.boolean().default(true),
      autoEnableStandards: z.enum(['DEFAULT', 'NONE']).default('DEFAULT'),
    })
    .optional(),
});

export type SecurityHubArgs = z.input<typeof SecurityHubArgsSchema>;

/** AWS Security Hub with consolidated control findings, the chosen standards and cross-region aggregation. */
export class SecurityHub extends pulumi.ComponentResource {
  readonly hubArn: pulumi.Output<string>;

  constructor(name: string, args: SecurityHubArgs, opts?: pulumi.ComponentResourceOptions) {
    super('rampart:securityhub:SecurityHub', name, {}, opts);
    const parsed = parseArgs(SecurityHubArgsSchema, args, 'SecurityHub', name);
    const env = environment(this);
    const hub = new aws.securityhub.Account(
      `${name}-hub`,
      {
        // Standards are subscribed explicitly below, so the chosen set is the whole set.
        enableDefaultStandards: false,
        autoEnableControls: true,
        controlFindingGenerator: 'SECURITY_CONTROL',
      },
      { parent: this },
    );
    for (const standard of parsed.standards) {
      new aws.securityhub.StandardsSubscription(
        `${name}-${standard}`,
        {
          standardsArn: pulumi.interpolate`arn:${env.partition}:securityhub:${env.region}::standards/${SECURITY_HUB_STANDARDS[standard]}`,
        },
        { parent: this, dependsOn: [hub] },
      );
    }
    if (parsed.aggregation !== false) {
      new aws.securityhub.FindingAggregator(
        `${name}-aggregator`,
        parsed.aggregation === 'ALL_REGIONS'
          ? { linkingMode: 'ALL_REGIONS' }
          : { linkingMode: 'SPECIFIED_REGIONS', specifiedRegions: parsed.aggregation },
        { parent: this, dependsOn: [hub] },
      );
    }
    if (parsed.organization !== undefined) {
      const org = parsed.organization;
      const admin = new aws.securityhub.OrganizationAdminAccount(
        `${name}-delegated-admin`,
        { adminAccountId: org.delegatedAdminAccountId },
        { parent: this, dependsOn: [hub], ...(org.managementProvider ? { provider: org.managementProvider } : {}) },
      );
      new aws.securityhub.OrganizationConfiguration(
        `${name}-organization`,
        { autoEnable: org.autoEnable, autoEnableStandards: org.autoEnableStandards },
        { parent: this, dependsOn: [admin] },
      );
    }
    this.hubArn = hub.arn;
    this.registerOutputs({ hubArn: this.hubArn });
  }
}
