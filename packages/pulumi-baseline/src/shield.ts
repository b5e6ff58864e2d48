import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import * as z from 'zod';
import { ArnSchema, componentTags, environment, input, parseArgs, serviceTrustPolicy, TagsSchema } from './common.js';

const ProtectionSchema = z.strictObject({
  /** Short name, unique within the component (used in resource names). */
  name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, _ or -'),
  resourceArn: input(ArnSchema),
  /** A Route 53 health check to associate, for health-based detection. */
  healthCheckArn: input(ArnSchema).optional(),
});

const ProtectionGroupSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,36}$/, 'must be 1-36 letters, digits, _ or -'),
    aggregation: z.enum(['SUM', 'MEAN', 'MAX']),
    pattern: z.enum(['ALL', 'ARBITRARY', 'BY_RESOURCE_TYPE']),
    /** Protected resource ARNs (pattern ARBITRARY only). */
    members: z.array(input(ArnSchema)).optional(),
    /** Pattern BY_RESOURCE_TYPE only. */
    resourceType: z
      .enum([
        'CLOUDFRONT_DISTRIBUTION',
        'ROUTE_53_HOSTED_ZONE',
        'ELASTIC_IP_ALLOCATION',
        'CLASSIC_LOAD_BALANCER',
        'APPLICATION_LOAD_BALANCER',
        'GLOBAL_ACCELERATOR',
      ])
      .optional(),
  })
  .superRefine((g, ctx) => {
    if (g.pattern === 'ARBITRARY' && (g.members ?? []).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['members'], message: 'pattern ARBITRARY needs members' });
    }
    if (g.pattern !== 'ARBITRARY' && g.members !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['members'], message: 'members are allowed only with pattern ARBITRARY' });
    }
    if ((g.pattern === 'BY_RESOURCE_TYPE') !== (g.resourceType !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['resourceType'],
        message: 'resourceType is required with pattern BY_RESOURCE_TYPE and allowed only with it',
      });
    }
  });

export const ShieldAdvancedArgsSchema = z
  .strictObject({
    /**
     * Creates the Shield Advanced subscription. Off by default: it costs USD 3,000 a month with a one-year
     * commitment. Protections need an active subscription (created here or already in the account).
     */
    subscribe: z.boolean().default(false),
    autoRenew: z.boolean().default(true),
    protections: z.array(ProtectionSchema).default([]),
    protectionGroups: z.array(ProtectionGroupSchema).default([]),
    /** Grants the Shield Response Team access through a role with AWSShieldDRTAccessPolicy. */
    srtAccess: z.boolean().default(true),
    tags: TagsSchema,
  })
  .superRefine((args, ctx) => {
    const names = new Set<string>();
    args.protections.forEach((p, i) => {
      if (names.has(p.name))
        ctx.addIssue({ code: 'custom', path: ['protections', i, 'name'], message: 'duplicate name' });
      names.add(p.name);
    });
  });

export type ShieldAdvancedArgs = z.input<typeof ShieldAdvancedArgsSchema>;

/** Shield Advanced: opt-in subscription, protections, protection groups, health checks and SRT access. */
export class ShieldAdvanced extends pulumi.ComponentResource {
  /** Protection ids by protection name. */
  readonly protectionIds: Record<string, pulumi.Output<string>>;

  constructor(name: string, args: ShieldAdvancedArgs, opts?: pulumi.ComponentResourceOptions) {
    super('rampart:shield:ShieldAdvanced', name, {}, opts);
    const parsed = parseArgs(ShieldAdvancedArgsSchema, args, 'ShieldAdvanced', name);
    const tags = componentTags('baseline', parsed.tags);
    const dependsOn: pulumi.Resource[] = [];
    if (parsed.subscribe) {
      dependsOn.push(
        new aws.shield.Subscription(
          `${name}-subscription`,
          { autoRenew: parsed.autoRenew ? 'ENABLED' : 'DISABLED', skipDestroy: true },
          { parent: this, protect: true },
        ),
      );
    }
    const childOpts = { parent: this, dependsOn };
    this.protectionIds = {};
    const protections: aws.shield.Protection[] = [];
    for (const p of parsed.protections) {
      const protection = new aws.shield.Protection(
        `${name}-${p.name}`,
        { name: `rampart-${p.name}`, resourceArn: p.resourceArn, tags },
        childOpts,
      );
      this.protectionIds[p.name] = protection.id;
      protections.push(protection);
      if (p.healthCheckArn !== undefined) {
        new aws.shield.ProtectionHealthCheckAssociation(
          `${name}-${p.name}-health-check`,
          { shieldProtectionId: protection.id, healthCheckArn: p.healthCheckArn },
          { parent: this },
        );
      }
    }
    for (const g of parsed.protectionGroups) {
      new aws.shield.ProtectionGroup(
        `${name}-group-${g.id}`,
        {
          protectionGroupId: g.id,
          aggregation: g.aggregation,
          pattern: g.pattern,
          members: g.members,
          resourceType: g.resourceType,
          tags,
        },
        // Members must be protected before they can join a group.
        { parent: this, dependsOn: [...dependsOn, ...protections] },
      );
    }
    if (parsed.srtAccess) {
      const env = environment(this);
      const role = new aws.iam.Role(
        `${name}-srt-role`,
        {
          description: 'Lets the AWS Shield Response Team act on this account during a DDoS event',
          assumeRolePolicy: serviceTrustPolicy('drt.shield.amazonaws.com', env.accountId),
          tags,
        },
        { parent: this },
      );
      new aws.iam.RolePolicyAttachment(
        `${name}-srt-policy`,
        {
          role: role.name,
          policyArn: pulumi.interpolate`arn:${env.partition}:iam::aws:policy/service-role/AWSShieldDRTAccessPolicy`,
        },
        { parent: this },
      );
      new aws.shield.DrtAccessRoleArnAssociation(`${name}-srt-access`, { roleArn: role.arn }, childOpts);
    }
    this.registerOutputs({ protectionIds: this.protectionIds });
  }
}
