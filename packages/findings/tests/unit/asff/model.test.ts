import { COMPLIANCE_VALUES, type Compliance, catalog, type Evaluation } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import { archived, asffResourceTypes, buildFindings, jsonBytes, LIMITS } from '../../../src/index.js';
import { ACCOUNT, evaluation, NOW, REGION, scope } from '../../support/fixtures.js';
import { modelShapes, validateShape } from '../../support/model.js';

/** One evaluation per control, resource type and verdict in the catalog, regional and global. */
function everyKindOfEvaluation(): Evaluation[] {
  const list: Evaluation[] = [];
  for (const control of catalog().all()) {
    for (const resourceType of control.resourceTypes) {
      COMPLIANCE_VALUES.forEach((compliance: Compliance, i) => {
        // Account-level verdicts name the account: one account per verdict keeps them apart.
        const accountId = `${ACCOUNT.slice(0, -1)}${i}`;
        const resourceId = resourceType === 'AWS::::Account' ? accountId : `${control.id}-resource-${i}`;
        list.push(
          evaluation({
            accountId,
            controlId: control.id,
            resourceType,
            resourceId,
            resourceArn: i % 2 === 0 ? null : `arn:aws:service:${REGION}:${accountId}:thing/${resourceId}`,
            region: i === 4 ? 'global' : REGION,
            compliance,
            annotation: `Resource ${resourceId} is ${compliance} under ${control.id}.`,
          }),
        );
      });
    }
  }
  list.push(evaluation({ resourceType: 'AWS::Logs::LogGroup', resourceId: '/aws/lg' }));
  return list;
}

describe('ASFF findings against the Security Hub service model', () => {
  const built = buildFindings({ evaluations: everyKindOfEvaluation(), scope: scope() });

  it('builds a finding for every applicable evaluation, and none for NOT_APPLICABLE', () => {
    expect(built.problems).toEqual([]);
    const controls = catalog().all();
    const expected = controls.reduce((n, c) => n + c.resourceTypes.length * 4, 0) + 1;
    expect(built.findings).toHaveLength(expected);
    expect(built.notApplicable.size).toBe(controls.reduce((n, c) => n + c.resourceTypes.length, 0));
  });

  it('every field of every finding is valid against AwsSecurityFinding, walked recursively', () => {
    for (const finding of built.findings) expect(validateShape(finding, 'AwsSecurityFinding', finding.Id)).toEqual([]);
  });

  it('a whole batch is a valid BatchImportFindingsRequest, and archived findings stay valid', () => {
    expect(validateShape({ Findings: built.findings.slice(0, 100) }, 'BatchImportFindingsRequest')).toEqual([]);
    for (const finding of built.findings.slice(0, 50)) {
      expect(validateShape(archived(finding, NOW), 'AwsSecurityFinding')).toEqual([]);
    }
  });

  it('respects the documented limits the model does not carry', () => {
    for (const f of built.findings) {
      expect(f.SchemaVersion).toBe('2018-10-08');
      expect(f.Title!.length).toBeLessThanOrEqual(LIMITS.title);
      expect(f.Description!.length).toBeLessThanOrEqual(LIMITS.description);
      expect(f.Remediation!.Recommendation!.Text!.length).toBeLessThanOrEqual(LIMITS.recommendationText);
      expect(f.Remediation!.Recommendation!.Url).toMatch(/^https:\/\//);
      expect(f.Resources!.length).toBeGreaterThanOrEqual(1);
      expect(f.Resources!.length).toBeLessThanOrEqual(LIMITS.resources);
      expect(f.Types!.length).toBeLessThanOrEqual(LIMITS.types);
      for (const t of f.Types!) expect(t).toMatch(/^Software and Configuration Checks\//);
      expect(Object.keys(f.ProductFields!).length).toBeLessThanOrEqual(LIMITS.productFields);
      expect(jsonBytes(f)).toBeLessThanOrEqual(LIMITS.findingBytes);
      expect(f.ProductArn).toBe(`arn:aws:securityhub:${f.Region}:${f.AwsAccountId}:product/${f.AwsAccountId}/default`);
      expect(f.GeneratorId).toBe(`rampart/${f.ProductFields!['rampart/ControlId']}`);
    }
  });

  it('maps compliance to PASSED / FAILED / NOT_AVAILABLE and keeps the raw verdict', () => {
    const pairs = new Set(
      built.findings.map((f) => `${f.ProductFields!['rampart/Compliance']}>${f.Compliance!.Status}`),
    );
    expect([...pairs].sort()).toEqual([
      'COMPLIANT>PASSED',
      'ERROR>NOT_AVAILABLE',
      'INSUFFICIENT_DATA>NOT_AVAILABLE',
      'NON_COMPLIANT>FAILED',
    ]);
  });

  it('names WA best practices, CIS and FSBP requirements', () => {
    const f = built.findings.find((x) => x.GeneratorId === 'rampart/s3-bucket-server-side-encryption-enabled')!;
    const control = catalog().get('s3-bucket-server-side-encryption-enabled')!;
    const related = f.Compliance!.RelatedRequirements!;
    for (const bp of control.wellArchitected) expect(related).toContain(`AWS Well-Architected Security Pillar/${bp}`);
    for (const id of control.references.securityHub)
      expect(related).toContain(`AWS Foundational Security Best Practices/${id}`);
    for (const id of control.references.cis) expect(related).toContain(`CIS AWS Foundations Benchmark v3.0.0/${id}`);
  });

  it('imports global findings into the home region (default: the first region scanned)', () => {
    const global = built.findings.filter((f) => f.Id!.includes('/global/'));
    expect(global.length).toBeGreaterThan(0);
    for (const f of global) {
      expect(f.Region).toBe(REGION);
      expect(f.ProductArn).toContain(`:securityhub:${REGION}:`);
    }
    const home = buildFindings(
      { evaluations: [evaluation({ region: 'global' })], scope: scope() },
      { homeRegion: 'us-east-1' },
    );
    expect(home.findings[0]!.Region).toBe('us-east-1');
    const none = buildFindings({ evaluations: [evaluation({ region: 'global' })], scope: scope({ regions: [] }) });
    expect(none.findings).toEqual([]);
    expect(none.problems).toEqual([expect.objectContaining({ code: 'NoHomeRegion' })]);
  });

  it('uses ASFF resource types: AwsAccount for the account, Other with the Config type otherwise', () => {
    const byConfig = new Map(
      built.findings.map((f) => [f.ProductFields!['rampart/ResourceType'], f.Resources![0]!] as const),
    );
    const logGroup = built.findings.find((f) => f.ProductFields!['rampart/ResourceId'] === '/aws/lg')!;
    expect(byConfig.get('AWS::S3::Bucket')!.Type).toBe('AwsS3Bucket');
    expect(byConfig.get('AWS::EC2::SecurityGroup')!.Type).toBe('AwsEc2SecurityGroup');
    expect(byConfig.get('AWS::IAM::User')!.Type).toBe('AwsIamUser');
    const account = built.findings.find((f) => f.ProductFields!['rampart/ResourceType'] === 'AWS::::Account');
    expect(account!.Resources![0]).toMatchObject({ Type: 'AwsAccount', Id: `AWS::::Account:${account!.AwsAccountId}` });
    expect(logGroup.Resources![0]).toMatchObject({
      Type: 'Other',
      Details: { Other: { ConfigResourceType: 'AWS::Logs::LogGroup', ConfigResourceId: '/aws/lg' } },
    });
  });

  it('every mapped ASFF resource type is one the model has details for', () => {
    const details = Object.keys(modelShapes()['ResourceDetails']!.members!);
    for (const [config, asff] of Object.entries(asffResourceTypes())) {
      if (asff === 'AwsAccount') continue;
      expect(details, `${config} → ${asff}`).toContain(asff);
    }
  });
});

describe('the model validator', () => {
  it('catches what Security Hub would reject', () => {
    const [good] = buildFindings({ evaluations: [evaluation()], scope: scope() }).findings;
    const bad = structuredClone(good!) as unknown as Record<string, unknown>;
    delete bad['Title'];
    bad['Severity'] = { Label: 'SEVERE' };
    bad['Unknown'] = 1;
    bad['Resources'] = [{ Type: 'AwsS3Bucket' }];
    bad['Description'] = '   ';
    const errors = validateShape(bad, 'AwsSecurityFinding');
    expect(errors).toEqual(
      expect.arrayContaining([
        'AwsSecurityFinding.Title: required member missing',
        expect.stringContaining('AwsSecurityFinding.Severity.Label: "SEVERE" not in'),
        'AwsSecurityFinding.Unknown: not a member of AwsSecurityFinding',
        'AwsSecurityFinding.Resources[0].Id: required member missing',
        expect.stringContaining('AwsSecurityFinding.Description: "   " does not match'),
      ]),
    );
    expect(validateShape({ Findings: [] }, 'BatchImportFindingsRequest')).toEqual([
      'BatchImportFindingsRequest.Findings: length 0 below min 1',
    ]);
  });
});
