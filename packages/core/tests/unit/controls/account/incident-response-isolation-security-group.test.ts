import { describe, expect, it } from 'vitest';
import { incidentResponseIsolationSecurityGroup as control } from '../../../../src/controls/account/incident-response-isolation-security-group.js';
import { ACCOUNT, accountVerdict, fixture, REGION, run, toApiShape } from '../../../helpers.js';

const SG = 'AWS::EC2::SecurityGroup';
const isolation = () => fixture(SG, 'isolation');
const ordinary = () => fixture(SG, 'restricted');
const ALLOW_ALL_EGRESS = {
  ipProtocol: '-1',
  ipv6Ranges: [],
  prefixListIds: [],
  userIdGroupPairs: [],
  ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
  ipRanges: ['0.0.0.0/0'],
};

describe('incident-response-isolation-security-group', () => {
  it('compliant: a tagged security group without inbound or outbound rules', () => {
    const v = accountVerdict(control, [isolation(), ordinary()]);
    expect(v).toMatchObject({ compliance: 'COMPLIANT', resourceType: 'AWS::::Account', region: REGION });
    expect(v.annotation).toBe(
      `Isolation security group(s) in ${REGION} of account ${ACCOUNT}: sg-0e7d6c5b4a3928170 in vpc-0f1e2d3c4b5a69788.`,
    );
  });

  it('compliant: the security group in the Config API shape', () => {
    expect(accountVerdict(control, [toApiShape(isolation())]).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no security group tagged for incident response', () => {
    const untagged = isolation();
    untagged.tags = { Name: 'rampart-ir-isolation' };
    const v = accountVerdict(control, [untagged, ordinary()]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`No security group tagged rampart:component=incident-response exists in ${REGION}.`);
  });

  it('non-compliant: the tagged security group still has the default allow-all egress rule', () => {
    const sg = isolation();
    sg.configuration.ipPermissionsEgress = [ALLOW_ALL_EGRESS];
    const v = accountVerdict(control, [sg]);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `No security group tagged rampart:component=incident-response in ${REGION} isolates: sg-0e7d6c5b4a3928170 has 0 inbound and 1 outbound rule(s).`,
    );
  });

  it('non-compliant: the tagged security group allows inbound traffic', () => {
    const sg = isolation();
    sg.configuration.ipPermissions = ordinary().configuration.ipPermissions;
    expect(accountVerdict(control, [sg]).annotation).toContain('sg-0e7d6c5b4a3928170 has 2 inbound and 0 outbound');
  });

  it('non-compliant: the only isolation security group was deleted', () => {
    const sg = isolation();
    sg.configurationItemStatus = 'ResourceDeleted';
    expect(accountVerdict(control, [sg]).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: isolation groups in another region do not count', () => {
    const sg = isolation();
    sg.awsRegion = 'us-east-1';
    sg.ARN = 'arn:aws:ec2:us-east-1:123456789012:security-group/sg-0e7d6c5b4a3928170';
    const { evaluations } = run(control, [sg], { header: true });
    expect(evaluations.find((e) => e.region === REGION)?.compliance).toBe('NON_COMPLIANT');
    expect(evaluations.find((e) => e.region === 'us-east-1')?.compliance).toBe('COMPLIANT');
  });

  it('insufficient data: security groups could not be read', () => {
    const v = accountVerdict(control, [], {
      collectionErrors: [
        {
          accountId: ACCOUNT,
          region: REGION,
          service: 'ec2',
          operation: 'DescribeSecurityGroups',
          resourceTypes: [SG],
          code: 'UnauthorizedOperation',
          message: 'not authorized',
        },
      ],
    });
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe(
      `${SG} could not be read: ec2 DescribeSecurityGroups failed with UnauthorizedOperation: not authorized`,
    );
  });
});
