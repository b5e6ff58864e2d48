import { COMPLIANCE_VALUES } from '@rampart/core';
import * as z from 'zod';
import type { RunLike } from '../asff/findings.js';
import { EvaluationRunInputError } from '../errors.js';

export const EvaluationSchema = z.object({
  controlId: z.string().min(1),
  resourceType: z.string().min(1),
  resourceId: z.string().min(1),
  resourceArn: z.string().nullable(),
  accountId: z.string().regex(/^\d{12}$/, 'must be a 12-digit account id'),
  region: z.string().min(1),
  compliance: z.enum(COMPLIANCE_VALUES),
  annotation: z.string(),
});

export const EvaluationScopeSchema = z.object({
  controls: z.array(z.string()),
  accounts: z.array(z.string()),
  regions: z.array(z.string()),
  now: z.iso.datetime({ offset: true }),
  incomplete: z.array(z.object({ accountId: z.string(), region: z.string(), resourceTypes: z.array(z.string()) })),
});

/** The `--format json` output of `rampart evaluate` and `rampart scan`; other top-level keys are ignored. */
export const EvaluationRunSchema = z.object({
  scope: EvaluationScopeSchema,
  evaluations: z.array(EvaluationSchema),
});

/**
 * Reads the `--format json` output of `rampart evaluate`/`scan`. Its `scope` is required: without it
 * the exporter could not tell which findings it may archive.
 */
export function parseEvaluationRun(text: string, source = 'input'): RunLike {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new EvaluationRunInputError(`${source}: not JSON: ${(error as Error).message}`, [], { cause: error });
  }
  const result = EvaluationRunSchema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 20)
      .map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    throw new EvaluationRunInputError(
      `${source}: not the --format json output of rampart evaluate or scan: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`,
      issues,
      { cause: result.error },
    );
  }
  return result.data;
}
