import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import * as z from 'zod';
import { AccessLogBucketSchema, secureBucket } from './bucket.js';
import { ArnSchema, componentTags, environment, input, type PolicyStatement, parseArgs, TagsSchema } from './common.js';

const SubnetSchema = z.strictObject({
  availabilityZone: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d[a-z]$/, 'must be an availability zone such as eu-west-1a'),
  subnetId: input(z.string().regex(/^subnet-[0-9a-f]+$/, 'must be a subnet id')),
});

const DomainSchema = z
  .string()
  .regex(/^\.?([a-z0-9-]+\.)+[a-z]{2,}$/i, 'must be a domain such as example.com or .example.com (with subdomains)');

export const STATEFUL_DEFAULT_ACTIONS = ['aws:drop_established', 'aws:alert_established'] as const;

export const NetworkFirewallArgsSchema = z
  .strictObject({
    vpcId: input(z.string().regex(/^vpc-[0-9a-f]+$/, 'must be a VPC id')),
    /** One firewall subnet per availability zone. */
    subnets: z.array(SubnetSchema).min(1),
    /** A single AZ is a single point of failure; allowed only when set explicitly. */
    allowSingleAz: z.boolean().default(false),
    /** Domains allowed for HTTP (Host) and TLS (SNI) traffic; a leading dot includes subdomains. */
    allowedDomains: z.array(DomainSchema).default([]),
    /** Suricata rules, in strict order (pass rules first). */
    suricataRules: z.string().min(1).optional(),
    ruleGroupCapacity: z.number().int().min(1).max(30000).default(100),
    /** Encrypts the ALERT and FLOW logs. */
    kmsKeyArn: input(ArnSchema),
    logging: z
      .strictObject({
        destination: z.enum(['CloudWatchLogs', 'S3']).default('CloudWatchLogs'),
        /** S3 destination: an existing bucket with SSE-KMS; when absent, a private SSE-KMS bucket is created. */
        bucketName: input(z.string().min(3)).optional(),
        retentionInDays: z.number().int().min(1).default(365),
      })
      .default({ destination: 'CloudWatchLogs', retentionInDays: 365 }),
    /** Delete, subnet-change and policy-change protection; on unless set false explicitly. */
    deleteProtection: z.boolean().default(true),
    /** Bucket that receives S3 server access logs of this component's bucket (SSE-S3, no Object Lock); none: not logged. */
    accessLogBucket: AccessLogBucketSchema,
    tags: TagsSchema,
  })
  .superRefine((args, ctx) => {
    const zones = args.subnets.map((s) => s.availabilityZone);
    const duplicate = zones.find((z, i) => zones.indexOf(z) !== i);
    if (duplicate !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['subnets'], message: `two subnets in ${duplicate}: give one per AZ` });
    }
    if (new Set(zones).size < 2 && !args.allowSingleAz) {
      ctx.addIssue({
        code: 'custom',
        path: ['subnets'],
        message: 'give subnets in at least two availability zones (or set allowSingleAz: true)',
      });
    }
    if (args.allowedDomains.length === 0 && args.suricataRules === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['allowedDomains'],
        message:
          'give allowedDomains or suricataRules: with the aws:drop_established default, a policy without rule groups drops all established traffic',
      });
    }
  });

export type NetworkFirewallArgs = z.input<typeof NetworkFirewallArgsSchema>;

/**
 * AWS Network Firewall with a strict-order policy: stateless traffic goes to the stateful engine, which
 * drops and alerts on established flows no rule passes; domain allow-list and Suricata rule groups;
 * KMS-encrypted ALERT and FLOW logs; delete protection.
 */
export class NetworkFirewall extends pulumi.ComponentResource {
  readonly arn: pulumi.Output<string>;
  readonly policyArn: pulumi.Output<string>;

  constructor(name: string, args: NetworkFirewallArgs, opts?: pulumi.ComponentResourceOptions) {
    super('rampart:networkfirewall:NetworkFirewall', name, {}, opts);
    const parsed = parseArgs(NetworkFirewallArgsSchema, args, 'NetworkFirewall', name);
    const tags = componentTags('baseline', parsed.tags);
    const strict = { ruleOrder: 'STRICT_ORDER' };

    const references: aws.types.input.networkfirewall.FirewallPolicyFirewallPolicyStatefulRuleGroupReference[] = [];
    if (parsed.suricataRules !== undefined) {
      const group = new aws.networkfirewall.RuleGroup(
        `${name}-suricata`,
        {
          name: `${name}-suricata`,
          type: 'STATEFUL',
          capacity: parsed.ruleGroupCapacity,
          ruleGroup: { rulesSource: { rulesString: parsed.suricataRules }, statefulRuleOptions: strict },
          tags,
        },
        { parent: this },
      );
      references.push({ resourceArn: group.arn, priority: 100 });
    }
    if (parsed.allowedDomains.length > 0) {
      const group = new aws.networkfirewall.RuleGroup(
        `${name}-domains`,
        {
          name: `${name}-domain-allow-list`,
          type: 'STATEFUL',
          capacity: parsed.ruleGroupCapacity,
          ruleGroup: {
            rulesSource: {
              rulesSourceList: {
                generatedRulesType: 'ALLOWLIST',
                targetTypes: ['HTTP_HOST', 'TLS_SNI'],
                targets: parsed.allowedDomains,
              },
            },
            statefulRuleOptions: strict,
          },
          tags,
        },
        { parent: this },
      );
      references.push({ resourceArn: group.arn, priority: 200 });
    }

    const policy = new aws.networkfirewall.FirewallPolicy(
      `${name}-policy`,
      {
        name: `${name}-policy`,
        firewallPolicy: {
          statelessDefaultActions: ['aws:forward_to_sfe'],
          statelessFragmentDefaultActions: ['aws:forward_to_sfe'],
          statefulDefaultActions: [...STATEFUL_DEFAULT_ACTIONS],
          statefulEngineOptions: { ruleOrder: 'STRICT_ORDER', streamExceptionPolicy: 'DROP' },
          statefulRuleGroupReferences: references,
        },
        tags,
      },
      { parent: this },
    );

    const firewall = new aws.networkfirewall.Firewall(
      `${name}-firewall`,
      {
        name,
        vpcId: parsed.vpcId,
        firewallPolicyArn: policy.arn,
        subnetMappings: parsed.subnets.map((s) => ({ subnetId: s.subnetId })),
        deleteProtection: parsed.deleteProtection,
        subnetChangeProtection: parsed.deleteProtection,
        firewallPolicyChangeProtection: parsed.deleteProtection,
        tags,
      },
      { parent: this },
    );

    let bucketName: pulumi.Input<string> | undefined = parsed.logging.bucketName;
    if (parsed.logging.destination === 'S3' && bucketName === undefined) {
      bucketName = secureBucket(this, `${name}-logs`, {
        kmsKeyArn: parsed.kmsKeyArn,
        tags,
        expireAfterDays: parsed.logging.retentionInDays,
        accessLogBucket: parsed.accessLogBucket,
        statements: (arn) => logDeliveryStatements(arn, environment(this).accountId),
      }).bucket.bucket;
    }
    const destinations = (['ALERT', 'FLOW'] as const).map(
      (logType): aws.types.input.networkfirewall.LoggingConfigurationLoggingConfigurationLogDestinationConfig => {
        if (bucketName !== undefined) {
          return {
            logType,
            logDestinationType: 'S3',
            logDestination: { bucketName, prefix: `network-firewall/${logType.toLowerCase()}` },
          };
        }
        const group = new aws.cloudwatch.LogGroup(
          `${name}-${logType.toLowerCase()}-logs`,
          {
            name: `/rampart/network-firewall/${name}/${logType.toLowerCase()}`,
            retentionInDays: parsed.logging.retentionInDays,
            kmsKeyId: parsed.kmsKeyArn,
            tags,
          },
          { parent: this },
        );
        return { logType, logDestinationType: 'CloudWatchLogs', logDestination: { logGroup: group.name } };
      },
    );
    new aws.networkfirewall.LoggingConfiguration(
      `${name}-logging`,
      { firewallArn: firewall.arn, loggingConfiguration: { logDestinationConfigs: destinations } },
      { parent: this },
    );

    this.arn = firewall.arn;
    this.policyArn = policy.arn;
    this.registerOutputs({ arn: this.arn, policyArn: this.policyArn });
  }
}

/** Lets CloudWatch vended-log delivery write firewall logs for this account only. */
function logDeliveryStatements(bucketArn: string, accountId: pulumi.Output<string>): pulumi.Output<PolicyStatement>[] {
  return [
    accountId.apply((account) => ({
      Sid: 'LogDeliveryWrite',
      Effect: 'Allow' as const,
      Principal: { Service: 'delivery.logs.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: `${bucketArn}/network-firewall/*/AWSLogs/${account}/*`,
      Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceAccount': account } },
    })),
    accountId.apply((account) => ({
      Sid: 'LogDeliveryAclCheck',
      Effect: 'Allow' as const,
      Principal: { Service: 'delivery.logs.amazonaws.com' },
      Action: 's3:GetBucketAcl',
      Resource: bucketArn,
      Condition: { StringEquals: { 'aws:SourceAccount': account } },
    })),
  ];
}
