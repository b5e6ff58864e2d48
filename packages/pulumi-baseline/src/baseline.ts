import * as pulumi from '@pulumi/pulumi';
import * as z from 'zod';
import { Alerting, type AlertingArgs } from './alerting.js';
import { accessLogBucket } from './bucket.js';
import { CloudTrail, type CloudTrailArgs } from './cloudtrail.js';
import { AccountIdSchema, componentTags, environment, ProviderSchema, parseArgs, TagsSchema } from './common.js';
import { ConfigRecorder, type ConfigRecorderArgs } from './config-recorder.js';
import { ConfigRules, type ConfigRulesArgs } from './config-rules.js';
import { GuardDuty, type GuardDutyArgs } from './guardduty.js';
import { AccountGuardrails, type AccountGuardrailsArgs } from './guardrails.js';
import {
  IncidentResponse,
  type IncidentResponseArgs,
  incidentResponseKeyUserRoleNames,
} from './incident-response/index.js';
import { type KmsDataClassArgs, KmsKeys } from './kms.js';
import { functionRoleName } from './lambda.js';
import { NetworkFirewall, type NetworkFirewallArgs } from './network-firewall.js';
import { ReportGenerator, type ReportGeneratorArgs } from './report-generator.js';
import { SecurityHub, type SecurityHubArgs } from './security-hub.js';
import { ShieldAdvanced, type ShieldAdvancedArgs } from './shield.js';
import { WebAcl, type WebAclArgs } from './waf.js';

// Each part is validated by its own component; here only its presence and shape are checked.
const part = z.record(z.string(), z.unknown());
const optionalPart = z.union([z.literal(false), part]).optional();

export const SecurityBaselineArgsSchema = z.strictObject({
  /** Organization mode: run in the organization's security account (the delegated administrator). */
  organization: z
    .strictObject({
      delegatedAdminAccountId: AccountIdSchema,
      /** Provider for the management account, which registers the delegated administrator. */
      managementProvider: ProviderSchema.optional(),
      /** Organization id (o-...): makes the trail an organization trail. */
      organizationId: z
        .string()
        .regex(/^o-[a-z0-9]{10,32}$/, 'must be an organization id such as o-abc123def4')
        .optional(),
    })
    .optional(),
  kms: z.strictObject({ aliasPrefix: z.string().optional(), deletionWindowInDays: z.number().optional() }).optional(),
  /** On by default; `false` leaves a service out, an object tunes it. */
  guardDuty: optionalPart,
  securityHub: optionalPart,
  cloudTrail: optionalPart,
  configRecorder: optionalPart,
  guardrails: optionalPart,
  alerting: optionalPart,
  webAcl: optionalPart,
  /** Off unless given (the subscription stays opt-in even then: `shield.subscribe`). */
  shield: part.optional(),
  /** Off unless given: needs the VPC and subnets. */
  networkFirewall: part.optional(),
  /** Off unless given: needs the apps/config-rules bundle (`code`). */
  configRules: part.optional(),
  /** Off unless given: needs the apps/report-generator bundle (`code`). */
  reportGenerator: part.optional(),
  /** Off unless given: needs the apps/responder bundle (`code`). */
  incidentResponse: part.optional(),
  /**
   * S3 server access logs of the baseline's buckets, into a dedicated access-log bucket (SSE-S3). On by
   * default; `false` turns it off, `retentionInDays` expires the logs.
   */
  accessLogs: z
    .union([z.literal(false), z.strictObject({ retentionInDays: z.number().int().min(1).optional() })])
    .optional(),
  tags: TagsSchema,
});

type Part<T> = Omit<T, 'kmsKeyArn' | 'tags' | 'organization' | 'accessLogBucket'>;

export interface SecurityBaselineArgs {
  organization?: z.input<typeof SecurityBaselineArgsSchema>['organization'];
  kms?: { aliasPrefix?: string; deletionWindowInDays?: number };
  guardDuty?: false | (Omit<Part<GuardDutyArgs>, 'export'> & { exportRetentionInDays?: number });
  securityHub?: false | Part<SecurityHubArgs>;
  cloudTrail?: false | Omit<Part<CloudTrailArgs>, 'isOrganizationTrail' | 'organizationId'>;
  configRecorder?: false | Part<ConfigRecorderArgs>;
  guardrails?: false | (Omit<Part<AccountGuardrailsArgs>, 'accessAnalyzer'> & { accessAnalyzer?: boolean });
  alerting?: false | Part<AlertingArgs>;
  webAcl?: false | WebAclArgs;
  shield?: ShieldAdvancedArgs;
  networkFirewall?: Part<NetworkFirewallArgs>;
  configRules?: Part<ConfigRulesArgs>;
  reportGenerator?: Part<ReportGeneratorArgs>;
  incidentResponse?: Part<IncidentResponseArgs>;
  accessLogs?: false | { retentionInDays?: number };
  tags?: Record<string, string>;
}

const LOGS_KEY_SERVICES: NonNullable<KmsDataClassArgs['services']> = [
  {
    service: 'cloudtrail.amazonaws.com',
    actions: ['kms:GenerateDataKey', 'kms:DescribeKey'],
    encryptionContext: { 'aws:cloudtrail:arn': 'arn:{partition}:cloudtrail:*:{account}:trail/*' },
  },
  {
    service: 'logs.{region}.amazonaws.com',
    actions: [
      'kms:Encrypt',
      'kms:Decrypt',
      'kms:ReEncryptFrom',
      'kms:ReEncryptTo',
      'kms:GenerateDataKey',
      'kms:DescribeKey',
    ],
    encryptionContext: { 'aws:logs:arn': 'arn:{partition}:logs:{region}:{account}:log-group:*' },
    sourceAccount: false,
  },
  { service: 'config.amazonaws.com', actions: ['kms:Decrypt', 'kms:GenerateDataKey'] },
  { service: 'guardduty.amazonaws.com', actions: ['kms:GenerateDataKey'] },
  { service: 'delivery.logs.amazonaws.com', actions: ['kms:GenerateDataKey'] },
];

/**
 * The whole Security Pillar baseline from one args object. `new SecurityBaseline('x', {})` is a safe
 * single-account default: KMS keys, GuardDuty with every protection plan, Security Hub (FSBP, CIS v3.0.0),
 * a multi-region CloudTrail trail, AWS Config, account guardrails, alerting, a web ACL, and S3 server access
 * logging of every bucket into an access-log bucket. Shield Advanced, Network Firewall, the Config rules,
 * the report generator and incident response are added when their args are given.
 */
export class SecurityBaseline extends pulumi.ComponentResource {
  readonly keyArns: Record<string, pulumi.Output<string>>;
  /** Undefined when alerting is off. */
  readonly alertTopicArn: pulumi.Output<string> | undefined;
  /** Undefined when the web ACL is off. */
  readonly webAclArn: pulumi.Output<string> | undefined;
  /** The bucket receiving S3 server access logs; undefined when access logging is off or there is no bucket. */
  readonly accessLogBucketName: pulumi.Output<string> | undefined;
  /** Undefined unless `incidentResponse` is given. */
  readonly incidentResponse: IncidentResponse | undefined;

  constructor(name: string, args: SecurityBaselineArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    super('rampart:baseline:SecurityBaseline', name, {}, opts);
    parseArgs(SecurityBaselineArgsSchema, args, 'SecurityBaseline', name);
    const a = args;
    const org = a.organization;
    const tags = a.tags;
    const child = { parent: this };
    const env = environment(this);
    const roleArn = (roleName: string) =>
      pulumi.interpolate`arn:${env.partition}:iam::${env.accountId}:role/${roleName}`;

    const keyClasses: Record<string, KmsDataClassArgs> = {
      logs: {
        description: 'Rampart security logs: CloudTrail, AWS Config, GuardDuty findings, firewall and WAF logs',
        services: LOGS_KEY_SERVICES,
        users: a.configRecorder === false ? [] : [roleArn(`${name}-config-role`)],
        ...(a.kms?.deletionWindowInDays !== undefined ? { deletionWindowInDays: a.kms.deletionWindowInDays } : {}),
      },
      alerts: {
        description: 'Rampart security alerts (SNS)',
        services: [{ service: 'events.amazonaws.com', actions: ['kms:GenerateDataKey', 'kms:Decrypt'] }],
        ...(a.kms?.deletionWindowInDays !== undefined ? { deletionWindowInDays: a.kms.deletionWindowInDays } : {}),
      },
    };
    if (a.reportGenerator !== undefined) {
      keyClasses['reports'] = {
        description: 'Rampart reports',
        users: [roleArn(functionRoleName(`${name}-reports-generator`))],
        viaServices: ['s3'],
        services: LOGS_KEY_SERVICES.filter((s) => s.service.startsWith('logs.')),
        ...(a.kms?.deletionWindowInDays !== undefined ? { deletionWindowInDays: a.kms.deletionWindowInDays } : {}),
      };
    }
    if (a.incidentResponse !== undefined) {
      keyClasses['incident-response'] = {
        description: 'Rampart incident response: evidence, notifications and playbook logs',
        users: incidentResponseKeyUserRoleNames(`${name}-ir`, a.incidentResponse).map((role) => roleArn(role)),
        services: LOGS_KEY_SERVICES.filter((s) => s.service.startsWith('logs.')),
        ...(a.kms?.deletionWindowInDays !== undefined ? { deletionWindowInDays: a.kms.deletionWindowInDays } : {}),
      };
    }
    const keys = new KmsKeys(
      `${name}-keys`,
      { keys: keyClasses, ...(a.kms?.aliasPrefix !== undefined ? { aliasPrefix: a.kms.aliasPrefix } : {}), tags },
      child,
    );
    const logsKey = keys.keyArn('logs');

    const hasBucket =
      a.guardDuty !== false ||
      a.cloudTrail !== false ||
      a.configRecorder !== false ||
      a.networkFirewall?.logging?.destination === 'S3' ||
      a.reportGenerator !== undefined ||
      a.incidentResponse !== undefined;
    const accessLogs =
      a.accessLogs !== false && hasBucket
        ? accessLogBucket(this, `${name}-access-logs`, {
            tags: componentTags('baseline', tags),
            env,
            expireAfterDays: a.accessLogs?.retentionInDays,
          }).bucketName
        : undefined;
    const accessLogging = accessLogs !== undefined ? { accessLogBucket: accessLogs } : {};

    if (a.guardDuty !== false) {
      const { exportRetentionInDays, ...gd } = a.guardDuty ?? {};
      new GuardDuty(
        `${name}-guardduty`,
        {
          ...gd,
          ...accessLogging,
          export: {
            kmsKeyArn: logsKey,
            ...(exportRetentionInDays !== undefined ? { retentionInDays: exportRetentionInDays } : {}),
          },
          ...(org
            ? {
                organization: {
                  delegatedAdminAccountId: org.delegatedAdminAccountId,
                  managementProvider: org.managementProvider,
                },
              }
            : {}),
          tags,
        },
        child,
      );
    }
    if (a.securityHub !== false) {
      new SecurityHub(
        `${name}-securityhub`,
        {
          ...a.securityHub,
          ...(org
            ? {
                organization: {
                  delegatedAdminAccountId: org.delegatedAdminAccountId,
                  managementProvider: org.managementProvider,
                },
              }
            : {}),
        },
        child,
      );
    }
    let recorder: ConfigRecorder | undefined;
    if (a.configRecorder !== false) {
      recorder = new ConfigRecorder(
        `${name}-config`,
        { ...a.configRecorder, ...accessLogging, kmsKeyArn: logsKey, tags },
        child,
      );
    }
    if (a.cloudTrail !== false) {
      new CloudTrail(
        `${name}-cloudtrail`,
        {
          ...a.cloudTrail,
          ...accessLogging,
          kmsKeyArn: logsKey,
          ...(org?.organizationId ? { isOrganizationTrail: true, organizationId: org.organizationId } : {}),
          tags,
        },
        child,
      );
    }
    if (a.guardrails !== false) {
      const { accessAnalyzer, ...rest } = a.guardrails ?? {};
      new AccountGuardrails(
        `${name}-guardrails`,
        { ...rest, accessAnalyzer: accessAnalyzer === false ? false : org ? 'ORGANIZATION' : 'ACCOUNT', tags },
        child,
      );
    }
    let alertTopicArn: pulumi.Output<string> | undefined;
    if (a.alerting !== false) {
      alertTopicArn = new Alerting(`${name}-alerting`, { ...a.alerting, kmsKeyArn: keys.keyArn('alerts'), tags }, child)
        .topicArn;
    }
    let webAclArn: pulumi.Output<string> | undefined;
    if (a.webAcl !== false) {
      const waf = a.webAcl ?? {};
      webAclArn = new WebAcl(
        `${name}-waf`,
        { ...waf, logging: waf.logging ?? { kmsKeyArn: logsKey }, tags: { ...tags, ...waf.tags } },
        child,
      ).arn;
    }
    if (a.shield !== undefined) new ShieldAdvanced(`${name}-shield`, { ...a.shield, tags }, child);
    if (a.networkFirewall !== undefined) {
      new NetworkFirewall(
        `${name}-firewall`,
        { ...a.networkFirewall, ...accessLogging, kmsKeyArn: logsKey, tags },
        child,
      );
    }
    if (a.configRules !== undefined) {
      new ConfigRules(
        `${name}-rules`,
        { ...a.configRules, kmsKeyArn: logsKey, tags },
        { parent: this, dependsOn: recorder ? [recorder.status] : [] },
      );
    }
    if (a.reportGenerator !== undefined) {
      new ReportGenerator(
        `${name}-reports`,
        { ...a.reportGenerator, ...accessLogging, kmsKeyArn: keys.keyArn('reports'), tags },
        child,
      );
    }

    let incidentResponse: IncidentResponse | undefined;
    if (a.incidentResponse !== undefined) {
      incidentResponse = new IncidentResponse(
        `${name}-ir`,
        { ...a.incidentResponse, ...accessLogging, kmsKeyArn: keys.keyArn('incident-response'), tags },
        child,
      );
    }

    this.keyArns = keys.keyArns;
    this.alertTopicArn = alertTopicArn;
    this.webAclArn = webAclArn;
    this.accessLogBucketName = accessLogs;
    this.incidentResponse = incidentResponse;
    this.registerOutputs({
      keyArns: this.keyArns,
      alertTopicArn: this.alertTopicArn,
      webAclArn: this.webAclArn,
      accessLogBucketName: this.accessLogBucketName,
      incidentResponseStateMachineArns: incidentResponse?.stateMachineArns,
    });
  }
}
