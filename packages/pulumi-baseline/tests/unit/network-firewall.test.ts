import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, deploy, installMocks, ofType, one, resourcesOf } from './helpers/mocks.js';

await installMocks();
const { NetworkFirewall } = await import('../../src/index.js');

const KEY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/logs`;
const SUBNETS = [
  { availabilityZone: 'eu-west-1a', subnetId: 'subnet-0a' },
  { availabilityZone: 'eu-west-1b', subnetId: 'subnet-0b' },
];

describe('NetworkFirewall', () => {
  beforeAll(() =>
    deploy(
      () =>
        new NetworkFirewall('nfw', {
          vpcId: 'vpc-0abc',
          subnets: SUBNETS,
          allowedDomains: ['.example.com'],
          suricataRules: 'pass tls $HOME_NET any -> any 443 (tls.sni; content:"aws.amazon.com"; sid:1;)',
          kmsKeyArn: KEY,
        }),
    ),
  );

  it('uses a strict-order policy: stateless forward to stateful, drop and alert established', () => {
    const policy = one(resourcesOf('nfw'), 'aws:networkfirewall/firewallPolicy:FirewallPolicy').inputs.firewallPolicy;
    expect(policy.statelessDefaultActions).toEqual(['aws:forward_to_sfe']);
    expect(policy.statelessFragmentDefaultActions).toEqual(['aws:forward_to_sfe']);
    expect(policy.statefulDefaultActions).toEqual(['aws:drop_established', 'aws:alert_established']);
    expect(policy.statefulEngineOptions.ruleOrder).toBe('STRICT_ORDER');
    expect(policy.statefulRuleGroupReferences.map((r: { priority: number }) => r.priority)).toEqual([100, 200]);
  });

  it('creates the domain allow-list and Suricata rule groups in strict order', () => {
    const groups = ofType(resourcesOf('nfw'), 'aws:networkfirewall/ruleGroup:RuleGroup');
    expect(groups).toHaveLength(2);
    const domains = groups.find((g) => g.name === 'nfw-domains')!;
    expect(domains.inputs.ruleGroup.rulesSource.rulesSourceList).toEqual({
      generatedRulesType: 'ALLOWLIST',
      targetTypes: ['HTTP_HOST', 'TLS_SNI'],
      targets: ['.example.com'],
    });
    for (const g of groups) expect(g.inputs.ruleGroup.statefulRuleOptions.ruleOrder).toBe('STRICT_ORDER');
  });

  it('turns every protection on and maps one subnet per AZ', () => {
    const fw = one(resourcesOf('nfw'), 'aws:networkfirewall/firewall:Firewall');
    expect(fw.inputs.deleteProtection).toBe(true);
    expect(fw.inputs.subnetChangeProtection).toBe(true);
    expect(fw.inputs.firewallPolicyChangeProtection).toBe(true);
    expect(fw.inputs.subnetMappings).toEqual([{ subnetId: 'subnet-0a' }, { subnetId: 'subnet-0b' }]);
  });

  it('sends ALERT and FLOW logs to KMS-encrypted log groups', () => {
    const logging = one(resourcesOf('nfw'), 'aws:networkfirewall/loggingConfiguration:LoggingConfiguration');
    const configs = logging.inputs.loggingConfiguration.logDestinationConfigs;
    expect(configs.map((c: { logType: string }) => c.logType)).toEqual(['ALERT', 'FLOW']);
    const groups = ofType(resourcesOf('nfw'), 'aws:cloudwatch/logGroup:LogGroup');
    expect(groups).toHaveLength(2);
    for (const g of groups) expect(g.inputs.kmsKeyId).toBe(KEY);
  });

  it('can log to a private SSE-KMS bucket instead', async () => {
    await deploy(
      () =>
        new NetworkFirewall('nfws3', {
          vpcId: 'vpc-0abc',
          subnets: SUBNETS,
          allowedDomains: ['example.com'],
          kmsKeyArn: KEY,
          logging: { destination: 'S3' },
        }),
    );
    const enc = one(
      resourcesOf('nfws3'),
      'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
    );
    expect(enc.inputs.rules[0].applyServerSideEncryptionByDefault).toEqual({
      sseAlgorithm: 'aws:kms',
      kmsMasterKeyId: KEY,
    });
    const logging = one(resourcesOf('nfws3'), 'aws:networkfirewall/loggingConfiguration:LoggingConfiguration');
    for (const c of logging.inputs.loggingConfiguration.logDestinationConfigs) expect(c.logDestinationType).toBe('S3');
  });

  it('fails with clear messages on bad args', () => {
    const base = { vpcId: 'vpc-0abc', subnets: SUBNETS, allowedDomains: ['example.com'], kmsKeyArn: KEY };
    expect(() => new NetworkFirewall('bad', { ...base, subnets: [SUBNETS[0]!] })).toThrow(
      'subnets: give subnets in at least two availability zones (or set allowSingleAz: true)',
    );
    expect(() => new NetworkFirewall('bad', { ...base, subnets: [SUBNETS[0]!, SUBNETS[0]!] })).toThrow(
      'two subnets in eu-west-1a',
    );
    expect(() => new NetworkFirewall('bad', { ...base, allowedDomains: [] })).toThrow(
      'give allowedDomains or suricataRules',
    );
    expect(() => new NetworkFirewall('bad', { ...base, vpcId: 'my-vpc' })).toThrow('vpcId: must be a VPC id');
  });
});
