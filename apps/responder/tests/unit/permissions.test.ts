import { describe, expect, it } from 'vitest';
import { STEP_FUNCTIONS } from '../../src/index.js';

/** Actions the steps call that support no resource-level permissions (Service Authorization Reference). */
const WITHOUT_RESOURCE_LEVEL = new Set([
  'autoscaling:DescribeAutoScalingInstances',
  'cloudtrail:LookupEvents',
  'ec2:DescribeInstances',
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeSnapshots',
  'ec2:DescribeVolumes',
  'elasticloadbalancing:DescribeTargetGroups',
  'elasticloadbalancing:DescribeTargetHealth',
]);

describe('step permissions', () => {
  it('are one least-privilege statement list per step function, with unique Sids', () => {
    expect(STEP_FUNCTIONS).toHaveLength(16);
    for (const step of STEP_FUNCTIONS) {
      const sids = step.permissions.map((p) => p.sid);
      expect(new Set(sids).size, step.id).toBe(sids.length);
      for (const grant of step.permissions) {
        expect(grant.sid).toMatch(/^[A-Za-z0-9]+$/);
        for (const action of grant.actions) expect(action, step.id).toMatch(/^[a-z0-9-]+:[A-Za-z0-9]+$/);
      }
    }
  });

  it('use "*" only for actions without resource-level permissions', () => {
    for (const step of STEP_FUNCTIONS) {
      for (const grant of step.permissions.filter((g) => g.resources.includes('*'))) {
        for (const action of grant.actions) expect(WITHOUT_RESOURCE_LEVEL, `${step.id} ${action}`).toContain(action);
      }
    }
  });

  it('never grant deletion of keys, users, instances, volumes or snapshots', () => {
    const all = STEP_FUNCTIONS.flatMap((s) => s.permissions.flatMap((p) => p.actions));
    expect(all.filter((a) => /:(Delete(AccessKey|User|Volume|Snapshot)|Terminate)/.test(a))).toEqual([]);
  });

  it('give the read-only steps no write action', () => {
    const byId = new Map(STEP_FUNCTIONS.map((s) => [s.id, s.permissions.flatMap((p) => p.actions)]));
    expect(byId.get('start-incident')).toEqual([]);
    expect(byId.get('collect-cloudtrail-events')).toEqual([
      'cloudtrail:LookupEvents',
      's3:PutObject',
      's3:PutObjectTagging',
      'kms:GenerateDataKey',
    ]);
  });
});
