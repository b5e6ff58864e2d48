import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import {
  PLAYBOOK_NAMES,
  type PlaybookName,
  playbookDefinition,
  playbookStepIds,
  STEP_FUNCTIONS,
} from '@rampart/responder';
import * as z from 'zod';
import { AccessLogBucketSchema } from '../bucket.js';
import {
  ArnSchema,
  COMPONENT_TAG,
  componentTags,
  environment,
  input,
  managedRolePolicy,
  type PolicyStatement,
  parseArgs,
  policyDocument,
  serviceTrustPolicy,
  TagsSchema,
} from '../common.js';
import { archive, CodeSchema, functionRoleName, rampartFunction } from '../lambda.js';
import type { ActionGrant } from '../permissions.js';
import { evidenceBucket } from './evidence-bucket.js';
import { CUSTOM_ACTIONS, customActionPattern, triggerRules } from './patterns.js';

/** The tag Rampart's incident-response-playbooks-deployed control reads on each state machine. */
export const PLAYBOOK_TAG = 'rampart:playbook';
/** Tags of the isolation security groups (the responder's isolate-instance step looks them up). */
export const ISOLATION_GROUP_TAGS = { [COMPONENT_TAG]: 'incident-response', 'rampart:role': 'isolation' } as const;

export const IncidentResponseArgsSchema = z.strictObject({
  /** The apps/responder bundle (apps/responder/dist/bundle): a pulumi.asset.Archive, or its path. */
  code: CodeSchema,
  /** Encrypts the evidence bucket, the notification topic it creates, and the log groups. */
  kmsKeyArn: input(ArnSchema),
  /** Where summaries go (for example the Alerting topic); a KMS-encrypted topic is created when absent. */
  notificationTopicArn: input(ArnSchema).optional(),
  /** The KMS key of `notificationTopicArn`, when it is not `kmsKeyArn`. */
  notificationTopicKmsKeyArn: input(ArnSchema).optional(),
  /** Playbooks to deploy; all three unless narrowed. */
  playbooks: z
    .array(z.enum(PLAYBOOK_NAMES))
    .min(1)
    .default([...PLAYBOOK_NAMES]),
  /** Automatic runs (EventBridge) only report the actions they would take; custom actions and manual runs choose. */
  dryRun: z.boolean().default(false),
  /** EC2 compromise stops the isolated instance unless a run says otherwise. It never terminates. */
  stopInstances: z.boolean().default(false),
  /** GuardDuty EC2 findings from this severity start the EC2 playbook (7 = high). */
  ec2MinSeverity: z.number().min(1).max(8.9).default(7),
  /** Which finding sources start playbooks automatically. */
  triggers: z
    .strictObject({
      guardDuty: z.boolean().default(true),
      securityHub: z.boolean().default(true),
      accessAnalyzer: z.boolean().default(true),
    })
    .default({ guardDuty: true, securityHub: true, accessAnalyzer: true }),
  /** A Security Hub custom action per playbook ("Revoke access key", ...). */
  securityHubCustomActions: z.boolean().default(true),
  /** VPCs that get an isolation security group (no inbound, no outbound rules). */
  isolationVpcIds: z.array(z.string().regex(/^vpc-[0-9a-f]{8,17}$/, 'must be a VPC id')).default([]),
  /** Object Lock default retention of evidence. COMPLIANCE cannot be shortened by anyone, root included. */
  evidenceRetentionDays: z.number().int().min(1).max(36_500).default(365),
  evidenceRetentionMode: z.enum(['GOVERNANCE', 'COMPLIANCE']).default('GOVERNANCE'),
  /** Principals (role or SSO permission-set role ARNs) that may assume the incident responder role; none: no role. */
  responderPrincipalArns: z.array(ArnSchema).default([]),
  memorySize: z.number().int().min(128).max(10240).default(256),
  timeout: z.number().int().min(1).max(900).default(300),
  logRetentionInDays: z.number().int().min(1).default(365),
  /** Bucket that receives S3 server access logs of this component's bucket (SSE-S3, no Object Lock); none: not logged. */
  accessLogBucket: AccessLogBucketSchema,
  tags: TagsSchema,
});

export type IncidentResponseArgs = z.input<typeof IncidentResponseArgsSchema>;

/** The IAM role name of the responder role of an IncidentResponse named `name`. */
export function responderRoleName(name: string): string {
  return `${name}-responder`.slice(0, 64);
}

/**
 * The names of the roles an IncidentResponse named `name` creates that use its KMS key (one per step Lambda,
 * and the responder role), so a key policy can name them before they exist.
 */
export function incidentResponseKeyUserRoleNames(
  name: string,
  args: { playbooks?: readonly PlaybookName[] | undefined; responderPrincipalArns?: readonly string[] | undefined },
): string[] {
  const steps = new Set((args.playbooks ?? PLAYBOOK_NAMES).flatMap((p) => playbookStepIds(p)));
  return [
    ...STEP_FUNCTIONS.filter((s) => steps.has(s.id)).map((s) => functionRoleName(`${name}-${s.id}`)),
    ...((args.responderPrincipalArns ?? []).length > 0 ? [responderRoleName(name)] : []),
  ];
}

const WRITE_OWN_LOGS: ActionGrant = {
  sid: 'WriteOwnLogs',
  actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
  resources: ['{logGroup}:*'],
};

/**
 * Incident response: the three playbooks of apps/responder as Step Functions state machines with one Lambda
 * (and one role) per step, the EventBridge rules and Security Hub custom actions that start them, an Object
 * Lock evidence bucket, isolation security groups and, optionally, a responder role. Everything is tagged
 * rampart:component=incident-response; each state machine also rampart:playbook=<name>.
 */
export class IncidentResponse extends pulumi.ComponentResource {
  readonly stateMachineArns: pulumi.Output<Record<string, string>>;
  readonly evidenceBucketName: pulumi.Output<string>;
  readonly notificationTopicArn: pulumi.Output<string>;
  readonly isolationSecurityGroupIds: pulumi.Output<string[]>;
  readonly responderRoleArn: pulumi.Output<string | undefined>;

  constructor(name: string, args: IncidentResponseArgs, opts?: pulumi.ComponentResourceOptions) {
    super('rampart:incident-response:IncidentResponse', name, {}, opts);
    const parsed = parseArgs(IncidentResponseArgsSchema, args, 'IncidentResponse', name);
    const tags = componentTags('incident-response', parsed.tags);
    const env = environment(this);
    const code = archive(parsed.code);

    const bucket = evidenceBucket(this, `${name}-evidence`, {
      kmsKeyArn: parsed.kmsKeyArn,
      retentionDays: parsed.evidenceRetentionDays,
      retentionMode: parsed.evidenceRetentionMode,
      tags,
      accessLogBucket: parsed.accessLogBucket,
    });
    const topicArn: pulumi.Output<string> =
      parsed.notificationTopicArn !== undefined
        ? pulumi.output(parsed.notificationTopicArn)
        : new aws.sns.Topic(`${name}-notifications`, { kmsMasterKeyId: parsed.kmsKeyArn, tags }, { parent: this }).arn;
    const topicKey = parsed.notificationTopicKmsKeyArn ?? parsed.kmsKeyArn;

    const isolationGroups = parsed.isolationVpcIds.map(
      (vpcId, i) =>
        new aws.ec2.SecurityGroup(
          `${name}-isolation-${i}`,
          {
            vpcId,
            description: 'Rampart incident response: isolates a compromised instance (no inbound, no outbound rules)',
            // Empty lists remove the default allow-all egress rule.
            ingress: [],
            egress: [],
            revokeRulesOnDelete: true,
            tags: { ...tags, ...ISOLATION_GROUP_TAGS, Name: `${name}-isolation` },
          },
          { parent: this },
        ),
    );

    // One function (and role) per step the chosen playbooks use.
    const wanted = new Set(parsed.playbooks.flatMap((p) => playbookStepIds(p)));
    const functions = new Map<string, aws.lambda.Function>();
    for (const step of STEP_FUNCTIONS.filter((s) => wanted.has(s.id))) {
      functions.set(
        step.id,
        rampartFunction(this, {
          name: `${name}-${step.id}`,
          description: `Rampart incident response: ${step.description}`.slice(0, 256),
          code,
          handler: `${step.id}.handler`,
          memorySize: parsed.memorySize,
          timeout: parsed.timeout,
          environment: {
            RAMPART_EVIDENCE_BUCKET: bucket.bucket,
            RAMPART_EVIDENCE_KMS_KEY_ARN: parsed.kmsKeyArn,
            RAMPART_NOTIFICATION_TOPIC_ARN: topicArn,
          },
          permissions: [...(step.permissions as readonly ActionGrant[]), WRITE_OWN_LOGS],
          resourceValues: { evidenceBucket: bucket.arn, evidenceKey: parsed.kmsKeyArn, topic: topicArn, topicKey },
          kmsKeyArn: parsed.kmsKeyArn,
          logRetentionInDays: parsed.logRetentionInDays,
          tags,
          env,
        }),
      );
    }

    const machines: Partial<Record<PlaybookName, aws.sfn.StateMachine>> = {};
    for (const playbook of parsed.playbooks) {
      machines[playbook] = this.stateMachine(name, playbook, functions, parsed, tags);
    }

    const rules = triggerRules({ ec2MinSeverity: parsed.ec2MinSeverity }).filter(
      (r) =>
        machines[r.playbook] !== undefined &&
        ((r.trigger === 'guardduty' && parsed.triggers.guardDuty) ||
          (r.trigger === 'security-hub' && parsed.triggers.securityHub) ||
          (r.trigger === 'access-analyzer' && parsed.triggers.accessAnalyzer)),
    );
    for (const rule of rules) {
      this.startOn(
        `${name}-${rule.id}`,
        rule.description,
        JSON.stringify(rule.pattern),
        machines[rule.playbook]!,
        rule.playbook,
        tags,
      );
    }
    if (parsed.securityHubCustomActions) {
      for (const playbook of parsed.playbooks) {
        const action = CUSTOM_ACTIONS[playbook];
        const target = new aws.securityhub.ActionTarget(
          `${name}-${playbook}-action`,
          { identifier: action.identifier, name: action.name, description: action.description },
          { parent: this },
        );
        this.startOn(
          `${name}-${playbook}-custom-action`,
          `Security Hub custom action "${action.name}"`,
          target.arn.apply((arn) => JSON.stringify(customActionPattern(arn))),
          machines[playbook]!,
          playbook,
          tags,
        );
      }
    }

    const machineArns = pulumi.all(
      Object.fromEntries(Object.entries(machines).map(([k, m]) => [k, (m as aws.sfn.StateMachine).arn])),
    );
    let responderRole: aws.iam.Role | undefined;
    if (parsed.responderPrincipalArns.length > 0) {
      responderRole = this.responderRole(
        name,
        parsed.responderPrincipalArns,
        machineArns,
        bucket.arn,
        parsed.kmsKeyArn,
        tags,
      );
    }

    this.stateMachineArns = machineArns;
    this.evidenceBucketName = bucket.bucket;
    this.notificationTopicArn = topicArn;
    this.isolationSecurityGroupIds = pulumi.all(isolationGroups.map((g) => g.id));
    this.responderRoleArn = responderRole !== undefined ? responderRole.arn : pulumi.output(undefined);
    this.registerOutputs({
      stateMachineArns: this.stateMachineArns,
      evidenceBucketName: this.evidenceBucketName,
      notificationTopicArn: this.notificationTopicArn,
      isolationSecurityGroupIds: this.isolationSecurityGroupIds,
      responderRoleArn: this.responderRoleArn,
    });
  }

  private stateMachine(
    name: string,
    playbook: PlaybookName,
    functions: Map<string, aws.lambda.Function>,
    parsed: z.output<typeof IncidentResponseArgsSchema>,
    tags: Record<string, string>,
  ): aws.sfn.StateMachine {
    const opts = { parent: this };
    const machineTags = { ...tags, [PLAYBOOK_TAG]: playbook };
    const stepIds = playbookStepIds(playbook);
    const arns = pulumi.all(Object.fromEntries(stepIds.map((id) => [id, functions.get(id)!.arn])));
    const env = environment(this);
    const role = new aws.iam.Role(
      `${name}-${playbook}-sfn-role`,
      {
        description: `Rampart ${playbook} playbook: invokes its step functions`,
        assumeRolePolicy: serviceTrustPolicy('states.amazonaws.com', env.accountId),
        tags: machineTags,
      },
      opts,
    );
    const policy = managedRolePolicy(this, `${name}-${playbook}-sfn-policy`, {
      role: role.name,
      description: `Rampart ${playbook} playbook: invokes its step functions and delivers its logs`,
      tags: machineTags,
      policy: policyDocument(
        arns.apply((a): PolicyStatement[] => [
          { Sid: 'InvokeSteps', Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: Object.values(a).sort() },
          {
            // Step Functions log delivery supports no resource-level permissions.
            Sid: 'DeliverLogs',
            Effect: 'Allow',
            Action: [
              'logs:CreateLogDelivery',
              'logs:DeleteLogDelivery',
              'logs:DescribeLogGroups',
              'logs:DescribeResourcePolicies',
              'logs:GetLogDelivery',
              'logs:ListLogDeliveries',
              'logs:PutResourcePolicy',
              'logs:UpdateLogDelivery',
            ],
            Resource: '*',
          },
        ]),
      ),
    });
    const logs = new aws.cloudwatch.LogGroup(
      `${name}-${playbook}-sfn-logs`,
      {
        name: `/aws/vendedlogs/states/${name}-${playbook}`,
        retentionInDays: parsed.logRetentionInDays,
        kmsKeyId: parsed.kmsKeyArn,
        tags: machineTags,
      },
      opts,
    );
    return new aws.sfn.StateMachine(
      `${name}-${playbook}`,
      {
        name: `${name}-${playbook}`,
        roleArn: role.arn,
        type: 'STANDARD',
        definition: arns.apply((a) =>
          JSON.stringify(
            playbookDefinition(playbook, {
              functionArn: (id) => {
                const arn = a[id];
                if (arn === undefined) throw new Error(`No function for step ${id} of ${playbook}`);
                return arn;
              },
              dryRunByDefault: parsed.dryRun,
              stopInstanceByDefault: parsed.stopInstances,
            }),
          ),
        ),
        loggingConfiguration: {
          level: 'ALL',
          includeExecutionData: true,
          logDestination: pulumi.interpolate`${logs.arn}:*`,
        },
        tags: machineTags,
      },
      { parent: this, dependsOn: [policy] },
    );
  }

  /** An EventBridge rule that starts `machine` with the event as input. */
  private startOn(
    ruleName: string,
    description: string,
    pattern: pulumi.Input<string>,
    machine: aws.sfn.StateMachine,
    playbook: PlaybookName,
    tags: Record<string, string>,
  ): void {
    const opts = { parent: this };
    const ruleTags = { ...tags, [PLAYBOOK_TAG]: playbook };
    const env = environment(this);
    const rule = new aws.cloudwatch.EventRule(
      ruleName,
      { description: `Rampart ${playbook}: ${description}`.slice(0, 512), eventPattern: pattern, tags: ruleTags },
      opts,
    );
    const role = new aws.iam.Role(
      `${ruleName}-role`,
      { assumeRolePolicy: serviceTrustPolicy('events.amazonaws.com', env.accountId), tags: ruleTags },
      opts,
    );
    const policy = managedRolePolicy(this, `${ruleName}-policy`, {
      role: role.name,
      description: `Rampart ${playbook}: lets EventBridge start the playbook`,
      tags: ruleTags,
      policy: policyDocument([
        machine.arn.apply(
          (arn): PolicyStatement => ({
            Sid: 'StartPlaybook',
            Effect: 'Allow',
            Action: 'states:StartExecution',
            Resource: arn,
          }),
        ),
      ]),
    });
    new aws.cloudwatch.EventTarget(
      `${ruleName}-target`,
      {
        rule: rule.name,
        arn: machine.arn,
        roleArn: role.arn,
        retryPolicy: { maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 10 },
      },
      { parent: this, dependsOn: [policy] },
    );
  }

  /** The pre-provisioned role people assume to respond: start and read playbook runs, read evidence, audit. */
  private responderRole(
    name: string,
    principals: string[],
    machineArns: pulumi.Output<Record<string, string>>,
    bucketArn: pulumi.Output<string>,
    kmsKeyArn: pulumi.Input<string>,
    tags: Record<string, string>,
  ): aws.iam.Role {
    const opts = { parent: this };
    const env = environment(this);
    const role = new aws.iam.Role(
      `${name}-responder`,
      {
        // A fixed name, so the evidence key policy can name the role before it exists.
        name: responderRoleName(name),
        description: 'Rampart incident responder: runs the playbooks and reads their evidence',
        assumeRolePolicy: policyDocument([
          {
            Sid: 'NamedResponders',
            Effect: 'Allow',
            Principal: { AWS: principals },
            Action: 'sts:AssumeRole',
          },
        ]),
        maxSessionDuration: 3600,
        tags,
      },
      opts,
    );
    new aws.iam.RolePolicyAttachment(
      `${name}-responder-audit`,
      { role: role.name, policyArn: pulumi.interpolate`arn:${env.partition}:iam::aws:policy/SecurityAudit` },
      opts,
    );
    managedRolePolicy(this, `${name}-responder-policy`, {
      role: role.name,
      description: 'Rampart incident responder: runs the playbooks and reads their evidence',
      tags,
      policy: policyDocument(
        pulumi
          .all([machineArns, bucketArn, pulumi.output(kmsKeyArn), env.partition, env.region, env.accountId])
          .apply(([machines, bucket, key, partition, region, account]): PolicyStatement[] => [
            {
              Sid: 'RunPlaybooks',
              Effect: 'Allow',
              Action: ['states:StartExecution', 'states:ListExecutions'],
              Resource: Object.values(machines).sort(),
            },
            {
              Sid: 'ReadRuns',
              Effect: 'Allow',
              Action: ['states:DescribeExecution', 'states:GetExecutionHistory', 'states:StopExecution'],
              Resource: Object.keys(machines)
                .sort()
                .map((p) => `arn:${partition}:states:${region}:${account}:execution:${name}-${p}:*`),
            },
            {
              Sid: 'ReadEvidence',
              Effect: 'Allow',
              Action: ['s3:GetObject', 's3:GetObjectVersion', 's3:ListBucket'],
              Resource: [bucket, `${bucket}/*`],
            },
            { Sid: 'DecryptEvidence', Effect: 'Allow', Action: 'kms:Decrypt', Resource: key },
          ]),
      ),
    });
    return role;
  }
}
