import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import * as z from 'zod';
import {
  ArnSchema,
  componentTags,
  environment,
  input,
  type PolicyStatement,
  parseArgs,
  policyDocument,
  TagsSchema,
} from './common.js';

/** IAM API calls that change a policy (CIS AWS Foundations 4.4). */
export const IAM_POLICY_CHANGE_EVENTS = [
  'AttachGroupPolicy',
  'AttachRolePolicy',
  'AttachUserPolicy',
  'CreatePolicy',
  'CreatePolicyVersion',
  'DeleteGroupPolicy',
  'DeletePolicy',
  'DeletePolicyVersion',
  'DeleteRolePolicy',
  'DeleteUserPolicy',
  'DetachGroupPolicy',
  'DetachRolePolicy',
  'DetachUserPolicy',
  'PutGroupPolicy',
  'PutRolePolicy',
  'PutUserPolicy',
  'SetDefaultPolicyVersion',
] as const;

/** CloudTrail API calls that stop or weaken logging. */
export const CLOUDTRAIL_STOPPED_EVENTS = ['DeleteTrail', 'PutEventSelectors', 'StopLogging', 'UpdateTrail'] as const;

export const ALERT_RULES = [
  'guardduty',
  'security-hub',
  'root-sign-in',
  'cloudtrail-stopped',
  'iam-policy-change',
] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

export const AlertingArgsSchema = z.strictObject({
  /** Encrypts the alert topic. */
  kmsKeyArn: input(ArnSchema),
  /** Rules to create; all of ALERT_RULES unless narrowed explicitly. */
  rules: z.array(z.enum(ALERT_RULES)).default([...ALERT_RULES]),
  /** GuardDuty findings at or above this severity alert (7 = high). */
  guardDutyMinSeverity: z.number().min(1).max(8.9).default(7),
  /** Email addresses subscribed to the topic (each must confirm). */
  emails: z.array(z.email()).default([]),
  tags: TagsSchema,
});

export type AlertingArgs = z.input<typeof AlertingArgsSchema>;

/** The EventBridge pattern of each alert rule. */
export function alertPatterns(minSeverity: number): Record<AlertRule, object> {
  return {
    guardduty: {
      source: ['aws.guardduty'],
      'detail-type': ['GuardDuty Finding'],
      detail: { severity: [{ numeric: ['>=', minSeverity] }] },
    },
    'security-hub': {
      source: ['aws.securityhub'],
      'detail-type': ['Security Hub Findings - Imported'],
      detail: {
        findings: {
          Compliance: { Status: ['FAILED'] },
          Severity: { Label: ['CRITICAL', 'HIGH'] },
          RecordState: ['ACTIVE'],
          Workflow: { Status: ['NEW'] },
        },
      },
    },
    'root-sign-in': {
      'detail-type': ['AWS Console Sign In via CloudTrail'],
      detail: { userIdentity: { type: ['Root'] } },
    },
    'cloudtrail-stopped': {
      source: ['aws.cloudtrail'],
      'detail-type': ['AWS API Call via CloudTrail'],
      detail: { eventSource: ['cloudtrail.amazonaws.com'], eventName: [...CLOUDTRAIL_STOPPED_EVENTS] },
    },
    'iam-policy-change': {
      source: ['aws.iam'],
      'detail-type': ['AWS API Call via CloudTrail'],
      detail: { eventSource: ['iam.amazonaws.com'], eventName: [...IAM_POLICY_CHANGE_EVENTS] },
    },
  };
}

/**
 * Security alerts: EventBridge rules for high-severity GuardDuty findings, failed critical or high Security
 * Hub controls, root sign-in, CloudTrail being stopped and IAM policy changes, to a KMS-encrypted SNS topic.
 * Sign-in and IAM events arrive in us-east-1; deploy there too.
 */
export class Alerting extends pulumi.ComponentResource {
  readonly topicArn: pulumi.Output<string>;

  constructor(name: string, args: AlertingArgs, opts?: pulumi.ComponentResourceOptions) {
    super('rampart:alerting:Alerting', name, {}, opts);
    const parsed = parseArgs(AlertingArgsSchema, args, 'Alerting', name);
    const tags = componentTags('baseline', parsed.tags);
    const env = environment(this);
    const topic = new aws.sns.Topic(`${name}-topic`, { kmsMasterKeyId: parsed.kmsKeyArn, tags }, { parent: this });
    const topicPolicy = new aws.sns.TopicPolicy(
      `${name}-topic-policy`,
      {
        arn: topic.arn,
        policy: policyDocument(
          pulumi.all([topic.arn, env.accountId]).apply(([arn, account]): PolicyStatement[] => [
            {
              Sid: 'EventBridgePublishes',
              Effect: 'Allow',
              Principal: { Service: 'events.amazonaws.com' },
              Action: 'sns:Publish',
              Resource: arn,
              Condition: { StringEquals: { 'aws:SourceAccount': account } },
            },
            {
              Sid: 'DenyInsecureTransport',
              Effect: 'Deny',
              Principal: '*',
              Action: 'sns:Publish',
              Resource: arn,
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ]),
        ),
      },
      { parent: this },
    );
    const patterns = alertPatterns(parsed.guardDutyMinSeverity);
    for (const rule of parsed.rules) {
      const eventRule = new aws.cloudwatch.EventRule(
        `${name}-${rule}`,
        { description: `Rampart alert: ${rule}`, eventPattern: JSON.stringify(patterns[rule]), tags },
        { parent: this },
      );
      new aws.cloudwatch.EventTarget(
        `${name}-${rule}-target`,
        { rule: eventRule.name, arn: topic.arn },
        { parent: this, dependsOn: [topicPolicy] },
      );
    }
    parsed.emails.forEach((email, index) => {
      new aws.sns.TopicSubscription(
        `${name}-email-${index}`,
        { topic: topic.arn, protocol: 'email', endpoint: email },
        { parent: this },
      );
    });
    this.topicArn = topic.arn;
    this.registerOutputs({ topicArn: this.topicArn });
  }
}
