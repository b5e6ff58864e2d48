import { describe, expect, it } from 'vitest';
import { albWafEnabled as control } from '../../../../src/controls/elbv2/alb-waf-enabled.js';
import { WafWebAclAssociationsFact } from '../../../../src/index.js';
import { ACCOUNT, factItem, fixture, REGION, toApiShape, verdict } from '../../../helpers.js';

const alb = () => fixture('AWS::ElasticLoadBalancingV2::LoadBalancer', 'internet-facing-alb');
const ALB = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/web-alb/50dc6c495c0c9188`;
const ACL_ID = '6f2c0d4e-1a3b-4c5d-8e9f-0a1b2c3d4e5f';
const ACL_ARN = `arn:aws:wafv2:${REGION}:${ACCOUNT}:regional/webacl/rampart-regional/${ACL_ID}`;

const associations = (resourceArns: string[] = [ALB]) =>
  factItem(WafWebAclAssociationsFact, {
    webAcls: [
      { service: 'wafv2', id: ACL_ID, name: 'rampart-regional', arn: ACL_ARN, resourceArns },
      {
        service: 'waf-regional',
        id: '7b9d1f3a-5c7e-4a9b-8d0f-2a4c6e8b0d1f',
        name: 'legacy-acl',
        resourceArns: [
          `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/legacy-alb/7a1b2c3d4e5f6a7b`,
        ],
      },
    ],
  });

describe('alb-waf-enabled', () => {
  it('compliant: associated with a WAFv2 web ACL', () => {
    const v = verdict(control, alb(), { with: [associations()] });
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Application Load Balancer web-alb is associated with web ACL rampart-regional (wafv2).');
  });

  it('compliant: Config API shape', () => {
    expect(verdict(control, toApiShape(alb()), { with: [associations()] }).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no web ACL protects the load balancer', () => {
    const v = verdict(control, alb(), { with: [associations([])] });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Application Load Balancer web-alb is not associated with a WAF web ACL.');
  });

  it('compliant with wafWebAclIds: the web ACL ARN is listed', () => {
    expect(verdict(control, alb(), { with: [associations()], params: { wafWebAclIds: ACL_ARN } }).compliance).toBe(
      'COMPLIANT',
    );
  });

  it('compliant with wafWebAclIds: the web ACL id is listed', () => {
    expect(verdict(control, alb(), { with: [associations()], params: { wafWebAclIds: ACL_ID } }).compliance).toBe(
      'COMPLIANT',
    );
  });

  it('non-compliant with wafWebAclIds: another web ACL', () => {
    const v = verdict(control, alb(), {
      with: [associations()],
      params: { wafWebAclIds: '7b9d1f3a-5c7e-4a9b-8d0f-2a4c6e8b0d1f' },
    });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Application Load Balancer web-alb is associated with web ACL rampart-regional (wafv2), which is not in wafWebAclIds.',
    );
  });

  it('insufficient data: no WAF associations fact', () => {
    const v = verdict(control, alb());
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe(
      `The input holds no Rampart::WAF::WebACLAssociations fact for account ${ACCOUNT} in ${REGION}.`,
    );
  });

  it('not applicable: a Network Load Balancer', () => {
    const ci = alb();
    ci.configuration.type = 'network';
    expect(verdict(control, ci, { with: [associations()] }).compliance).toBe('NOT_APPLICABLE');
  });

  it('not applicable: deleted load balancer', () => {
    const ci = alb();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci, { with: [associations()] }).compliance).toBe('NOT_APPLICABLE');
  });
});
