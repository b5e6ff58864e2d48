import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog, evaluateSnapshot, loadInput, Snapshot } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import { buildFindings, buildOcsfEvents, findingId, OCSF_VERSION, renderOcsf } from '../../../src/index.js';
import { ACCOUNT, evaluation, NOW, REGION, scope } from '../../support/fixtures.js';
import {
  COMPLIANCE_FINDING_REQUIRED,
  OCSF_SCHEMA_SOURCE,
  validateComplianceFinding,
} from '../../support/ocsf-1.6.0.js';

const DEMO = join(import.meta.dirname, '..', '..', '..', '..', '..', 'examples', 'demo-account.jsonl');

function demoRun() {
  const snapshot = new Snapshot();
  loadInput(snapshot, readFileSync(DEMO, 'utf8'), DEMO);
  return evaluateSnapshot(snapshot, { controls: catalog().all(), now: new Date(snapshot.capturedAt!) });
}

describe('OCSF 1.6.0 Compliance Finding events', () => {
  it(`every demo event carries the class's required attributes (${OCSF_SCHEMA_SOURCE})`, () => {
    const run = demoRun();
    const { events, problems } = buildOcsfEvents(run);
    expect(problems).toEqual([]);
    expect(events).toHaveLength(run.evaluations.length);
    expect(COMPLIANCE_FINDING_REQUIRED.required).toContain('compliance');
    for (const event of events) {
      expect(validateComplianceFinding(event as unknown as Record<string, unknown>), event.finding_info.uid).toEqual(
        [],
      );
      expect(event.metadata.version).toBe(OCSF_VERSION);
    }
  });

  it('the validator catches a missing required attribute and a bad enum value', () => {
    const [event] = buildOcsfEvents({ evaluations: [evaluation()], scope: scope() }).events;
    const broken = structuredClone(event) as unknown as Record<string, unknown>;
    delete broken['finding_info'];
    (broken['compliance'] as Record<string, unknown>)['status_id'] = 7;
    delete (broken['metadata'] as Record<string, unknown>)['product'];
    delete broken['cloud'];
    expect(validateComplianceFinding(broken)).toEqual(
      expect.arrayContaining([
        'missing finding_info',
        'missing metadata.product',
        'cloud profile: missing cloud',
        'compliance.status_id = 7 not in enum',
      ]),
    );
  });

  it('finding_info.uid is the ASFF finding Id of the same control and resource', () => {
    const run = demoRun();
    const asffIds = new Set(buildFindings(run).findings.map((f) => f.Id));
    const { events } = buildOcsfEvents(run);
    for (const [i, e] of run.evaluations.entries()) {
      expect(events[i]!.finding_info.uid).toBe(findingId(e));
      if (e.compliance !== 'NOT_APPLICABLE') expect(asffIds.has(events[i]!.finding_info.uid)).toBe(true);
    }
  });

  it('maps verdicts to compliance status and finding status', () => {
    const evaluations = (['COMPLIANT', 'NON_COMPLIANT', 'INSUFFICIENT_DATA', 'ERROR', 'NOT_APPLICABLE'] as const).map(
      (compliance) => evaluation({ compliance }),
    );
    const { events } = buildOcsfEvents({ evaluations, scope: scope() });
    expect(events.map((e) => [e.compliance.status_id, e.compliance.status, e.status_id])).toEqual([
      [1, 'Pass', 4],
      [3, 'Fail', 1],
      [2, 'Warning', 1],
      [99, 'Error', 1],
      [99, 'Not Applicable', 5],
    ]);
    const fail = events[1]!;
    expect(fail).toMatchObject({
      class_uid: 2003,
      category_uid: 2,
      type_uid: 200301,
      activity_id: 1,
      severity_id: 3,
      severity: 'Medium',
      time: Date.parse(NOW),
      cloud: { provider: 'AWS', region: REGION, account: { uid: ACCOUNT, type_id: 10 } },
      resources: [{ uid: 'arn:aws:s3:::acme-tmp-exports', uid_alt: 'acme-tmp-exports', type: 'AWS::S3::Bucket' }],
      compliance: { control: 's3-bucket-server-side-encryption-enabled', status_code: 'NON_COMPLIANT' },
    });
    expect(fail.compliance.requirements.length).toBeGreaterThan(0);
    expect(fail.remediation.desc.length).toBeGreaterThan(0);
  });

  it('puts global resources in the home region and names unknown controls', () => {
    const iam = evaluation({
      controlId: 'iam-user-mfa-enabled',
      resourceType: 'AWS::IAM::User',
      resourceId: 'AIDAEXAMPLE',
      resourceArn: null,
      region: 'global',
    });
    const unknown = evaluation({ controlId: 'no-such-control' });
    const { events, problems } = buildOcsfEvents({ evaluations: [iam, unknown], scope: scope() });
    expect(events).toHaveLength(1);
    expect(events[0]!.cloud.region).toBe(REGION);
    expect(events[0]!.resources[0]).toMatchObject({ uid: 'AIDAEXAMPLE', region: 'global' });
    expect(problems.map((p) => p.code)).toEqual(['UnknownControl']);
  });

  it('renders a JSON array, one event per line', () => {
    const { events } = buildOcsfEvents({ evaluations: [evaluation(), evaluation()], scope: scope() });
    const text = renderOcsf(events);
    expect(JSON.parse(text)).toHaveLength(2);
    expect(text.split('\n')).toHaveLength(5);
    expect(renderOcsf([])).toBe('[]\n');
  });
});
