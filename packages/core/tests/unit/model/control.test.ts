import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  ControlParameterError,
  compliant,
  defineControl,
  insufficientData,
  nonCompliant,
  notApplicable,
  param,
} from '../../../src/index.js';

describe('verdict helpers', () => {
  it('build verdicts', () => {
    expect(compliant('a')).toEqual({ compliance: 'COMPLIANT', annotation: 'a' });
    expect(nonCompliant('b')).toEqual({ compliance: 'NON_COMPLIANT', annotation: 'b' });
    expect(notApplicable('c')).toEqual({ compliance: 'NOT_APPLICABLE', annotation: 'c' });
    expect(insufficientData('d')).toEqual({ compliance: 'INSUFFICIENT_DATA', annotation: 'd' });
  });
});

describe('param.int', () => {
  const schema = z.strictObject({ maxAccessKeyAge: param.int(90, { min: 1, max: 365 }) });

  it('defaults when absent', () => {
    expect(schema.parse({})).toEqual({ maxAccessKeyAge: 90 });
  });

  it('coerces strings as AWS Config sends InputParameters', () => {
    expect(schema.parse({ maxAccessKeyAge: '45' })).toEqual({ maxAccessKeyAge: 45 });
    expect(schema.parse({ maxAccessKeyAge: ' 30 ' })).toEqual({ maxAccessKeyAge: 30 });
  });

  it('accepts numbers', () => {
    expect(schema.parse({ maxAccessKeyAge: 1 })).toEqual({ maxAccessKeyAge: 1 });
    expect(schema.parse({ maxAccessKeyAge: 365 })).toEqual({ maxAccessKeyAge: 365 });
  });

  it.each(['abc', '1.5', '0', '366', '-1', 2.5, true])('rejects %j', (value) => {
    expect(schema.safeParse({ maxAccessKeyAge: value }).success).toBe(false);
  });

  it('without bounds accepts any integer', () => {
    expect(param.int(5).parse('-3')).toBe(-3);
    expect(param.int(5).parse(undefined)).toBe(5);
  });
});

describe('param.bool', () => {
  const schema = param.bool(false);

  it.each([
    ['true', true],
    ['false', false],
    ['TRUE', true],
    ['FALSE', false],
    ['True', true],
    ['False', false],
    [true, true],
    [false, false],
  ])('%j → %j', (value, expected) => {
    expect(schema.parse(value)).toBe(expected);
  });

  it('defaults when absent', () => {
    expect(param.bool(true).parse(undefined)).toBe(true);
    expect(param.bool(false).parse(undefined)).toBe(false);
  });

  it.each(['yes', '1', 'tRuE', '', 1, null])('rejects %j', (value) => {
    expect(schema.safeParse(value).success).toBe(false);
  });
});

describe('param.csv', () => {
  const schema = param.csv(['22']);

  it('splits comma-separated strings, trimming and dropping empty entries', () => {
    expect(schema.parse('20,21, 3389 ,,')).toEqual(['20', '21', '3389']);
    expect(schema.parse('single')).toEqual(['single']);
    expect(schema.parse('')).toEqual([]);
    expect(schema.parse(' , ')).toEqual([]);
  });

  it('accepts arrays', () => {
    expect(schema.parse(['a', ' b ', ''])).toEqual(['a', 'b']);
  });

  it('defaults when absent, without sharing the default array', () => {
    const first = schema.parse(undefined);
    expect(first).toEqual(['22']);
    first.push('mutated');
    expect(schema.parse(undefined)).toEqual(['22']);
    expect(param.csv().parse(undefined)).toEqual([]);
  });

  it.each([42, [1, 2], { a: 'b' }])('rejects %j', (value) => {
    expect(schema.safeParse(value).success).toBe(false);
  });
});

describe('param.string', () => {
  it('is optional without a default and defaults otherwise', () => {
    expect(param.string().parse(undefined)).toBeUndefined();
    expect(param.string('x').parse(undefined)).toBe('x');
    expect(param.string('x').parse('y')).toBe('y');
  });
});

describe('Control.parseParameters', () => {
  const control = defineControl({
    id: 'test-parameters',
    title: 'Test parameters are parsed',
    description: 'Checks whether parameters are parsed as AWS Config sends them.',
    area: 'iam',
    severity: 'MEDIUM',
    resourceTypes: ['AWS::IAM::User'],
    wellArchitected: ['SEC02-BP05'],
    trigger: 'periodic',
    remediation: { text: 'Nothing.', url: 'https://docs.aws.amazon.com/config/latest/developerguide/' },
    parameters: z.strictObject({
      maxAccessKeyAge: param.int(90, { min: 1 }),
      blockedPorts: param.csv(['22', '3389']),
      enabled: param.bool(true),
    }),
    evaluate: () => compliant('ok'),
  });

  it('parses AWS Config InputParameters (all strings)', () => {
    expect(control.parseParameters({ maxAccessKeyAge: '30', blockedPorts: '20,21', enabled: 'False' })).toEqual({
      maxAccessKeyAge: 30,
      blockedPorts: ['20', '21'],
      enabled: false,
    });
  });

  it('applies defaults', () => {
    expect(control.parseParameters()).toEqual({ maxAccessKeyAge: 90, blockedPorts: ['22', '3389'], enabled: true });
  });

  it('throws ControlParameterError with every issue and its path', () => {
    let error: unknown;
    try {
      control.parseParameters({ maxAccessKeyAge: 'ninety', enabled: 'maybe', extra: '1' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ControlParameterError);
    const e = error as ControlParameterError;
    expect(e.controlId).toBe('test-parameters');
    expect(e.issues.map((i) => i.path).sort()).toEqual(['', 'enabled', 'maxAccessKeyAge']);
    expect(e.message).toContain('maxAccessKeyAge: ');
    expect(e.message).toContain('(root): ');
    expect(e.cause).toBeInstanceOf(z.ZodError);
  });
});

describe('param.int: unset values', () => {
  it('an empty string or null means the default, not 0', () => {
    const schema = z.strictObject({ MinRetentionTime: param.int(365, { min: 1 }) });
    expect(schema.parse({ MinRetentionTime: '' })).toEqual({ MinRetentionTime: 365 });
    expect(schema.parse({ MinRetentionTime: '  ' })).toEqual({ MinRetentionTime: 365 });
    expect(schema.parse({ MinRetentionTime: null })).toEqual({ MinRetentionTime: 365 });
    expect(param.int(14, { min: 0 }).parse('')).toBe(14);
  });
});
