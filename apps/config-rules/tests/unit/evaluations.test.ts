import { describe, expect, it } from 'vitest';
import { fitAnnotation, MAX_ANNOTATION_LENGTH, toConfigEvaluation } from '../../src/evaluations.js';

describe('fitAnnotation', () => {
  it('keeps an annotation of 256 characters as is', () => {
    const text = 'a'.repeat(MAX_ANNOTATION_LENGTH);
    expect(fitAnnotation(text)).toBe(text);
  });

  it('cuts a longer one to 256 characters, visibly', () => {
    const out = fitAnnotation(`Security group sg-0ab opens ${'port 22, '.repeat(60)}to 0.0.0.0/0.`)!;
    expect(out).toHaveLength(MAX_ANNOTATION_LENGTH);
    expect(out.endsWith('… [truncated]')).toBe(true);
    expect(out.startsWith('Security group sg-0ab opens port 22')).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const out = fitAnnotation(`${'a'.repeat(242)}😀${'b'.repeat(100)}`)!;
    expect(out.length).toBeLessThanOrEqual(MAX_ANNOTATION_LENGTH);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('drops an empty annotation (AWS Config wants at least one character)', () => {
    expect(fitAnnotation('  ')).toBeUndefined();
    const e = toConfigEvaluation(
      {
        controlId: 'x',
        resourceType: 'AWS::S3::Bucket',
        resourceId: 'b',
        resourceArn: null,
        accountId: '123456789012',
        region: 'eu-west-1',
        compliance: 'COMPLIANT',
        annotation: '',
      },
      new Date(0),
    );
    expect(e).not.toHaveProperty('Annotation');
  });
});
