import type { StackValidationArgs, StackValidationPolicy } from '@pulumi/policy';
import { catalog } from '@rampart/core';
import { describe, expect, it, vi } from 'vitest';
import {
  buildPolicies,
  enforcementFromEnv,
  enforcementLevelFor,
  INSUFFICIENT_DATA_POLICY,
  PolicyPackConfigError,
  type PolicyResourceLike,
} from '../../src/index.js';
import { ACCOUNT, REGION, res } from '../helpers.js';

const UNKNOWN_STRING = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
const UNKNOWN_OBJECT = 'dd056dcd-154b-4c76-9bd3-c8f88648b5ff';

function args(resources: PolicyResourceLike[], config: Record<string, unknown> = {}): StackValidationArgs {
  return {
    resources,
    getConfig: () => config,
    stackTags: new Map(),
    notApplicable: vi.fn(),
  } as unknown as StackValidationArgs;
}

function run(policy: StackValidationPolicy, resources: PolicyResourceLike[], config: Record<string, unknown> = {}) {
  const reportViolation = vi.fn();
  policy.validateStack(args(resources, config), reportViolation);
  return reportViolation;
}

const policies = buildPolicies({ accountId: ACCOUNT, region: REGION });
const byName = (name: string) => policies.find((p) => p.name === name)!;

const openSsh = () => [
  res('aws:ec2/securityGroup:SecurityGroup', 'bastion', {
    name: 'bastion',
    ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['0.0.0.0/0'] }],
  }),
];

describe('policies called with fake args', () => {
  it('compliant: a closed group reports nothing', () => {
    const report = run(byName('restricted-ssh'), [
      res('aws:ec2/securityGroup:SecurityGroup', 'app', {
        name: 'app',
        ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: ['10.0.0.0/8'] }],
      }),
    ]);
    expect(report).not.toHaveBeenCalled();
  });

  it('non-compliant: reports the annotation plus the remediation URL, against the resource URN', () => {
    const report = run(byName('restricted-ssh'), openSsh());
    const control = catalog().get('restricted-ssh')!;
    expect(report).toHaveBeenCalledTimes(1);
    const [message, urn] = report.mock.calls[0]!;
    expect(message).toMatch(/^Security group bastion .*22.*0\.0\.0\.0\/0/);
    expect(message).toContain(`Remediation: ${control.remediation.url}`);
    expect(urn).toBe(openSsh()[0]!.urn);
  });

  it('carries the control metadata onto the policy', () => {
    const control = catalog().get('s3-bucket-ssl-requests-only')!;
    const p = byName('s3-bucket-ssl-requests-only');
    expect(p).toMatchObject({
      displayName: control.title,
      enforcementLevel: 'advisory',
      severity: control.severity.toLowerCase(),
      url: control.remediation.url,
      remediationSteps: control.remediation.text,
    });
    expect(p.configSchema?.properties['parameters']).toBeDefined();
  });

  it('passes rule parameters from the policy config to the control', () => {
    const group = () => [
      res('aws:ec2/securityGroup:SecurityGroup', 'web', {
        name: 'web',
        ingress: [{ protocol: 'tcp', fromPort: 8443, toPort: 8443, cidrBlocks: ['0.0.0.0/0'] }],
      }),
    ];
    const p = byName('vpc-sg-open-only-to-authorized-ports');
    expect(run(p, group())).toHaveBeenCalledTimes(1);
    expect(run(p, group(), { parameters: { authorizedTcpPorts: '443,8443' } })).not.toHaveBeenCalled();
  });

  it('stays silent when another control reads only known values', () => {
    expect(run(byName('s3-bucket-ssl-requests-only'), openSsh())).not.toHaveBeenCalled();
  });
});

describe('unknown values at preview', () => {
  // A new bucket whose policy is built from its own (unknown) ARN, as the baseline does.
  const bucketWithUnknownPolicy = () => {
    const bucket = res('aws:s3/bucket:Bucket', 'logs', { bucket: 'logs-abc123' });
    return [
      bucket,
      res(
        'aws:s3/bucketPolicy:BucketPolicy',
        'logs-policy',
        { bucket: UNKNOWN_STRING, policy: UNKNOWN_STRING },
        { bucket: [bucket.urn] },
      ),
    ];
  };

  it('never produce a violation: the control gets INSUFFICIENT_DATA, reported as advisory', () => {
    const resources = bucketWithUnknownPolicy();
    expect(run(byName('s3-bucket-ssl-requests-only'), resources)).not.toHaveBeenCalled();
    const advisory = byName(INSUFFICIENT_DATA_POLICY);
    expect(advisory.enforcementLevel).toBe('advisory');
    const report = run(advisory, resources);
    const messages = report.mock.calls.map((c) => c[0] as string);
    expect(messages.some((m) => m.startsWith('s3-bucket-ssl-requests-only: ') && m.includes('not known'))).toBe(true);
    expect(report.mock.calls.every((c) => c[1] === resources[0]!.urn)).toBe(true);
  });

  it('leave the verdicts that do not read them exact', () => {
    const resources = bucketWithUnknownPolicy();
    // Versioning is not declared: a known fact, so the violation stands.
    expect(run(byName('s3-bucket-versioning-enabled'), resources)).toHaveBeenCalledTimes(1);
    expect(run(byName('s3-bucket-level-public-access-prohibited'), resources)).not.toHaveBeenCalled();
  });

  it('read through the policy SDK proxy target: a satellite with an unknown bucket and no dependency makes every bucket unknown', () => {
    const proxied = (target: Record<string, unknown>) =>
      new Proxy(target, {
        get: (obj, prop) => {
          if (prop === '__getSpecialProxyTarget') return obj;
          const v = obj[prop as string];
          if (v === UNKNOWN_STRING || v === UNKNOWN_OBJECT) throw new Error('UnknownValueError');
          return v;
        },
      });
    const resources: PolicyResourceLike[] = [
      res('aws:s3/bucket:Bucket', 'a', { bucket: 'a' }),
      {
        ...res('aws:s3/bucketVersioning:BucketVersioning', 'a-versioning', {}),
        props: proxied({ bucket: UNKNOWN_STRING, versioningConfiguration: { status: 'Enabled' } }),
      },
    ];
    expect(run(byName('s3-bucket-versioning-enabled'), resources)).not.toHaveBeenCalled();
    expect(run(byName(INSUFFICIENT_DATA_POLICY), resources)).toHaveBeenCalled();
  });

  it('are silent when insufficient data is set to silent', () => {
    const silent = buildPolicies({ enforcement: { insufficientData: 'silent' } });
    expect(silent.map((p) => p.name)).not.toContain(INSUFFICIENT_DATA_POLICY);
  });

  it('an unknown ingress CIDR does not fail restricted-ssh', () => {
    const resources = [
      res('aws:ec2/securityGroup:SecurityGroup', 'app', {
        name: 'app',
        ingress: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidrBlocks: [UNKNOWN_STRING] }],
      }),
    ];
    expect(run(byName('restricted-ssh'), resources)).not.toHaveBeenCalled();
    expect(run(byName(INSUFFICIENT_DATA_POLICY), resources).mock.calls[0]?.[0]).toMatch(
      /^restricted-ssh: .*cidrBlocks/,
    );
  });
});

describe('enforcement', () => {
  const critical = catalog().get('kms-key-policy-no-public-access')!;
  const medium = catalog().get('s3-bucket-ssl-requests-only')!;

  it('is advisory by default', () => {
    expect(enforcementLevelFor(critical)).toBe('advisory');
  });

  it('makes CRITICAL and HIGH mandatory when asked, and honours per-control levels', () => {
    const options = {
      mandatorySeverities: ['CRITICAL', 'HIGH'] as const,
      controls: { [medium.id]: 'mandatory' as const },
    };
    expect(enforcementLevelFor(critical, options)).toBe('mandatory');
    expect(enforcementLevelFor(medium, options)).toBe('mandatory');
    expect(enforcementLevelFor(catalog().get('s3-bucket-versioning-enabled')!, options)).toBe('advisory');
    const built = buildPolicies({ enforcement: options });
    expect(built.find((p) => p.name === critical.id)?.enforcementLevel).toBe('mandatory');
  });

  it('reads the pack options from the environment', () => {
    expect(enforcementFromEnv({ RAMPART_MANDATORY_SEVERITIES: 'critical, HIGH' })).toEqual({
      default: 'advisory',
      mandatorySeverities: ['CRITICAL', 'HIGH'],
      insufficientData: 'advisory',
    });
    expect(enforcementFromEnv({ RAMPART_INSUFFICIENT_DATA: 'silent' }).insufficientData).toBe('silent');
    expect(() => enforcementFromEnv({ RAMPART_MANDATORY_SEVERITIES: 'URGENT' })).toThrow(PolicyPackConfigError);
    expect(() => enforcementFromEnv({ RAMPART_INSUFFICIENT_DATA: 'loud' })).toThrow(PolicyPackConfigError);
  });
});
