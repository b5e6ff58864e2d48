import { describe, expect, it } from 'vitest';
import {
  type Control,
  type ControlDefinition,
  ControlDefinitionError,
  compliant,
  DuplicateControlError,
  defineControl,
  Registry,
  UnknownControlError,
} from '../../../src/index.js';

const VALID: ControlDefinition<Record<string, never>> = {
  id: 'test-valid-control',
  title: 'Test buckets carry a team tag',
  description: 'Checks whether each Amazon S3 bucket carries a team tag.',
  area: 'data-protection',
  severity: 'LOW',
  resourceTypes: ['AWS::S3::Bucket'],
  wellArchitected: ['SEC07-BP01'],
  rationale: { 'SEC07-BP01': 'A team tag names the data owner the classification scheme asks for.' },
  references: { awsConfigRules: ['required-tags'], securityHub: ['S3.6'], cis: ['2.1.1'] },
  trigger: 'change',
  remediation: {
    text: 'Tag the bucket with its owning team.',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-tagging.html',
  },
  evaluate: () => compliant('fine'),
};

// biome-ignore lint/suspicious/noExplicitAny: tests feed invalid metadata on purpose.
const control = (over: Record<string, any> = {}): Control<unknown> =>
  defineControl({ ...VALID, ...over }) as Control<unknown>;

function definitionError(controls: Control<unknown>[]): ControlDefinitionError {
  try {
    new Registry(controls);
  } catch (error) {
    expect(error).toBeInstanceOf(ControlDefinitionError);
    return error as ControlDefinitionError;
  }
  throw new Error('expected a ControlDefinitionError');
}

describe('defineControl', () => {
  it('fills defaults: references, needs, scope, parameters, accountLevel', () => {
    const c = defineControl({ ...VALID, references: undefined });
    expect(c.references).toEqual({ awsConfigRules: [], securityHub: [], cis: [] });
    expect(c.needs).toEqual([]);
    expect(c.scope).toBe('regional');
    expect(c.accountLevel).toBe(false);
    expect(c.parseParameters()).toEqual({});
    expect(c.parseParameters({})).toEqual({});
  });

  it('partial references are completed', () => {
    const c = defineControl({ ...VALID, references: { securityHub: ['S3.6'] } });
    expect(c.references).toEqual({ awsConfigRules: [], securityHub: ['S3.6'], cis: [] });
  });

  it('controls on AWS::::Account are account-level', () => {
    const c = defineControl({ ...VALID, resourceTypes: ['AWS::::Account'], scope: 'global' });
    expect(c.accountLevel).toBe(true);
    expect(c.scope).toBe('global');
  });

  it('has no side effects: defining does not register', () => {
    defineControl({ ...VALID, id: 'test-unregistered' });
    expect(new Registry([]).get('test-unregistered')).toBeUndefined();
  });
});

describe('Registry', () => {
  it('accepts valid controls and lists them sorted by id', () => {
    const registry = new Registry([control({ id: 'b-control' }), control({ id: 'a-control' })]);
    expect(registry.size).toBe(2);
    expect(registry.all().map((c) => c.id)).toEqual(['a-control', 'b-control']);
    expect(registry.get('a-control')?.id).toBe('a-control');
    expect(registry.get('nope')).toBeUndefined();
  });

  it('duplicate ids throw DuplicateControlError naming the id', () => {
    const make = () => new Registry([control(), control({ id: 'other' }), control()]);
    expect(make).toThrow(DuplicateControlError);
    expect(make).toThrow('Duplicate control id: test-valid-control');
    try {
      make();
    } catch (error) {
      expect((error as Error).name).toBe('DuplicateControlError');
    }
  });

  it.each([
    [
      'title starting "Ensure"',
      { title: 'Ensure S3 buckets carry a team tag' },
      'title',
      'must not start with "Ensure"',
    ],
    ['title starting "ensure"', { title: 'ensure buckets are tagged' }, 'title', 'must not start with "Ensure"'],
    ['title over 150 characters', { title: 'T'.repeat(151) }, 'title', ''],
    ['empty title', { title: '' }, 'title', ''],
    [
      'description not starting "Checks whether"',
      { description: 'Verifies that each bucket is tagged.' },
      'description',
      'must start with "Checks whether"',
    ],
    ['description over 400 characters', { description: `Checks whether ${'x'.repeat(400)}` }, 'description', ''],
    [
      'unknown WA best practice',
      { wellArchitected: ['SEC12-BP01'] },
      'wellArchitected.0',
      'unknown Well-Architected best practice',
    ],
    [
      'old-style WA id',
      { wellArchitected: ['SEC08-BP02', 'SEC5'] },
      'wellArchitected.1',
      'unknown Well-Architected best practice',
    ],
    ['no WA best practice', { wellArchitected: [] }, 'wellArchitected', ''],
    ['id in camelCase', { id: 'testValidControl' }, 'id', 'must be kebab-case'],
    ['id with a trailing dash', { id: 'test-control-' }, 'id', 'must be kebab-case'],
    ['id with spaces', { id: 'test control' }, 'id', 'must be kebab-case'],
    ['empty id', { id: '' }, 'id', 'must be kebab-case'],
    ['unknown area', { area: 'networking' }, 'area', ''],
    ['unknown severity', { severity: 'SEVERE' }, 'severity', ''],
    ['no resource types', { resourceTypes: [] }, 'resourceTypes', ''],
    ['malformed resource type', { resourceTypes: ['S3::Bucket'] }, 'resourceTypes.0', ''],
    ['unknown trigger', { trigger: 'hourly' }, 'trigger', ''],
    ['unknown scope', { scope: 'organization' }, 'scope', ''],
    [
      'Config rule not kebab-case',
      { references: { awsConfigRules: ['S3_BUCKET_LOGGING_ENABLED'] } },
      'references.awsConfigRules.0',
      '',
    ],
    ['malformed Security Hub id', { references: { securityHub: ['S3-8'] } }, 'references.securityHub.0', ''],
    ['malformed CIS id', { references: { cis: ['v2.1'] } }, 'references.cis.0', ''],
    ['remediation url not a URL', { remediation: { text: 'Do it.', url: 'docs page' } }, 'remediation.url', ''],
    ['empty remediation text', { remediation: { text: '', url: VALID.remediation.url } }, 'remediation.text', ''],
  ])('invalid metadata (%s) throws ControlDefinitionError naming the field', (_, over, field, detail) => {
    const error = definitionError([control({ id: 'test-bad', ...over })]);
    expect(error.name).toBe('ControlDefinitionError');
    expect(error.message).toContain(`${field}: `);
    if (detail) expect(error.message).toContain(`${field}: ${detail}`);
    expect(error.message).toMatch(/^Control .* has invalid metadata: /);
    expect(error.cause).toBeDefined();
  });

  it.each([
    ['no rationale at all', { rationale: undefined }, 'rationale.SEC07-BP01', 'missing rationale for SEC07-BP01'],
    [
      'a rationale missing for one best practice',
      { wellArchitected: ['SEC07-BP01', 'SEC08-BP04'] },
      'rationale.SEC08-BP04',
      'missing rationale for SEC08-BP04',
    ],
    [
      'a rationale for a best practice not mapped',
      { rationale: { ...VALID.rationale, 'SEC08-BP02': 'Encrypted.' } },
      'rationale.SEC08-BP02',
      'rationale for SEC08-BP02, which is not in wellArchitected',
    ],
    ['an empty rationale', { rationale: { 'SEC07-BP01': '  ' } }, 'rationale.SEC07-BP01', 'must not be empty'],
    [
      'a rationale on two lines',
      { rationale: { 'SEC07-BP01': 'One line.\nTwo lines.' } },
      'rationale.SEC07-BP01',
      'must be one line',
    ],
    [
      'a rationale over 200 characters',
      { rationale: { 'SEC07-BP01': 'x'.repeat(201) } },
      'rationale.SEC07-BP01',
      'must be at most 200 characters',
    ],
    ['an unknown kind', { kind: 'manual' }, 'kind', ''],
    [
      'an attestation control on a resource type',
      { kind: 'attestation', needs: ['Rampart::Attestation'], scope: 'global' },
      'kind',
      "attestation controls are account-level: resourceTypes ['AWS::::Account'], scope 'global'",
    ],
    [
      'a regional attestation control',
      { kind: 'attestation', needs: ['Rampart::Attestation'], resourceTypes: ['AWS::::Account'] },
      'kind',
      'attestation controls are account-level',
    ],
    [
      'an attestation control that does not read attestations',
      { kind: 'attestation', resourceTypes: ['AWS::::Account'], scope: 'global' },
      'needs',
      'attestation controls need Rampart::Attestation',
    ],
    [
      'an automated control that reads attestations',
      { needs: ['Rampart::Attestation'] },
      'kind',
      "controls that read Rampart::Attestation must be of kind 'attestation'",
    ],
  ])('invalid rationale or kind (%s) throws ControlDefinitionError naming the field', (_, over, field, detail) => {
    const error = definitionError([control({ id: 'test-bad', ...over })]);
    expect(error.message).toContain(`${field}: ${detail}`);
  });

  it('a rationale of exactly 200 characters per best practice, and an account-level attestation control, are fine', () => {
    expect(() => new Registry([control({ rationale: { 'SEC07-BP01': 'x'.repeat(200) } })])).not.toThrow();
    const attestation = control({
      id: 'test-attestation',
      kind: 'attestation',
      resourceTypes: ['AWS::::Account'],
      scope: 'global',
      needs: ['Rampart::Attestation'],
    });
    expect(attestation.kind).toBe('attestation');
    expect(() => new Registry([attestation])).not.toThrow();
  });

  it('defineControl defaults kind to automated and keeps the rationale', () => {
    const c = control();
    expect(c.kind).toBe('automated');
    expect(c.rationale).toEqual(VALID.rationale);
    expect(defineControl({ ...VALID, rationale: undefined }).rationale).toEqual({});
  });

  it('the error names the control', () => {
    expect(definitionError([control({ id: 'test-bad', title: 'Ensure x' })]).message).toMatch(
      /^Control test-bad has invalid metadata: title: /,
    );
  });

  it('a title of exactly 150 characters and a description of exactly 400 are fine', () => {
    const title = 'T'.repeat(150);
    const description = `Checks whether ${'x'.repeat(400 - 'Checks whether '.length)}`;
    expect(description).toHaveLength(400);
    expect(() => new Registry([control({ title, description })])).not.toThrow();
  });

  it('a title that merely contains "ensure" is fine', () => {
    expect(() => new Registry([control({ title: 'Ensuring tags: buckets carry a team tag' })])).not.toThrow();
    expect(() => new Registry([control({ title: 'Buckets ensure a team tag' })])).not.toThrow();
  });

  describe('select', () => {
    const registry = new Registry([
      control({ id: 'c-control', area: 'iam' }),
      control({ id: 'a-control' }),
      control({ id: 'b-control', area: 'detection' }),
    ]);

    it('no ids (or an empty list) selects all, sorted', () => {
      expect(registry.select().map((c) => c.id)).toEqual(['a-control', 'b-control', 'c-control']);
      expect(registry.select([]).map((c) => c.id)).toEqual(['a-control', 'b-control', 'c-control']);
    });

    it('selects the given ids, sorted by id', () => {
      expect(registry.select(['c-control', 'a-control']).map((c) => c.id)).toEqual(['a-control', 'c-control']);
    });

    it('filters by area', () => {
      expect(registry.select(undefined, 'iam').map((c) => c.id)).toEqual(['c-control']);
      expect(registry.select(['a-control', 'b-control'], 'detection').map((c) => c.id)).toEqual(['b-control']);
      expect(registry.select(undefined, 'incident-response')).toEqual([]);
    });

    it('unknown ids throw UnknownControlError listing them all', () => {
      let error: unknown;
      try {
        registry.select(['a-control', 'nope', 'also-nope']);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UnknownControlError);
      const e = error as UnknownControlError;
      expect(e.name).toBe('UnknownControlError');
      expect(e.ids).toEqual(['nope', 'also-nope']);
      expect(e.message).toBe('Unknown control ids: nope, also-nope');
    });

    it('one unknown id says "id"', () => {
      expect(() => registry.select(['nope'])).toThrow(new UnknownControlError(['nope']));
      expect(new UnknownControlError(['nope']).message).toBe('Unknown control id: nope');
    });
  });
});
