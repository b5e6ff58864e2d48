import { describe, expect, it } from 'vitest';
import {
  BEST_PRACTICES,
  bestPractice,
  QUESTIONS,
  WELL_ARCHITECTED_VERSION,
} from '../../../src/wellarchitected/best-practices.js';
import { referenceBestPractices, referenceQuestions, sharedFile } from './shared-reference.js';

describe('Well-Architected Security Pillar catalog', () => {
  it('is pinned to the version of the reference', () => {
    expect(WELL_ARCHITECTED_VERSION).toBe('2024-06-27');
    expect(sharedFile('reference/wa-security-pillar-best-practices.md')).toContain(
      `(framework version ${WELL_ARCHITECTED_VERSION})`,
    );
  });

  it('has exactly the 63 best practices of the reference (id, title, question), in order', () => {
    const reference = referenceBestPractices();
    expect(reference).toHaveLength(63);
    expect(BEST_PRACTICES.map((bp) => ({ ...bp }))).toEqual(reference);
  });

  it('has exactly the 11 questions of the reference', () => {
    const reference = referenceQuestions();
    expect(reference).toHaveLength(11);
    expect(QUESTIONS.map((q) => ({ ...q }))).toEqual(reference);
  });

  it('ids are unique and each belongs to its question', () => {
    expect(new Set(BEST_PRACTICES.map((bp) => bp.id)).size).toBe(BEST_PRACTICES.length);
    const questions = new Set(QUESTIONS.map((q) => q.id));
    for (const bp of BEST_PRACTICES) {
      expect(bp.id).toMatch(/^SEC\d\d-BP\d\d$/);
      expect(bp.id.startsWith(`${bp.question}-`)).toBe(true);
      expect(questions.has(bp.question)).toBe(true);
    }
  });

  it('bestPractice() finds every id and nothing else', () => {
    for (const bp of BEST_PRACTICES) expect(bestPractice(bp.id)).toBe(bp);
    expect(bestPractice('SEC08-BP02')?.title).toBe('Enforce encryption at rest');
    expect(bestPractice('SEC12-BP01')).toBeUndefined();
    expect(bestPractice('sec08-bp02')).toBeUndefined();
    expect(bestPractice('')).toBeUndefined();
  });
});
