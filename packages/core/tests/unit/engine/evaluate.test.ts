import { describe, expect, it, vi } from 'vitest';
import {
  type CollectionError,
  type Control,
  ControlParameterError,
  compliant,
  defineControl,
  EbsEncryptionByDefaultFact,
  type EvaluateOptions,
  type Evaluation,
  evaluateSnapshot,
  GLOBAL_REGION,
  GuardDutyStatusFact,
  loadInput,
  MissingDataError,
  PasswordPolicyFact,
  Snapshot,
} from '../../../src/index.js';
import { factItem, fixture, NOW, toApiShape } from '../../helpers.js';
import {
  anyTagged,
  BASE,
  bucketTeamTag,
  ci,
  globalAccount,
  needsSecurityGroups,
  readsConfiguration,
  regionalAccount,
  reportsOthers,
  securityGroupVpc,
  tellsNow,
  throwsError,
  throwsString,
  withParameters,
} from './test-controls.js';

const A1 = '111111111111';
const A2 = '222222222222';
const EU = 'eu-west-1';
const US = 'us-east-1';

const header = (accounts = [A1, A2], regions = [EU, US]) => ({
  snapshot: { version: 1, capturedAt: '2026-11-29T08:00:00Z', accounts, regions },
});

function snapshotOf(entries: unknown[]): Snapshot {
  const snapshot = new Snapshot();
  const text = entries.map((e) => JSON.stringify(e)).join('\n');
  const loaded = loadInput(snapshot, text, 'test.jsonl');
  const problems = [...loaded.problems, ...snapshot.problems];
  if (problems.length > 0) throw new Error(`test input has problems: ${JSON.stringify(problems)}`);
  return snapshot;
}

function evaluate(
  entries: unknown[],
  controls: readonly (Control<unknown> | Control<never>)[],
  options: Partial<EvaluateOptions> = {},
) {
  return evaluateSnapshot(snapshotOf(entries), {
    controls: controls as Control<unknown>[],
    now: NOW,
    ...options,
  });
}

const key = (e: Evaluation) => `${e.accountId} ${e.region} ${e.controlId} ${e.resourceType} ${e.resourceId}`;

const collectionError = (over: Partial<CollectionError> = {}): CollectionError => ({
  accountId: A1,
  region: EU,
  service: 'ec2',
  operation: 'DescribeSecurityGroups',
  resourceTypes: ['AWS::EC2::SecurityGroup'],
  code: 'AccessDenied',
  message: 'not authorized',
  ...over,
});

/** Two accounts, two regions, IAM roles in "global", items listed in no particular order. */
function estate(): unknown[] {
  return [
    header(),
    ci('AWS::S3::Bucket', 'zeta-bucket', A2, US, { tags: { team: 'ops' } }),
    ci('AWS::IAM::Role', 'AROAROLEB', A1, GLOBAL_REGION),
    ci('AWS::S3::Bucket', 'beta-bucket', A1, EU),
    ci('AWS::EC2::SecurityGroup', 'sg-2', A1, EU, { configuration: { vpcId: 'vpc-1' } }),
    ci('AWS::S3::Bucket', 'alpha-bucket', A1, EU, { tags: { team: 'payments' } }),
    ci('AWS::S3::Bucket', 'gamma-bucket', A1, US),
    ci('AWS::EC2::SecurityGroup', 'sg-1', A1, EU, { configuration: { vpcId: 'vpc-1' } }),
    ci('AWS::IAM::Role', 'AROAROLEA', A1, GLOBAL_REGION, { tags: { owner: 'iam' } }),
    ci('AWS::S3::Bucket', 'delta-bucket', A2, EU),
    ci('AWS::IAM::Role', 'AROAROLEC', A2, GLOBAL_REGION),
  ];
}

describe('evaluateSnapshot: partitions and order', () => {
  it('evaluates per account and region, global IAM items in region "global"', () => {
    const { evaluations } = evaluate(estate(), [anyTagged, bucketTeamTag, securityGroupVpc]);
    expect(evaluations.map(key)).toEqual([
      `${A1} ${EU} test-any-tagged AWS::S3::Bucket alpha-bucket`,
      `${A1} ${EU} test-any-tagged AWS::S3::Bucket beta-bucket`,
      `${A1} ${EU} test-bucket-team-tag AWS::S3::Bucket alpha-bucket`,
      `${A1} ${EU} test-bucket-team-tag AWS::S3::Bucket beta-bucket`,
      `${A1} ${EU} test-security-group-vpc AWS::EC2::SecurityGroup sg-1`,
      `${A1} ${EU} test-security-group-vpc AWS::EC2::SecurityGroup sg-2`,
      `${A1} global test-any-tagged AWS::IAM::Role AROAROLEA`,
      `${A1} global test-any-tagged AWS::IAM::Role AROAROLEB`,
      `${A1} ${US} test-any-tagged AWS::S3::Bucket gamma-bucket`,
      `${A1} ${US} test-bucket-team-tag AWS::S3::Bucket gamma-bucket`,
      `${A2} ${EU} test-any-tagged AWS::S3::Bucket delta-bucket`,
      `${A2} ${EU} test-bucket-team-tag AWS::S3::Bucket delta-bucket`,
      `${A2} global test-any-tagged AWS::IAM::Role AROAROLEC`,
      `${A2} ${US} test-any-tagged AWS::S3::Bucket zeta-bucket`,
      `${A2} ${US} test-bucket-team-tag AWS::S3::Bucket zeta-bucket`,
    ]);
  });

  it('within a partition: control id, then resource type, then resource id', () => {
    const items = [
      header([A1], [EU]),
      ci('AWS::S3::Bucket', 'b', A1, EU),
      ci('AWS::IAM::Role', 'r', A1, EU),
      ci('AWS::S3::Bucket', 'a', A1, EU),
      ci('AWS::IAM::Role', 'q', A1, EU),
    ];
    const { evaluations } = evaluate(items, [bucketTeamTag, anyTagged]);
    expect(evaluations.map((e) => `${e.controlId} ${e.resourceType} ${e.resourceId}`)).toEqual([
      'test-any-tagged AWS::IAM::Role q',
      'test-any-tagged AWS::IAM::Role r',
      'test-any-tagged AWS::S3::Bucket a',
      'test-any-tagged AWS::S3::Bucket b',
      'test-bucket-team-tag AWS::S3::Bucket a',
      'test-bucket-team-tag AWS::S3::Bucket b',
    ]);
  });

  it('verdicts about other resources are sorted among the rest, with their own type, id and ARN', () => {
    const { evaluations } = evaluate([ci('AWS::S3::Bucket', 'acme', A1, EU)], [reportsOthers]);
    expect(evaluations.map((e) => [e.resourceType, e.resourceId, e.resourceArn, e.annotation])).toEqual([
      ['AWS::KMS::Key', 'key-a', null, 'Bucket acme names key-a.'],
      ['AWS::KMS::Key', 'key-b', 'arn:aws:kms:eu-west-1:123456789012:key/key-b', 'Bucket acme names key-b.'],
      ['AWS::S3::Bucket', 'acme', `arn:aws:test:${EU}:${A1}:acme`, 'Bucket acme second.'],
    ]);
  });

  it('an evaluation carries the contract fields', () => {
    const bucket = fixture('AWS::S3::Bucket', 'encrypted');
    const { evaluations } = evaluate([bucket], [bucketTeamTag]);
    expect(evaluations).toEqual([
      {
        controlId: 'test-bucket-team-tag',
        resourceType: 'AWS::S3::Bucket',
        resourceId: 'acme-app-data',
        resourceArn: 'arn:aws:s3:::acme-app-data',
        accountId: '123456789012',
        region: 'eu-west-1',
        compliance: 'COMPLIANT',
        annotation: 'Bucket acme-app-data belongs to team payments.',
      },
    ]);
  });

  it('an item without an ARN has resourceArn null', () => {
    const { evaluations } = evaluate([ci('AWS::S3::Bucket', 'acme', A1, EU, { ARN: undefined })], [bucketTeamTag]);
    expect(evaluations[0]!.resourceArn).toBeNull();
  });

  it('is deterministic: the same input and now give identical output, whatever the input order', () => {
    const controls = [anyTagged, bucketTeamTag, securityGroupVpc, regionalAccount, globalAccount, tellsNow];
    const entries = [
      ...estate(),
      factItem(EbsEncryptionByDefaultFact, { enabled: true }, A1, EU),
      factItem(PasswordPolicyFact, { policy: null }, A2),
      { collectionError: collectionError({ resourceTypes: ['Rampart::EC2::EbsEncryptionByDefault'], region: US }) },
    ];
    const first = evaluate(entries, controls);
    const again = evaluate(entries, controls);
    const [head, ...rest] = entries;
    const reversed = evaluate([head, ...rest.reverse()], [...controls].reverse());
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(first));
    expect(first.evaluations.length).toBeGreaterThan(20);
  });

  it('passes "now" to the controls', () => {
    const now = new Date('2027-01-02T03:04:05.678Z');
    const { evaluations, scope } = evaluate([ci('AWS::S3::Bucket', 'acme', A1, EU)], [tellsNow], { now });
    expect(evaluations[0]!.annotation).toBe('Now is 2027-01-02T03:04:05.678Z.');
    expect(scope.now).toBe('2027-01-02T03:04:05.678Z');
  });

  it('an empty snapshot gives no evaluations', () => {
    const run = evaluateSnapshot(new Snapshot(), { controls: [bucketTeamTag as Control<unknown>], now: NOW });
    expect(run).toEqual({
      evaluations: [],
      scope: { controls: ['test-bucket-team-tag'], accounts: [], regions: [], now: NOW.toISOString(), incomplete: [] },
      skippedAccountLevel: [],
    });
  });
});

describe('evaluateSnapshot: duplicates', () => {
  const older = () =>
    ci('AWS::S3::Bucket', 'acme', A1, EU, {
      configurationItemCaptureTime: '2026-11-20T10:15:31.021Z',
      tags: { team: 'old' },
    });
  const newer = () =>
    ci('AWS::S3::Bucket', 'acme', A1, EU, {
      configurationItemCaptureTime: '2026-11-21T09:00:00.000Z',
      tags: { team: 'new' },
    });

  it('keeps the latest capture, whichever comes first', () => {
    for (const order of [
      [older(), newer()],
      [newer(), older()],
    ]) {
      const { evaluations } = evaluate(order, [bucketTeamTag]);
      expect(evaluations.map((e) => e.annotation)).toEqual(['Bucket acme belongs to team new.']);
    }
  });

  it('compares captures across shapes (epoch seconds against ISO)', () => {
    const api = toApiShape(newer());
    expect(typeof api['configurationItemCaptureTime']).toBe('number');
    for (const order of [
      [older(), api],
      [api, older()],
    ]) {
      const { evaluations } = evaluate(order, [bucketTeamTag]);
      expect(evaluations.map((e) => e.annotation)).toEqual(['Bucket acme belongs to team new.']);
    }
  });

  it('compares captures with and without milliseconds as instants', () => {
    const whole = ci('AWS::S3::Bucket', 'acme', A1, EU, {
      configurationItemCaptureTime: '2026-11-20T10:15:31Z',
      tags: { team: 'whole-second' },
    });
    const later = ci('AWS::S3::Bucket', 'acme', A1, EU, {
      configurationItemCaptureTime: '2026-11-20T10:15:31.500Z',
      tags: { team: 'half-second-later' },
    });
    for (const order of [
      [whole, later],
      [later, whole],
    ]) {
      const { evaluations } = evaluate(order, [bucketTeamTag]);
      expect(evaluations.map((e) => e.annotation)).toEqual(['Bucket acme belongs to team half-second-later.']);
    }
  });

  it('equal captures: the one that comes last wins; look-ups see one item per id', () => {
    const first = () => ci('AWS::S3::Bucket', 'acme', A1, EU, { ...older(), tags: { team: 'first' } });
    const second = () => ci('AWS::S3::Bucket', 'acme', A1, EU, { ...older(), tags: { team: 'second' } });
    const others = ['b', 'z', 'a'].map((id) => ci('AWS::S3::Bucket', id, A1, EU));
    const { evaluations } = evaluate([others[0]!, first(), others[1]!, second(), others[2]!], [bucketTeamTag]);
    expect(evaluations.map((e) => e.resourceId)).toEqual(['a', 'acme', 'b', 'z']);
    expect(evaluations.find((e) => e.resourceId === 'acme')?.annotation).toBe('Bucket acme belongs to team second.');
    const snapshot = new Snapshot();
    loadInput(snapshot, JSON.stringify([first(), ...others, second()]), 'dupes.json');
    expect(snapshot.items(A1, EU, 'AWS::S3::Bucket').map((i) => i.resourceId)).toEqual(['a', 'acme', 'b', 'z']);
    expect(snapshot.item(A1, EU, 'AWS::S3::Bucket', 'acme')?.tags).toEqual({ team: 'second' });
    expect(snapshot.size).toBe(4);
  });

  it('the same id in another account or region is another resource', () => {
    const { evaluations } = evaluate(
      [older(), ci('AWS::S3::Bucket', 'acme', A2, EU), ci('AWS::S3::Bucket', 'acme', A1, US)],
      [bucketTeamTag],
    );
    expect(evaluations).toHaveLength(3);
  });

  it('a later deletion wins over an older configuration', () => {
    const deleted = ci('AWS::S3::Bucket', 'acme', A1, EU, {
      configurationItemCaptureTime: '2026-11-22T00:00:00.000Z',
      configurationItemStatus: 'ResourceDeleted',
      configuration: null,
    });
    const { evaluations } = evaluate([deleted, older()], [bucketTeamTag]);
    expect(evaluations.map((e) => e.compliance)).toEqual(['NOT_APPLICABLE']);
  });
});

describe('evaluateSnapshot: verdicts that are not a pass or a fail', () => {
  it('a deleted resource is NOT_APPLICABLE and the control is not called', () => {
    const evaluateSpy = vi.fn(() => compliant('should not run'));
    const control = defineControl({
      ...BASE,
      id: 'test-spy',
      resourceTypes: ['AWS::S3::Bucket'],
      evaluate: evaluateSpy,
    });
    for (const status of ['ResourceDeleted', 'ResourceDeletedNotRecorded']) {
      const item = ci('AWS::S3::Bucket', 'gone', A1, EU, { configurationItemStatus: status, configuration: null });
      const { evaluations } = evaluate([item], [control, throwsError]);
      expect(evaluations.map((e) => [e.controlId, e.compliance, e.annotation])).toEqual([
        ['test-spy', 'NOT_APPLICABLE', 'The resource was deleted.'],
        ['test-throws-error', 'NOT_APPLICABLE', 'The resource was deleted.'],
      ]);
    }
    expect(evaluateSpy).not.toHaveBeenCalled();
  });

  it('a control that throws gives ERROR with the message, never a pass', () => {
    const { evaluations } = evaluate([ci('AWS::S3::Bucket', 'acme', A1, EU)], [throwsError, throwsString]);
    expect(evaluations.map((e) => [e.compliance, e.annotation])).toEqual([
      ['ERROR', 'Control test-throws-error failed on AWS::S3::Bucket acme: TypeError: cannot read rules of acme'],
      ['ERROR', 'Control test-throws-string failed on AWS::S3::Bucket acme: plain text'],
    ]);
  });

  it('one throwing item does not stop the others', () => {
    const picky = defineControl({
      ...BASE,
      id: 'test-picky',
      resourceTypes: ['AWS::S3::Bucket'],
      evaluate: (item) => {
        if (item.resourceId === 'b') throw new Error('b is bad');
        return compliant(`Bucket ${item.resourceId} is fine.`);
      },
    });
    const { evaluations } = evaluate(
      [ci('AWS::S3::Bucket', 'a', A1, EU), ci('AWS::S3::Bucket', 'b', A1, EU), ci('AWS::S3::Bucket', 'c', A1, EU)],
      [picky],
    );
    expect(evaluations.map((e) => e.compliance)).toEqual(['COMPLIANT', 'ERROR', 'COMPLIANT']);
  });

  it('a configuration that is not valid JSON gives ERROR naming the field', () => {
    const api = toApiShape(fixture('AWS::S3::Bucket', 'encrypted'));
    api['configuration'] = '{"name": "acme-app-data"';
    const { evaluations } = evaluate([api], [readsConfiguration]);
    expect(evaluations[0]!.compliance).toBe('ERROR');
    expect(evaluations[0]!.annotation).toMatch(
      /^Control test-reads-configuration failed on AWS::S3::Bucket acme-app-data: ConfigurationDecodeError: configuration of AWS::S3::Bucket acme-app-data is not valid JSON/,
    );
  });

  it('ctx.require on a missing fact gives INSUFFICIENT_DATA with the reason', () => {
    const { evaluations } = evaluate([header([A1], [EU])], [regionalAccount, globalAccount]);
    expect(evaluations.map((e) => [e.region, e.controlId, e.compliance, e.annotation])).toEqual([
      [
        EU,
        'test-regional-account',
        'INSUFFICIENT_DATA',
        `The input holds no Rampart::EC2::EbsEncryptionByDefault fact for account ${A1} in ${EU}.`,
      ],
      [
        GLOBAL_REGION,
        'test-global-account',
        'INSUFFICIENT_DATA',
        `The input holds no Rampart::IAM::PasswordPolicy fact for account ${A1}.`,
      ],
    ]);
  });

  it('ctx.require on a fact the collector could not read gives INSUFFICIENT_DATA with the error', () => {
    const { evaluations } = evaluate(
      [
        header([A1], [EU]),
        {
          collectionError: collectionError({
            operation: 'GetEbsEncryptionByDefault',
            resourceTypes: ['Rampart::EC2::EbsEncryptionByDefault'],
            code: 'UnauthorizedOperation',
            message: 'You are not authorized to perform this operation.',
          }),
        },
      ],
      [regionalAccount],
    );
    expect(evaluations.map((e) => [e.compliance, e.annotation])).toEqual([
      [
        'INSUFFICIENT_DATA',
        `Rampart::EC2::EbsEncryptionByDefault for account ${A1} in ${EU} could not be read: ec2 GetEbsEncryptionByDefault failed with UnauthorizedOperation: You are not authorized to perform this operation.`,
      ],
    ]);
  });

  it('a control throwing MissingDataError itself gives INSUFFICIENT_DATA', () => {
    const control = defineControl({
      ...BASE,
      id: 'test-missing',
      resourceTypes: ['AWS::S3::Bucket'],
      evaluate: () => {
        throw new MissingDataError('The bucket policy could not be read.');
      },
    });
    const { evaluations } = evaluate([ci('AWS::S3::Bucket', 'acme', A1, EU)], [control]);
    expect(evaluations.map((e) => [e.compliance, e.annotation])).toEqual([
      ['INSUFFICIENT_DATA', 'The bucket policy could not be read.'],
    ]);
  });

  it('needs with a collection error for that type gives INSUFFICIENT_DATA', () => {
    const { evaluations } = evaluate(
      [
        ci('AWS::S3::Bucket', 'acme', A1, EU),
        ci('AWS::S3::Bucket', 'other', A1, US),
        { collectionError: collectionError() },
      ],
      [needsSecurityGroups],
    );
    expect(evaluations.map((e) => [e.region, e.compliance, e.annotation])).toEqual([
      [
        EU,
        'INSUFFICIENT_DATA',
        'AWS::EC2::SecurityGroup could not be read: ec2 DescribeSecurityGroups failed with AccessDenied: not authorized',
      ],
      [US, 'COMPLIANT', 'Bucket other sees 0 security group(s).'],
    ]);
  });

  it('needs with a collection error in region "global" applies to every region of the account', () => {
    const { evaluations } = evaluate(
      [ci('AWS::S3::Bucket', 'acme', A1, EU), { collectionError: collectionError({ region: GLOBAL_REGION }) }],
      [needsSecurityGroups],
    );
    expect(evaluations[0]!.compliance).toBe('INSUFFICIENT_DATA');
  });

  it('needs read through the context in the same account and region', () => {
    const { evaluations } = evaluate(
      [
        ci('AWS::S3::Bucket', 'acme', A1, EU),
        ci('AWS::EC2::SecurityGroup', 'sg-1', A1, EU),
        ci('AWS::EC2::SecurityGroup', 'sg-2', A1, EU),
        ci('AWS::EC2::SecurityGroup', 'sg-3', A1, US),
        ci('AWS::EC2::SecurityGroup', 'sg-4', A2, EU),
      ],
      [needsSecurityGroups],
    );
    expect(evaluations.map((e) => e.annotation)).toEqual(['Bucket acme sees 2 security group(s).']);
  });
});

describe('evaluateSnapshot: context look-ups', () => {
  it('items, item and fact honour account and region overrides; global facts live in "global"', () => {
    const seen: unknown[] = [];
    const control = defineControl({
      ...BASE,
      id: 'test-lookups',
      resourceTypes: ['AWS::S3::Bucket'],
      trigger: 'periodic',
      needs: ['AWS::IAM::Role', PasswordPolicyFact.type, GuardDutyStatusFact.type],
      evaluate: (item, ctx) => {
        seen.push({
          roles: ctx.items('AWS::IAM::Role', { region: GLOBAL_REGION }).map((i) => i.resourceId),
          otherAccountRoles: ctx
            .items('AWS::IAM::Role', { accountId: A2, region: GLOBAL_REGION })
            .map((i) => i.resourceId),
          same: ctx.item('AWS::S3::Bucket', item.resourceId)?.resourceId,
          missing: ctx.item('AWS::S3::Bucket', 'nope'),
          password: ctx.fact(PasswordPolicyFact),
          guardduty: ctx.fact(GuardDutyStatusFact),
          guarddutyUs: ctx.fact(GuardDutyStatusFact, { region: US }),
          incomplete: ctx.incomplete('AWS::EC2::SecurityGroup')?.code,
        });
        return compliant('looked');
      },
    });
    evaluate(
      [
        ci('AWS::S3::Bucket', 'acme', A1, EU),
        ci('AWS::IAM::Role', 'AROA1', A1, GLOBAL_REGION),
        ci('AWS::IAM::Role', 'AROA2', A2, GLOBAL_REGION),
        factItem(PasswordPolicyFact, { policy: { minimumPasswordLength: 14 } }, A1),
        factItem(GuardDutyStatusFact, { detectorId: 'd-us', status: 'ENABLED' }, A1, US),
        { collectionError: collectionError() },
      ],
      [control],
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      roles: ['AROA1'],
      otherAccountRoles: ['AROA2'],
      same: 'acme',
      missing: undefined,
      password: { found: true, value: { policy: { minimumPasswordLength: 14 } } },
      guardduty: {
        found: false,
        reason: `The input holds no Rampart::GuardDuty::Status fact for account ${A1} in ${EU}.`,
      },
      guarddutyUs: { found: true, value: { detectorId: 'd-us', status: 'ENABLED', features: [] } },
      incomplete: 'AccessDenied',
    });
  });
});

describe('evaluateSnapshot: ctx.memo', () => {
  it('builds once per account and region, shared by the controls that use the key; a throw is not kept', () => {
    const builds: string[] = [];
    let failures = 1;
    const memoControl = (id: string, key: string) =>
      defineControl({
        ...BASE,
        id,
        resourceTypes: ['AWS::S3::Bucket'],
        trigger: 'periodic',
        evaluate: (_item, ctx) => {
          const value = ctx.memo(key, () => {
            builds.push(`${key} ${ctx.accountId} ${ctx.region}`);
            if (key === 'flaky' && failures-- > 0) throw new Error('the first build fails');
            return `${key} built in ${ctx.accountId} ${ctx.region}`;
          });
          // The same key asked twice in one evaluation answers from the memo too.
          expect(ctx.memo(key, () => 'rebuilt')).toBe(value);
          return compliant(value);
        },
      });
    const run = evaluate(
      [
        ci('AWS::S3::Bucket', 'a', A1, EU),
        ci('AWS::S3::Bucket', 'b', A1, EU),
        ci('AWS::S3::Bucket', 'c', A1, US),
        ci('AWS::S3::Bucket', 'd', A2, EU),
      ],
      [memoControl('test-memo-1', 'shared'), memoControl('test-memo-2', 'shared'), memoControl('test-memo-3', 'flaky')],
    );
    expect(builds).toEqual([
      `shared ${A1} ${EU}`,
      `flaky ${A1} ${EU}`,
      `flaky ${A1} ${EU}`,
      `shared ${A1} ${US}`,
      `flaky ${A1} ${US}`,
      `shared ${A2} ${EU}`,
      `flaky ${A2} ${EU}`,
    ]);
    const byControl = (id: string) =>
      run.evaluations.filter((e) => e.controlId === id).map((e) => [e.resourceId, e.compliance, e.annotation]);
    expect(byControl('test-memo-2')).toEqual([
      ['a', 'COMPLIANT', `shared built in ${A1} ${EU}`],
      ['b', 'COMPLIANT', `shared built in ${A1} ${EU}`],
      ['c', 'COMPLIANT', `shared built in ${A1} ${US}`],
      ['d', 'COMPLIANT', `shared built in ${A2} ${EU}`],
    ]);
    expect(byControl('test-memo-3')[0]).toEqual(['a', 'ERROR', expect.stringContaining('the first build fails')]);
    expect(byControl('test-memo-3')[1]).toEqual(['b', 'COMPLIANT', `flaky built in ${A1} ${EU}`]);
  });
});

describe('evaluateSnapshot: account-level controls', () => {
  it('run for every account and region the header names, even without items there', () => {
    const { evaluations, skippedAccountLevel } = evaluate(
      [
        header(),
        factItem(EbsEncryptionByDefaultFact, { enabled: true }, A1, EU),
        factItem(EbsEncryptionByDefaultFact, { enabled: false }, A1, US),
        factItem(EbsEncryptionByDefaultFact, { enabled: true }, A2, EU),
      ],
      [regionalAccount],
    );
    expect(skippedAccountLevel).toEqual([]);
    expect(evaluations.map((e) => [e.accountId, e.region, e.resourceType, e.resourceId, e.compliance])).toEqual([
      [A1, EU, 'AWS::::Account', A1, 'COMPLIANT'],
      [A1, US, 'AWS::::Account', A1, 'NON_COMPLIANT'],
      [A2, EU, 'AWS::::Account', A2, 'COMPLIANT'],
      [A2, US, 'AWS::::Account', A2, 'INSUFFICIENT_DATA'],
    ]);
    expect(evaluations[1]!.annotation).toBe(`EBS encryption by default is off in account ${A1} in ${US}.`);
    expect(evaluations.every((e) => e.resourceArn === null)).toBe(true);
  });

  it('global ones run once per account, in region "global"; regional ones never there', () => {
    const { evaluations } = evaluate(
      [
        header(),
        factItem(PasswordPolicyFact, { policy: null }, A1),
        factItem(PasswordPolicyFact, { policy: { minimumPasswordLength: 14 } }, A2),
      ],
      [globalAccount, regionalAccount],
    );
    const global = evaluations.filter((e) => e.controlId === 'test-global-account');
    expect(global.map((e) => [e.accountId, e.region, e.compliance, e.annotation])).toEqual([
      [A1, GLOBAL_REGION, 'NON_COMPLIANT', `Account ${A1} has no password policy.`],
      [A2, GLOBAL_REGION, 'COMPLIANT', `Account ${A2} has a password policy.`],
    ]);
    const regional = evaluations.filter((e) => e.controlId === 'test-regional-account');
    expect(regional.map((e) => `${e.accountId} ${e.region}`)).toEqual([
      `${A1} ${EU}`,
      `${A1} ${US}`,
      `${A2} ${EU}`,
      `${A2} ${US}`,
    ]);
  });

  it('are skipped for an account with no header and no facts, and reported as skipped', () => {
    const run = evaluate(
      [ci('AWS::S3::Bucket', 'acme', A1, EU, { tags: { team: 'x' } }), ci('AWS::S3::Bucket', 'other', A2, EU)],
      [regionalAccount, globalAccount, bucketTeamTag],
    );
    expect(run.evaluations.map((e) => e.controlId)).toEqual(['test-bucket-team-tag', 'test-bucket-team-tag']);
    expect(run.skippedAccountLevel).toEqual([
      { accountId: A1, controls: ['test-global-account', 'test-regional-account'] },
      { accountId: A2, controls: ['test-global-account', 'test-regional-account'] },
    ]);
  });

  it('run for an account with facts and are skipped for one without, when there is no header', () => {
    const run = evaluate(
      [
        ci('AWS::S3::Bucket', 'acme', A1, EU),
        ci('AWS::S3::Bucket', 'other', A2, EU),
        factItem(EbsEncryptionByDefaultFact, { enabled: true }, A2, EU),
      ],
      [regionalAccount],
    );
    expect(run.skippedAccountLevel).toEqual([{ accountId: A1, controls: ['test-regional-account'] }]);
    expect(run.evaluations.map((e) => [e.accountId, e.region, e.compliance])).toEqual([[A2, EU, 'COMPLIANT']]);
  });

  it('a collection error makes the account known (INSUFFICIENT_DATA rather than skipped)', () => {
    const run = evaluate(
      [
        ci('AWS::S3::Bucket', 'acme', A1, EU),
        {
          collectionError: collectionError({
            service: 'iam',
            operation: 'GetAccountPasswordPolicy',
            region: GLOBAL_REGION,
            resourceTypes: ['Rampart::IAM::PasswordPolicy'],
          }),
        },
      ],
      [globalAccount],
    );
    expect(run.skippedAccountLevel).toEqual([]);
    expect(run.evaluations.map((e) => [e.region, e.compliance, e.annotation])).toEqual([
      [
        GLOBAL_REGION,
        'INSUFFICIENT_DATA',
        `Rampart::IAM::PasswordPolicy for account ${A1} could not be read: iam GetAccountPasswordPolicy failed with AccessDenied: not authorized`,
      ],
    ]);
  });

  it('nothing is skipped when no account-level control is selected', () => {
    expect(evaluate([ci('AWS::S3::Bucket', 'acme', A1, EU)], [bucketTeamTag]).skippedAccountLevel).toEqual([]);
  });
});

describe('evaluateSnapshot: scope', () => {
  it('lists the controls (sorted), accounts, regions (never "global") and now', () => {
    const { scope } = evaluate(estate(), [securityGroupVpc, bucketTeamTag, anyTagged]);
    expect(scope).toEqual({
      controls: ['test-any-tagged', 'test-bucket-team-tag', 'test-security-group-vpc'],
      accounts: [A1, A2],
      regions: [EU, US],
      now: '2026-11-29T08:00:00.000Z',
      incomplete: [],
    });
  });

  it('accounts and regions come from items when there is no header', () => {
    const { scope } = evaluate(
      [ci('AWS::S3::Bucket', 'b', A2, US), ci('AWS::IAM::Role', 'r', A1, GLOBAL_REGION)],
      [bucketTeamTag],
    );
    expect(scope.accounts).toEqual([A1, A2]);
    expect(scope.regions).toEqual([US]);
  });

  it('incomplete lists what could not be read, limited to the types the selected controls read', () => {
    const entries = [
      header(),
      { collectionError: collectionError() },
      {
        collectionError: collectionError({
          accountId: A2,
          region: US,
          service: 'guardduty',
          operation: 'ListDetectors',
          resourceTypes: ['AWS::GuardDuty::Detector', 'Rampart::GuardDuty::Status'],
        }),
      },
      {
        collectionError: collectionError({
          region: US,
          service: 'ec2',
          operation: 'GetEbsEncryptionByDefault',
          resourceTypes: ['Rampart::EC2::EbsEncryptionByDefault', 'AWS::EC2::SecurityGroup'],
        }),
      },
      {
        collectionError: collectionError({
          region: EU,
          service: 's3',
          operation: 'ListBuckets',
          resourceTypes: ['AWS::S3::Bucket'],
        }),
      },
    ];
    expect(evaluate(entries, [globalAccount]).scope.incomplete).toEqual([]);
    expect(evaluate(entries, [needsSecurityGroups]).scope.incomplete).toEqual([
      { accountId: A1, region: EU, resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::S3::Bucket'] },
      { accountId: A1, region: US, resourceTypes: ['AWS::EC2::SecurityGroup'] },
    ]);
    expect(evaluate(entries, [regionalAccount, securityGroupVpc]).scope.incomplete).toEqual([
      { accountId: A1, region: EU, resourceTypes: ['AWS::EC2::SecurityGroup'] },
      {
        accountId: A1,
        region: US,
        resourceTypes: ['AWS::EC2::SecurityGroup', 'Rampart::EC2::EbsEncryptionByDefault'],
      },
    ]);
    const guardduty = defineControl({
      ...BASE,
      id: 'test-guardduty',
      resourceTypes: ['AWS::::Account'],
      trigger: 'periodic',
      needs: [GuardDutyStatusFact.type],
      evaluate: (item) => compliant(`Account ${item.accountId}.`),
    });
    expect(evaluate(entries, [guardduty]).scope.incomplete).toEqual([
      { accountId: A2, region: US, resourceTypes: ['Rampart::GuardDuty::Status'] },
    ]);
  });
});

describe('evaluateSnapshot: parameters', () => {
  const bucket = () => ci('AWS::S3::Bucket', 'acme', A1, EU);
  const paramsOf = (parameters?: Record<string, Record<string, unknown>>) =>
    JSON.parse(evaluate([bucket()], [withParameters], parameters ? { parameters } : {}).evaluations[0]!.annotation);

  it('defaults apply when none are given', () => {
    expect(paramsOf()).toEqual({ maxAgeDays: 90, requireVersioning: true, allowedTeams: ['payments'] });
    expect(paramsOf({ 'other-control': { x: '1' } })).toEqual({
      maxAgeDays: 90,
      requireVersioning: true,
      allowedTeams: ['payments'],
    });
  });

  it('strings as AWS Config sends InputParameters are coerced', () => {
    expect(
      paramsOf({
        'test-with-parameters': { maxAgeDays: '30', requireVersioning: 'false', allowedTeams: 'ops, sec,,' },
      }),
    ).toEqual({ maxAgeDays: 30, requireVersioning: false, allowedTeams: ['ops', 'sec'] });
  });

  it('typed values are accepted as they are', () => {
    expect(
      paramsOf({ 'test-with-parameters': { maxAgeDays: 7, requireVersioning: false, allowedTeams: ['a', 'b'] } }),
    ).toEqual({ maxAgeDays: 7, requireVersioning: false, allowedTeams: ['a', 'b'] });
  });

  it.each([
    [{ maxAgeDays: 'ninety' }, 'maxAgeDays'],
    [{ maxAgeDays: '0' }, 'maxAgeDays'],
    [{ maxAgeDays: '7.5' }, 'maxAgeDays'],
    [{ requireVersioning: 'yes' }, 'requireVersioning'],
    [{ unknownParameter: '1' }, ''],
  ])('invalid parameters %j are rejected with ControlParameterError', (params, path) => {
    let error: unknown;
    try {
      evaluate([bucket()], [withParameters], { parameters: { 'test-with-parameters': params } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ControlParameterError);
    const e = error as ControlParameterError;
    expect(e.name).toBe('ControlParameterError');
    expect(e.controlId).toBe('test-with-parameters');
    expect(e.issues.map((i) => i.path)).toEqual([path]);
    expect(e.message).toMatch(/^Invalid parameters for control test-with-parameters: /);
    if (path) expect(e.message).toContain(`${path}: `);
  });

  it('a control without parameters rejects any', () => {
    expect(() =>
      evaluate([bucket()], [bucketTeamTag], { parameters: { 'test-bucket-team-tag': { anything: '1' } } }),
    ).toThrow(ControlParameterError);
  });
});

describe('Snapshot', () => {
  it('indexes items by account, region and type, and counts distinct resources', () => {
    const snapshot = snapshotOf(estate());
    expect(snapshot.size).toBe(10);
    expect(
      snapshot
        .items(A1, EU, 'AWS::S3::Bucket')
        .map((i) => i.resourceId)
        .sort(),
    ).toEqual(['alpha-bucket', 'beta-bucket']);
    expect(snapshot.items(A1, GLOBAL_REGION, 'AWS::IAM::Role')).toHaveLength(2);
    expect(snapshot.items(A1, EU, 'AWS::IAM::Role')).toEqual([]);
    expect(snapshot.items('999999999999', EU, 'AWS::S3::Bucket')).toEqual([]);
    expect(snapshot.item(A2, US, 'AWS::S3::Bucket', 'zeta-bucket')?.tags).toEqual({ team: 'ops' });
    expect(snapshot.itemRegions(A1).sort()).toEqual([EU, GLOBAL_REGION, US]);
    expect(snapshot.itemRegions('999999999999')).toEqual([]);
  });

  it('counts a duplicate once', () => {
    const snapshot = snapshotOf([ci('AWS::S3::Bucket', 'a', A1, EU), ci('AWS::S3::Bucket', 'a', A1, EU)]);
    expect(snapshot.size).toBe(1);
    expect(snapshot.items(A1, EU, 'AWS::S3::Bucket')).toHaveLength(1);
  });

  it('facts do not count as resources', () => {
    const snapshot = snapshotOf([factItem(EbsEncryptionByDefaultFact, { enabled: true }, A1, EU)]);
    expect(snapshot.size).toBe(0);
    expect(snapshot.items(A1, EU, EbsEncryptionByDefaultFact.type)).toEqual([]);
    expect(snapshot.hasFacts(A1)).toBe(true);
    expect(snapshot.hasFacts(A2)).toBe(false);
  });
});
