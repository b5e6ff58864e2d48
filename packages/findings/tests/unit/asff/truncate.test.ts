import { describe, expect, it } from 'vitest';
import { buildFindings, jsonBytes, LIMITS, truncateText } from '../../../src/index.js';
import { evaluation, scope } from '../../support/fixtures.js';
import { validateShape } from '../../support/model.js';

const ARN = 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0ffe1dead2beef345';

describe('truncateText', () => {
  it('leaves short text alone', () => {
    expect(truncateText('Security group sg-0ab opens port 22.', 100)).toBe('Security group sg-0ab opens port 22.');
  });

  it('cuts at a word boundary, so an id is kept whole or left out, never cut', () => {
    const text = Array.from({ length: 200 }, (_, i) => `${ARN}-${i}`).join(' ');
    for (const max of [50, 100, 256, 1024, 1500]) {
      const out = truncateText(text, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out.endsWith('…')).toBe(true);
      const words = out
        .slice(0, -1)
        .split(' ')
        .filter((w) => w !== '');
      for (const word of words) expect(text.split(' ')).toContain(word);
    }
  });

  it('keeps the last word when the cut falls right after it', () => {
    expect(truncateText('aaa bbb ccc', 8)).toBe('aaa bbb…');
  });

  it('drops a first word longer than the budget instead of cutting it', () => {
    expect(truncateText(`${ARN} is open`, 20)).toBe('…');
  });

  it('never splits a surrogate pair', () => {
    const out = truncateText('🔒🔒🔒 '.repeat(100), 11);
    expect(out).toBe('🔒🔒🔒…');
    expect(() => encodeURIComponent(out)).not.toThrow();
  });
});

describe('findings under the limits', () => {
  it('a huge annotation gives a Description of at most 1024 characters and a finding under 240 KB; ids intact', () => {
    const annotation = Array.from({ length: 40_000 }, (_, i) => `${ARN}-${i}`).join(' ');
    const [f] = buildFindings({ evaluations: [evaluation({ annotation })], scope: scope() }).findings;
    expect(f!.Description!.length).toBeLessThanOrEqual(LIMITS.description);
    expect(f!.Description!.startsWith(`${ARN}-0 `)).toBe(true);
    expect(jsonBytes(f)).toBeLessThanOrEqual(LIMITS.findingBytes);
    expect(f!.Resources![0]!.Id).toBe('arn:aws:s3:::acme-tmp-exports');
    expect(f!.Id).toMatch(/\/[0-9a-f]{32}$/);
    expect(validateShape(f, 'AwsSecurityFinding')).toEqual([]);
  });

  it('a resource id too long for a product field is left out of ProductFields, not cut; the Id still names it', () => {
    const resourceId = `bucket-${'x'.repeat(5000)}`;
    const [f] = buildFindings({
      evaluations: [evaluation({ resourceId, resourceArn: null })],
      scope: scope(),
    }).findings;
    expect(f!.ProductFields!['rampart/ResourceId']).toBeUndefined();
    expect(f!.Resources![0]!.Id).toBe(`arn:aws:s3:::${resourceId}`);
    for (const v of Object.values(f!.ProductFields!)) expect(v.length).toBeLessThanOrEqual(LIMITS.productFieldValue);
  });

  it('a finding that cannot fit 240 KB without cutting an id is reported, not dropped silently', () => {
    const resourceArn = `arn:aws:s3:::${'y'.repeat(300 * 1024)}`;
    const built = buildFindings({
      evaluations: [evaluation({ resourceArn }), evaluation({ resourceId: 'ok' })],
      scope: scope(),
    });
    expect(built.findings).toHaveLength(1);
    expect(built.problems).toEqual([
      expect.objectContaining({
        code: 'FindingTooLarge',
        message: expect.stringContaining('above the 245760-byte limit'),
      }),
    ]);
  });

  it('several verdicts on one resource make one finding: the worst status, every annotation', () => {
    const built = buildFindings({
      evaluations: [
        evaluation({ compliance: 'COMPLIANT', annotation: 'Port 22 is closed.' }),
        evaluation({ compliance: 'NON_COMPLIANT', annotation: 'Port 3389 is open to 0.0.0.0/0.' }),
        evaluation({ compliance: 'NOT_APPLICABLE', annotation: 'n/a' }),
      ],
      scope: scope(),
    });
    expect(built.findings).toHaveLength(1);
    expect(built.findings[0]!.Compliance!.Status).toBe('FAILED');
    expect(built.findings[0]!.Description).toContain('Port 22 is closed. Port 3389 is open to 0.0.0.0/0.');
  });
});
