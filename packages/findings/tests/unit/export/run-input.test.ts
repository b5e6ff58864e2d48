import { describe, expect, it } from 'vitest';
import { EvaluationRunInputError, parseEvaluationRun } from '../../../src/index.js';
import { evaluation, scope } from '../../support/fixtures.js';

describe('parseEvaluationRun', () => {
  it('reads the --format json output of rampart evaluate', () => {
    const text = `{"scope":${JSON.stringify(scope())},\n"evaluations":[\n${JSON.stringify(evaluation())}\n]}\n`;
    const run = parseEvaluationRun(text);
    expect(run.evaluations).toEqual([evaluation()]);
    expect(run.scope.accounts).toEqual(['123456789012']);
  });

  it('refuses input without a scope, naming the path: archiving would have no bounds', () => {
    const error = (() => {
      try {
        parseEvaluationRun(JSON.stringify({ evaluations: [] }), 'results.json');
      } catch (e) {
        return e;
      }
    })() as EvaluationRunInputError;
    expect(error).toBeInstanceOf(EvaluationRunInputError);
    expect(error.name).toBe('EvaluationRunInputError');
    expect(error.message).toContain('results.json');
    expect(error.issues).toEqual([expect.objectContaining({ path: 'scope' })]);
    expect(error.cause).toBeDefined();
  });

  it('names a bad evaluation field and a non-JSON file', () => {
    const bad = { scope: scope(), evaluations: [{ ...evaluation(), compliance: 'MAYBE' }] };
    expect(() => parseEvaluationRun(JSON.stringify(bad))).toThrow(/evaluations\.0\.compliance/);
    expect(() => parseEvaluationRun('[1,2')).toThrow(EvaluationRunInputError);
  });
});
