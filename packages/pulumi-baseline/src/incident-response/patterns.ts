import type { PlaybookName } from '@rampart/responder';

/** Security Hub controls (FSBP) and Rampart controls whose FAILED findings start the public-s3-exposure playbook. */
export const PUBLIC_BUCKET_SECURITY_CONTROLS = ['S3.2', 'S3.3', 'S3.8'] as const;
export const PUBLIC_BUCKET_RAMPART_CONTROLS = [
  'rampart/s3-bucket-level-public-access-prohibited',
  'rampart/s3-bucket-public-read-prohibited',
  'rampart/s3-bucket-public-write-prohibited',
] as const;

export type Trigger = 'guardduty' | 'security-hub' | 'access-analyzer';

export interface TriggerRule {
  /** Name suffix of the EventBridge rule. */
  id: string;
  playbook: PlaybookName;
  trigger: Trigger;
  description: string;
  pattern: Record<string, unknown>;
}

/** The EventBridge rules that start each playbook automatically. */
export function triggerRules(options: { ec2MinSeverity: number }): TriggerRule[] {
  return [
    {
      id: 'access-key-guardduty',
      playbook: 'compromised-access-key',
      trigger: 'guardduty',
      description: 'GuardDuty UnauthorizedAccess:IAMUser/* and CredentialAccess:* findings on an access key',
      pattern: {
        source: ['aws.guardduty'],
        'detail-type': ['GuardDuty Finding'],
        detail: {
          type: [{ prefix: 'UnauthorizedAccess:IAMUser/' }, { prefix: 'CredentialAccess:' }],
          resource: { resourceType: ['AccessKey'] },
        },
      },
    },
    {
      id: 's3-security-hub',
      playbook: 'public-s3-exposure',
      trigger: 'security-hub',
      description: 'Security Hub FAILED bucket public-access findings (S3.2, S3.3, S3.8, and Rampart controls)',
      pattern: {
        source: ['aws.securityhub'],
        'detail-type': ['Security Hub Findings - Imported'],
        detail: {
          findings: {
            Compliance: { Status: ['FAILED'] },
            RecordState: ['ACTIVE'],
            Workflow: { Status: ['NEW'] },
            Resources: { Type: ['AwsS3Bucket'] },
            $or: [
              { Compliance: { SecurityControlId: [...PUBLIC_BUCKET_SECURITY_CONTROLS] } },
              { GeneratorId: [...PUBLIC_BUCKET_RAMPART_CONTROLS] },
            ],
          },
        },
      },
    },
    {
      id: 's3-access-analyzer',
      playbook: 'public-s3-exposure',
      trigger: 'access-analyzer',
      description: 'IAM Access Analyzer active findings of public S3 buckets',
      pattern: {
        source: ['aws.access-analyzer'],
        'detail-type': ['Access Analyzer Finding'],
        detail: { resourceType: ['AWS::S3::Bucket'], isPublic: [true], status: ['ACTIVE'] },
      },
    },
    {
      id: 'ec2-guardduty',
      playbook: 'ec2-compromise',
      trigger: 'guardduty',
      description: `GuardDuty EC2 instance findings of severity ${options.ec2MinSeverity} or more`,
      pattern: {
        source: ['aws.guardduty'],
        'detail-type': ['GuardDuty Finding'],
        detail: {
          resource: { resourceType: ['Instance'] },
          severity: [{ numeric: ['>=', options.ec2MinSeverity] }],
        },
      },
    },
  ];
}

/** The Security Hub custom action of each playbook (identifier and name at most 20 characters). */
export const CUSTOM_ACTIONS: Readonly<Record<PlaybookName, { identifier: string; name: string; description: string }>> =
  {
    'compromised-access-key': {
      identifier: 'RampartAccessKey',
      name: 'Revoke access key',
      description:
        'Rampart: deactivate the access key of the finding, revoke its sessions, collect CloudTrail evidence',
    },
    'public-s3-exposure': {
      identifier: 'RampartS3Exposure',
      name: 'Block public bucket',
      description: 'Rampart: block public access to the bucket of the finding, save and remove its public grants',
    },
    'ec2-compromise': {
      identifier: 'RampartEc2Isolate',
      name: 'Isolate instance',
      description: 'Rampart: snapshot and isolate the instance of the finding (never terminates it)',
    },
  };

/** The EventBridge pattern of a custom action. */
export function customActionPattern(actionArn: string): Record<string, unknown> {
  return {
    source: ['aws.securityhub'],
    'detail-type': ['Security Hub Findings - Custom Action'],
    resources: [actionArn],
  };
}
