import { describe, expect, it } from 'vitest';
import { vpcFlowLogsEnabled as control } from '../../../../src/controls/ec2/vpc-flow-logs-enabled.js';
import { ACCOUNT, fixture, REGION, run, toApiShape, verdict } from '../../../helpers.js';

const vpc = () => fixture('AWS::EC2::VPC', 'main');
const flowLog = () => fixture('AWS::EC2::FlowLog', 'vpc-all-cloudwatch');
const VPC = 'vpc-0f1e2d3c4b5a69788';
const FL = 'fl-0a1b2c3d4e5f67890';

describe('vpc-flow-logs-enabled', () => {
  it('compliant: an active flow log for the VPC', () => {
    const v = verdict(control, vpc(), { with: [flowLog()] });
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`VPC ${VPC} has flow log ${FL} recording ALL traffic.`);
    expect(v.resourceArn).toBe(`arn:aws:ec2:eu-west-1:123456789012:vpc/${VPC}`);
  });

  it('compliant: Config API shape of both items', () => {
    expect(verdict(control, toApiShape(vpc()), { with: [toApiShape(flowLog())] }).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no flow log in the account and region', () => {
    const v = verdict(control, vpc());
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`VPC ${VPC} has no active flow log.`);
  });

  it('non-compliant: the flow log is for another VPC', () => {
    const fl = flowLog();
    fl.configuration.resourceId = 'vpc-0aaaabbbbccccdddd';
    expect(verdict(control, vpc(), { with: [fl] }).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: the flow log was deleted', () => {
    const fl = flowLog();
    fl.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, vpc(), { with: [fl] }).annotation).toBe(`VPC ${VPC} has no active flow log.`);
  });

  it('non-compliant: a flow log in another region does not count', () => {
    const fl = flowLog();
    fl.awsRegion = 'eu-central-1';
    fl.ARN = `arn:aws:ec2:eu-central-1:${ACCOUNT}:vpc-flow-log/${FL}`;
    const { evaluations } = run(control, [vpc(), fl]);
    expect(evaluations).toHaveLength(1);
    expect(evaluations[0]).toMatchObject({ region: REGION, compliance: 'NON_COMPLIANT' });
  });

  it('non-compliant with trafficType: the flow log records only rejected traffic', () => {
    const fl = flowLog();
    fl.configuration.trafficType = 'REJECT';
    const v = verdict(control, vpc(), { with: [fl], params: { trafficType: 'ALL' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(`VPC ${VPC} has no flow log recording ALL traffic (${FL} records REJECT traffic).`);
  });

  it('compliant with trafficType: matching traffic type', () => {
    expect(verdict(control, vpc(), { with: [flowLog()], params: { trafficType: 'all' } }).compliance).toBe('COMPLIANT');
  });

  it('rejects an unknown trafficType', () => {
    expect(() => control.parseParameters({ trafficType: 'SOME' })).toThrow(/trafficType/);
  });

  it('insufficient data: flow logs could not be read', () => {
    const v = verdict(control, vpc(), {
      collectionErrors: [
        {
          accountId: ACCOUNT,
          region: REGION,
          service: 'config',
          operation: 'ListDiscoveredResources',
          resourceTypes: ['AWS::EC2::FlowLog'],
          code: 'AccessDeniedException',
          message: 'not authorized',
        },
      ],
    });
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe(
      'AWS::EC2::FlowLog could not be read: config ListDiscoveredResources failed with AccessDeniedException: not authorized',
    );
  });

  it('not applicable: deleted VPC', () => {
    const ci = vpc();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci, { with: [flowLog()] }).compliance).toBe('NOT_APPLICABLE');
  });
});
