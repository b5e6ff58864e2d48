import * as pulumi from '@pulumi/pulumi';
import { STEP_FUNCTIONS, validateStateMachine } from '@rampart/responder';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, deploy, installMocks, ofType, one, type Recorded, resourcesOf } from './helpers/mocks.js';

await installMocks();
const { IncidentResponse, triggerRules } = await import('../../src/index.js');

const KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/ir`;
const RESPONDER = `arn:aws:iam::${ACCOUNT}:role/security-oncall`;
const code = new pulumi.asset.AssetArchive({
  'start-incident.mjs': new pulumi.asset.StringAsset('export const handler = 1;'),
});

function tagsOf(r: Recorded): Record<string, string> {
  return r.inputs.tags ?? {};
}

function policyOf(resources: Recorded[], roleName: string) {
  const policy = ofType(resources, 'aws:iam/policy:Policy').find((p) => p.name === `${roleName}-policy`);
  if (policy === undefined) throw new Error(`no policy ${roleName}-policy`);
  return JSON.parse(policy.inputs.policy) as {
    Statement: { Sid: string; Action: string[] | string; Resource: string[] | string }[];
  };
}

describe('IncidentResponse', () => {
  beforeAll(() =>
    deploy(
      () =>
        new IncidentResponse('ir', {
          code,
          kmsKeyArn: KEY,
          isolationVpcIds: ['vpc-0abc1234'],
          responderPrincipalArns: [RESPONDER],
        }),
    ),
  );
  const all = () => resourcesOf('ir');

  it('deploys one state machine per playbook, tagged so incident-response-playbooks-deployed finds it', () => {
    const machines = ofType(all(), 'aws:sfn/stateMachine:StateMachine');
    expect(machines.map((m) => tagsOf(m)['rampart:playbook']).sort()).toEqual([
      'compromised-access-key',
      'ec2-compromise',
      'public-s3-exposure',
    ]);
    for (const m of machines) {
      expect(tagsOf(m)['rampart:component']).toBe('incident-response');
      expect(validateStateMachine(m.inputs.definition)).toEqual([]);
      expect(m.inputs.loggingConfiguration.level).toBe('ALL');
    }
  });

  it('wires each state machine to its own step functions', () => {
    const ec2 = ofType(all(), 'aws:sfn/stateMachine:StateMachine').find((m) => m.name === 'ir-ec2-compromise')!;
    const def = JSON.parse(ec2.inputs.definition);
    expect(def.States.IsolateInstance.Resource).toBe(`arn:aws:lambda:eu-west-1:${ACCOUNT}:ir-isolate-instance`);
    expect(def.States.StartIncident.Parameters).toMatchObject({ defaultDryRun: false, defaultStopInstance: false });
    const invoke = policyOf(all(), 'ir-ec2-compromise-sfn').Statement.find((s) => s.Sid === 'InvokeSteps')!;
    expect(invoke.Resource).toContain(`arn:aws:lambda:eu-west-1:${ACCOUNT}:ir-snapshot-volumes`);
    expect(invoke.Resource).not.toContain(`arn:aws:lambda:eu-west-1:${ACCOUNT}:ir-deactivate-access-key`);
  });

  it('gives every step Lambda its own role built from the step permissions plus its log group', () => {
    const fns = ofType(all(), 'aws:lambda/function:Function');
    expect(fns.map((f) => f.name).sort()).toEqual(STEP_FUNCTIONS.map((s) => `ir-${s.id}`).sort());
    for (const f of fns) {
      expect(f.inputs.handler).toBe(`${f.name.slice(3)}.handler`);
      expect(f.inputs.environment.variables).toMatchObject({
        RAMPART_EVIDENCE_BUCKET: 'ir-evidence',
        RAMPART_EVIDENCE_KMS_KEY_ARN: KEY,
      });
      expect(tagsOf(f)['rampart:component']).toBe('incident-response');
    }
    const deactivate = policyOf(all(), 'ir-deactivate-access-key');
    expect(deactivate.Statement.map((s) => s.Sid)).toEqual(['DeactivateAccessKey', 'WriteOwnLogs']);
    expect(deactivate.Statement[0]!.Resource).toEqual([`arn:aws:iam::${ACCOUNT}:user/*`]);
    const timeline = policyOf(all(), 'ir-record-timeline');
    expect(timeline.Statement.find((s) => s.Sid === 'WriteEvidence')!.Resource).toEqual([
      'arn:aws:s3:::ir-evidence/incidents/*',
    ]);
    expect(timeline.Statement.find((s) => s.Sid === 'EncryptEvidence')!.Resource).toEqual([KEY]);
    const notify = policyOf(all(), 'ir-notify');
    expect(notify.Statement.find((s) => s.Sid === 'PublishSummary')!.Resource).toEqual([
      `arn:aws:sns:eu-west-1:${ACCOUNT}:ir-notifications`,
    ]);
    expect(ofType(all(), 'aws:iam/rolePolicy:RolePolicy')).toEqual([]);
    const actions = ofType(all(), 'aws:iam/policy:Policy').flatMap((p) =>
      JSON.parse(p.inputs.policy).Statement.flatMap((s: { Action: string | string[] }) => s.Action),
    );
    expect(actions).not.toContain('ec2:TerminateInstances');
  });

  it('keeps evidence in a KMS-encrypted, versioned Object Lock bucket that is never public', () => {
    const bucket = one(all(), 'aws:s3/bucket:Bucket');
    expect(bucket.inputs.objectLockEnabled).toBe(true);
    expect(tagsOf(bucket)['rampart:component']).toBe('incident-response');
    const lock = one(all(), 'aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration');
    expect(lock.inputs.rule).toEqual({ defaultRetention: { mode: 'GOVERNANCE', days: 365 } });
    const sse = one(all(), 'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration');
    expect(sse.inputs.rules[0].applyServerSideEncryptionByDefault).toEqual({
      sseAlgorithm: 'aws:kms',
      kmsMasterKeyId: KEY,
    });
    expect(one(all(), 'aws:s3/bucketVersioning:BucketVersioning').inputs.versioningConfiguration.status).toBe(
      'Enabled',
    );
    expect(one(all(), 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock').inputs).toMatchObject({
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
  });

  it('pre-deploys an isolation security group without rules, tagged for the isolate step and the control', () => {
    const sg = one(all(), 'aws:ec2/securityGroup:SecurityGroup');
    expect(sg.inputs.vpcId).toBe('vpc-0abc1234');
    expect(sg.inputs.ingress).toEqual([]);
    expect(sg.inputs.egress).toEqual([]);
    expect(tagsOf(sg)).toMatchObject({ 'rampart:component': 'incident-response', 'rampart:role': 'isolation' });
  });

  it('starts playbooks from GuardDuty, Security Hub and Access Analyzer findings and from custom actions', () => {
    const rules = ofType(all(), 'aws:cloudwatch/eventRule:EventRule');
    const byName = new Map(rules.map((r) => [r.name, JSON.parse(r.inputs.eventPattern)]));
    expect(byName.get('ir-access-key-guardduty').detail.type).toEqual([
      { prefix: 'UnauthorizedAccess:IAMUser/' },
      { prefix: 'CredentialAccess:' },
    ]);
    expect(byName.get('ir-s3-security-hub').detail.findings.Compliance).toEqual({ Status: ['FAILED'] });
    expect(byName.get('ir-s3-access-analyzer').detail).toMatchObject({ isPublic: [true] });
    expect(byName.get('ir-ec2-guardduty').detail.severity).toEqual([{ numeric: ['>=', 7] }]);
    const actions = ofType(all(), 'aws:securityhub/actionTarget:ActionTarget');
    expect(actions.map((a) => a.inputs.identifier).sort()).toEqual([
      'RampartAccessKey',
      'RampartEc2Isolate',
      'RampartS3Exposure',
    ]);
    for (const a of actions) expect(a.inputs.name.length).toBeLessThanOrEqual(20);
    expect(byName.get('ir-compromised-access-key-custom-action')).toEqual({
      source: ['aws.securityhub'],
      'detail-type': ['Security Hub Findings - Custom Action'],
      resources: [`arn:aws:securityhub:eu-west-1:${ACCOUNT}:ir-compromised-access-key-action`],
    });
    expect(ofType(all(), 'aws:cloudwatch/eventTarget:EventTarget')).toHaveLength(7);
    const start = policyOf(all(), 'ir-ec2-guardduty').Statement[0]!;
    expect(start).toMatchObject({
      Action: 'states:StartExecution',
      Resource: `arn:aws:sfn:eu-west-1:${ACCOUNT}:ir-ec2-compromise`,
    });
  });

  it('creates a responder role that trusts the named principals only, tagged for incident-response-role-restricted', () => {
    const role = ofType(all(), 'aws:iam/role:Role').find((r) => r.name === 'ir-responder')!;
    expect(tagsOf(role)['rampart:component']).toBe('incident-response');
    expect(role.inputs.name).toBe('ir-responder');
    expect(ofType(all(), 'aws:s3/bucketLogging:BucketLogging')).toEqual([]);
    expect(JSON.parse(role.inputs.assumeRolePolicy).Statement).toEqual([
      { Sid: 'NamedResponders', Effect: 'Allow', Principal: { AWS: [RESPONDER] }, Action: 'sts:AssumeRole' },
    ]);
  });
});

describe('IncidentResponse options', () => {
  beforeAll(() =>
    deploy(
      () =>
        new IncidentResponse('irs3', {
          code,
          kmsKeyArn: KEY,
          playbooks: ['public-s3-exposure'],
          dryRun: true,
          notificationTopicArn: `arn:aws:sns:eu-west-1:${ACCOUNT}:alerts`,
          triggers: { accessAnalyzer: false },
          securityHubCustomActions: false,
          evidenceRetentionMode: 'COMPLIANCE',
          evidenceRetentionDays: 30,
          accessLogBucket: 'central-access-logs',
        }),
    ),
  );

  it('deploys only the chosen playbook, its steps and triggers, with dry-run automatic runs', () => {
    const all = resourcesOf('irs3');
    const machine = one(all, 'aws:sfn/stateMachine:StateMachine');
    expect(JSON.parse(machine.inputs.definition).States.StartIncident.Parameters.defaultDryRun).toBe(true);
    expect(
      ofType(all, 'aws:lambda/function:Function')
        .map((f) => f.name)
        .sort(),
    ).toEqual([
      'irs3-block-public-access',
      'irs3-notify',
      'irs3-record-timeline',
      'irs3-remove-public-statements',
      'irs3-save-bucket-access-evidence',
      'irs3-start-incident',
    ]);
    expect(ofType(all, 'aws:cloudwatch/eventRule:EventRule').map((r) => r.name)).toEqual(['irs3-s3-security-hub']);
    expect(ofType(all, 'aws:sns/topic:Topic')).toEqual([]);
    expect(ofType(all, 'aws:securityhub/actionTarget:ActionTarget')).toEqual([]);
    expect(ofType(all, 'aws:ec2/securityGroup:SecurityGroup')).toEqual([]);
    expect(
      one(all, 'aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration').inputs.rule.defaultRetention,
    ).toEqual({
      mode: 'COMPLIANCE',
      days: 30,
    });
    expect(one(all, 'aws:s3/bucketLogging:BucketLogging').inputs).toEqual({
      bucket: 'irs3-evidence-id',
      targetBucket: 'central-access-logs',
      targetPrefix: 'irs3-evidence/',
    });
  });

  it('fails with clear messages on bad args', () => {
    expect(
      () => new IncidentResponse('bad', { code, kmsKeyArn: KEY, isolationVpcIds: ['sg-1'], playbooks: [] }),
    ).toThrow(
      'Invalid IncidentResponse args for "bad": playbooks: Too small: expected array to have >=1 items; isolationVpcIds.0: must be a VPC id',
    );
  });

  it('exposes the trigger patterns as data', () => {
    expect(triggerRules({ ec2MinSeverity: 4 }).map((r) => `${r.playbook}:${r.trigger}`)).toEqual([
      'compromised-access-key:guardduty',
      'public-s3-exposure:security-hub',
      'public-s3-exposure:access-analyzer',
      'ec2-compromise:guardduty',
    ]);
  });
});
