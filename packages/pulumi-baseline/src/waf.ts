import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import * as z from 'zod';
import { ArnSchema, componentTags, input, parseArgs, TagsSchema } from './common.js';

/**
 * Web ACL capacity units (WCU) of AWS managed rule groups, from the AWS WAF Developer Guide
 * ("AWS Managed Rules rule groups list"). Groups not listed here need `wcu` in their args.
 */
export const MANAGED_RULE_GROUP_WCU: Readonly<Record<string, number>> = {
  AWSManagedRulesCommonRuleSet: 700,
  AWSManagedRulesAdminProtectionRuleSet: 100,
  AWSManagedRulesKnownBadInputsRuleSet: 200,
  AWSManagedRulesSQLiRuleSet: 200,
  AWSManagedRulesLinuxRuleSet: 200,
  AWSManagedRulesUnixRuleSet: 100,
  AWSManagedRulesWindowsRuleSet: 200,
  AWSManagedRulesPHPRuleSet: 100,
  AWSManagedRulesWordPressRuleSet: 100,
  AWSManagedRulesAmazonIpReputationList: 25,
  AWSManagedRulesAnonymousIpList: 50,
  AWSManagedRulesBotControlRuleSet: 50,
};

/** A rate-based rule without a scope-down statement costs 2 WCU. */
export const RATE_RULE_WCU = 2;

/** The web ACL capacity included in the base price; AWS allows up to 5,000 at extra charge. */
export const DEFAULT_WCU_LIMIT = 1500;

export const DEFAULT_MANAGED_RULE_GROUPS = [
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesAnonymousIpList',
  'AWSManagedRulesSQLiRuleSet',
] as const;

const ManagedRuleGroupSchema = z.strictObject({
  name: z.string().min(1),
  vendorName: z.string().default('AWS'),
  /** Rules of the group to run in count mode instead of their own action. */
  countRules: z.array(z.string().min(1)).default([]),
  /** Capacity of the group; required for groups missing from MANAGED_RULE_GROUP_WCU. */
  wcu: z.number().int().positive().optional(),
});

// Resources a regional web ACL can protect: ALB, API Gateway REST API stage, AppSync API, Cognito user pool.
const ASSOCIABLE_ARN =
  /^arn:aws[a-z-]*:(elasticloadbalancing:[^:]+:\d{12}:loadbalancer\/app\/.+|apigateway:[^:]+::\/restapis\/[^/]+\/stages\/.+|appsync:[^:]+:\d{12}:apis\/.+|cognito-idp:[^:]+:\d{12}:userpool\/.+)$/;

export const WebAclArgsSchema = z
  .strictObject({
    scope: z.enum(['REGIONAL', 'CLOUDFRONT']).default('REGIONAL'),
    /** AWS managed rule groups, evaluated in this order after the rate rule. Defaults to the five baseline groups. */
    managedRuleGroups: z
      .array(z.union([z.string().min(1), ManagedRuleGroupSchema]))
      .default([...DEFAULT_MANAGED_RULE_GROUPS])
      .transform((groups) => groups.map((g) => ManagedRuleGroupSchema.parse(typeof g === 'string' ? { name: g } : g))),
    /** Requests per IP in the evaluation window, blocked above the limit (priority 1). `false` drops the rule. */
    rateLimit: z
      .union([
        z.literal(false),
        z.strictObject({
          limit: z.number().int().min(10).max(2_000_000_000).default(2000),
          evaluationWindowSec: z.union([z.literal(60), z.literal(120), z.literal(300), z.literal(600)]).default(300),
          action: z.enum(['block', 'count']).default('block'),
        }),
      ])
      .default({ limit: 2000, evaluationWindowSec: 300, action: 'block' }),
    /**
     * Where logs go: an existing `aws-waf-logs-` destination ARN, or a CloudWatch log group this component
     * creates (encrypted with `kmsKeyArn`). `false` turns logging off.
     */
    logging: z
      .union([
        z.literal(false),
        z.strictObject({
          destinationArn: input(
            ArnSchema.refine(
              (a) => a.includes('aws-waf-logs-'),
              'a WAF log destination name must start with aws-waf-logs-',
            ),
          ).optional(),
          kmsKeyArn: input(ArnSchema).optional(),
          retentionInDays: z.number().int().min(1).default(365),
          /** Headers to redact besides `authorization` and `cookie`, which are always redacted. */
          redactHeaders: z.array(z.string().min(1)).default([]),
        }),
      ])
      .default({ retentionInDays: 365, redactHeaders: [] }),
    /** ARNs of the ALBs, API Gateway stages, AppSync APIs or Cognito user pools to protect (REGIONAL only). */
    associations: z
      .array(
        input(
          z
            .string()
            .regex(ASSOCIABLE_ARN, 'must be the ARN of an ALB, API Gateway stage, AppSync API or Cognito user pool'),
        ),
      )
      .default([]),
    wcuLimit: z.number().int().min(1).max(5000).default(DEFAULT_WCU_LIMIT),
    tags: TagsSchema,
  })
  .superRefine((args, ctx) => {
    if (args.scope === 'CLOUDFRONT' && args.associations.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['associations'],
        message: 'a CLOUDFRONT web ACL is attached through the distribution (webAclId), not associations',
      });
    }
    if (args.logging !== false && args.logging.destinationArn === undefined && args.logging.kmsKeyArn === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['logging', 'kmsKeyArn'],
        message: 'required to encrypt the log group this component creates (or give destinationArn, or logging: false)',
      });
    }
    args.managedRuleGroups.forEach((g, i) => {
      if (g.wcu === undefined && MANAGED_RULE_GROUP_WCU[g.name] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['managedRuleGroups', i, 'wcu'],
          message: `capacity of ${g.vendorName}/${g.name} is unknown; give its wcu`,
        });
      }
    });
  });

export type WebAclArgs = z.input<typeof WebAclArgsSchema>;

/** The capacity a web ACL's rules need, per rule and in total. */
export function webAclCapacity(args: Pick<z.output<typeof WebAclArgsSchema>, 'managedRuleGroups' | 'rateLimit'>): {
  total: number;
  rules: { name: string; wcu: number }[];
} {
  const rules = args.managedRuleGroups.map((g) => ({
    name: g.name,
    wcu: g.wcu ?? MANAGED_RULE_GROUP_WCU[g.name] ?? 0,
  }));
  if (args.rateLimit !== false) rules.unshift({ name: 'rate-limit', wcu: RATE_RULE_WCU });
  return { total: rules.reduce((sum, r) => sum + r.wcu, 0), rules };
}

/** The rules of a web ACL need more capacity than its limit. */
export class WebAclCapacityError extends Error {
  override readonly name = 'WebAclCapacityError';
}

/** Redacted in every log record: credentials and session tokens travel in these headers. */
export const ALWAYS_REDACTED_HEADERS = ['authorization', 'cookie'] as const;

/**
 * A WAFv2 web ACL: default allow, a per-IP rate limit at priority 1, AWS managed rule groups, metrics and
 * sampled requests on every rule, logging with credentials redacted, and associations.
 */
export class WebAcl extends pulumi.ComponentResource {
  readonly arn: pulumi.Output<string>;
  /** Total web ACL capacity units of the rules. */
  readonly capacity: number;

  constructor(name: string, args: WebAclArgs, opts?: pulumi.ComponentResourceOptions) {
    super('rampart:waf:WebAcl', name, {}, opts);
    const parsed = parseArgs(WebAclArgsSchema, args, 'WebAcl', name);
    const capacity = webAclCapacity(parsed);
    if (capacity.total > parsed.wcuLimit) {
      const detail = capacity.rules.map((r) => `${r.name} ${r.wcu}`).join(', ');
      throw new WebAclCapacityError(
        `WebAcl "${name}" needs ${capacity.total} WCU (${detail}) but its limit is ${parsed.wcuLimit}; remove a rule group or raise wcuLimit (AWS allows up to 5000, with extra charges above 1500).`,
      );
    }
    this.capacity = capacity.total;
    const tags = componentTags('baseline', parsed.tags);
    const metricPrefix = name.replace(/[^A-Za-z0-9_-]/g, '-');
    const visibility = (metric: string) => ({
      cloudwatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: `${metricPrefix}-${metric}`.slice(0, 128),
    });

    const rules: aws.types.input.wafv2.WebAclRule[] = [];
    if (parsed.rateLimit !== false) {
      rules.push({
        name: 'rate-limit',
        priority: 1,
        action: parsed.rateLimit.action === 'block' ? { block: {} } : { count: {} },
        statement: {
          rateBasedStatement: {
            limit: parsed.rateLimit.limit,
            evaluationWindowSec: parsed.rateLimit.evaluationWindowSec,
            aggregateKeyType: 'IP',
          },
        },
        visibilityConfig: visibility('rate-limit'),
      });
    }
    parsed.managedRuleGroups.forEach((group, index) => {
      rules.push({
        name: group.name,
        priority: 10 * (index + 1),
        overrideAction: { none: {} },
        statement: {
          managedRuleGroupStatement: {
            name: group.name,
            vendorName: group.vendorName,
            ruleActionOverrides: group.countRules.map((rule) => ({ name: rule, actionToUse: { count: {} } })),
          },
        },
        visibilityConfig: visibility(group.name),
      });
    });

    const acl = new aws.wafv2.WebAcl(
      `${name}-acl`,
      {
        scope: parsed.scope,
        description: 'Rampart baseline web ACL',
        defaultAction: { allow: {} },
        rules,
        visibilityConfig: visibility('default'),
        tags,
      },
      { parent: this },
    );

    if (parsed.logging !== false) {
      let destination: pulumi.Input<string>;
      if (parsed.logging.destinationArn !== undefined) {
        destination = parsed.logging.destinationArn;
      } else {
        const group = new aws.cloudwatch.LogGroup(
          `${name}-logs`,
          {
            name: `aws-waf-logs-${name}`,
            retentionInDays: parsed.logging.retentionInDays,
            kmsKeyId: parsed.logging.kmsKeyArn,
            tags,
          },
          { parent: this },
        );
        destination = group.arn;
      }
      new aws.wafv2.WebAclLoggingConfiguration(
        `${name}-logging`,
        {
          resourceArn: acl.arn,
          logDestinationConfigs: [destination],
          redactedFields: [
            ...new Set([...ALWAYS_REDACTED_HEADERS, ...parsed.logging.redactHeaders].map((h) => h.toLowerCase())),
          ].map((header) => ({ singleHeader: { name: header } })),
        },
        { parent: this },
      );
    }

    parsed.associations.forEach((resourceArn, index) => {
      new aws.wafv2.WebAclAssociation(
        `${name}-association-${index}`,
        { resourceArn, webAclArn: acl.arn },
        { parent: this },
      );
    });

    this.arn = acl.arn;
    this.registerOutputs({ arn: this.arn, capacity: this.capacity });
  }
}
