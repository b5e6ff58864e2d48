import {
  type Compliance,
  ConfigItem,
  catalog,
  type Evaluation,
  severityRank,
  toEvaluation,
  type Verdict,
} from '@rampart/core';
import { describe, expect, it } from 'vitest';
import { summaryTally, tally } from '../../src/commands/exit-code.js';
import { SummaryBuilder } from '../../src/render/summary.js';
import { FindingsSelector } from '../../src/render/table.js';

const controls = new Map(
  catalog()
    .all()
    .map((c) => [c.id, c]),
);
const ids = [...controls.keys()].slice(0, 12);
const verdicts: Compliance[] = ['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE', 'INSUFFICIENT_DATA', 'ERROR'];

describe('FindingsSelector (the findings the table shows)', () => {
  // A small linear congruential generator: the same cases on every run.
  let seed = 42;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const evaluation = (n: number): Evaluation => ({
    controlId: ids[random(ids.length)]!,
    resourceType: random(2) === 0 ? 'AWS::S3::Bucket' : 'AWS::EC2::Volume',
    resourceId: `r-${random(n)}`,
    resourceArn: null,
    accountId: random(2) === 0 ? '111111111111' : '222222222222',
    region: random(2) === 0 ? 'eu-west-1' : 'us-east-1',
    compliance: verdicts[random(verdicts.length)]!,
    annotation: `seq ${n}`,
  });
  /** What the listing shows: the findings sorted (severity, control, account, region, type, id, arrival) and cut. */
  const expected = (list: readonly Evaluation[], limit: number) => {
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const rank = (e: Evaluation) => severityRank(controls.get(e.controlId)!.severity);
    const sorted = list
      .map((e, seq) => ({ e, seq }))
      .filter(({ e }) => ['NON_COMPLIANT', 'INSUFFICIENT_DATA', 'ERROR'].includes(e.compliance))
      .sort(
        (a, b) =>
          rank(a.e) - rank(b.e) ||
          cmp(a.e.controlId, b.e.controlId) ||
          cmp(a.e.accountId, b.e.accountId) ||
          cmp(a.e.region, b.e.region) ||
          cmp(a.e.resourceType, b.e.resourceType) ||
          cmp(a.e.resourceId, b.e.resourceId) ||
          a.seq - b.seq,
      )
      .map(({ e }) => e);
    return { shown: limit > 0 ? sorted.slice(0, limit) : sorted, total: sorted.length };
  };

  it('keeps what sorting every finding and keeping the first `limit` gives, ties in arrival order', () => {
    for (const [size, limit, distinct] of [
      [0, 5, 3],
      [3, 5, 3],
      [50, 5, 4],
      [1_000, 200, 30],
      [5_000, 200, 5_000],
      [5_000, 1, 2],
      [300, 0, 20],
    ] as const) {
      const list = Array.from({ length: size }, () => evaluation(distinct));
      const selector = new FindingsSelector(controls, limit);
      for (const e of list) selector.add(e);
      const want = expected(list, limit);
      expect(selector.shown()).toEqual(want.shown);
      expect(selector.total).toBe(want.total);
    }
  });

  it('takes verdicts as the engine gives them and builds the same evaluations', () => {
    const item = (n: number) =>
      new ConfigItem({
        shape: 'event',
        resourceType: 'AWS::S3::Bucket',
        resourceId: `bucket-${n % 40}`,
        resourceName: undefined,
        arn: `arn:aws:s3:::bucket-${n % 40}`,
        accountId: n % 3 === 0 ? '111111111111' : '222222222222',
        region: 'eu-west-1',
        status: 'OK',
        captureTime: undefined,
        tags: {},
        relationships: [],
        configuration: {},
        supplementary: undefined,
      });
    const byVerdict = new FindingsSelector(controls, 25);
    const byEvaluation = new FindingsSelector(controls, 25);
    for (let n = 0; n < 400; n++) {
      const verdict: Verdict = {
        compliance: verdicts[random(verdicts.length)]!,
        annotation: `verdict ${n}`,
        // Some verdicts name another resource than the item evaluated.
        ...(n % 7 === 0 ? { resource: { type: 'AWS::S3::AccessPoint', id: `ap-${n % 5}` } } : {}),
      };
      const controlId = ids[random(ids.length)]!;
      byVerdict.addVerdict(controlId, item(n), verdict);
      byEvaluation.add(toEvaluation(controlId, item(n), verdict));
    }
    expect(byVerdict.total).toBeGreaterThan(25);
    expect(byVerdict.shown()).toEqual(byEvaluation.shown());
    expect(byVerdict.total).toBe(byEvaluation.total);
  });

  it('renders nothing without findings, and says how many are hidden', () => {
    const io = { stdout: () => {}, stderr: () => {}, color: false, cwd: '.' };
    const selector = new FindingsSelector(controls, 2);
    expect(selector.render(io)).toBe('');
    for (let i = 0; i < 5; i++) selector.add({ ...evaluation(1), controlId: 'restricted-ssh', compliance: 'ERROR' });
    expect(selector.render(io)).toContain('… and 3 more');
  });
});

describe('summaryTally (the exit code of the table path)', () => {
  it('counts what tally counts over the evaluations', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const list = Array.from({ length: 2_000 }, () => ({
      controlId: [...controls.keys()][random(controls.size)]!,
      compliance: verdicts[random(verdicts.length)]!,
    }));
    const summary = new SummaryBuilder(controls);
    for (const e of list) summary.addVerdict(e.controlId, e.compliance);
    for (const failOn of [undefined, 'CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'] as const) {
      const want = tally(list, failOn, controls);
      expect(summaryTally(summary.summary, failOn)).toEqual(want);
      if (failOn === 'INFORMATIONAL') expect(want.failing).toBeGreaterThan(0);
    }
  });
});

describe('writeEvaluationJson (the JSON contract, written in chunks)', () => {
  const scope = {
    controls: ['restricted-ssh'],
    accounts: ['111111111111'],
    regions: ['eu-west-1'],
    now: 'x',
    incomplete: [],
  };
  const evaluation = (i: number): Evaluation => ({
    controlId: 'restricted-ssh',
    resourceType: 'AWS::EC2::SecurityGroup',
    resourceId: `sg-${i}`,
    resourceArn: null,
    accountId: '111111111111',
    region: 'eu-west-1',
    compliance: 'NON_COMPLIANT',
    annotation: `Security group sg-${i} "opens" port 22\nto 0.0.0.0/0.`,
  });
  /** The document as one string: one evaluation per line, scope first. */
  const whole = (evaluations: Evaluation[]) => {
    const lines = evaluations.map((e) => JSON.stringify(e));
    const body = lines.length === 0 ? '[]' : `[\n${lines.join(',\n')}\n]`;
    return `{"scope":${JSON.stringify(scope)},\n"evaluations":${body}}\n`;
  };

  it.each([0, 1, 1_999, 2_000, 2_001, 4_500])(
    '%i evaluations: the same text as one string, in bounded chunks',
    async (n) => {
      const { writeEvaluationJson } = await import('../../src/commands/evaluate.js');
      const evaluations = Array.from({ length: n }, (_, i) => evaluation(i));
      const run = { evaluations, scope, skippedAccountLevel: [] };
      const chunks: string[] = [];
      writeEvaluationJson((text) => chunks.push(text), run);
      expect(chunks.join('')).toBe(whole(evaluations));
      expect(JSON.parse(chunks.join('')).evaluations).toHaveLength(n);
      // The scope, one chunk per 2,000 evaluations, the end.
      expect(chunks).toHaveLength(n === 0 ? 2 : 2 + Math.ceil(n / 2_000));
    },
  );
});
