import * as z from 'zod';
import { WafWebAclAssociationsFact } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant, notApplicable, param } from '../../model/control.js';
import { LOAD_BALANCER, type LoadBalancerConfiguration, loadBalancerName, loadBalancerType } from './load-balancer.js';

interface AssociatedWebAcl {
  service: 'wafv2' | 'waf-regional';
  id: string;
  name: string;
  arn: string | null | undefined;
}

export const albWafEnabled = defineControl({
  id: 'alb-waf-enabled',
  title: 'Application Load Balancers are protected by an AWS WAF web ACL',
  description:
    'Checks whether an Application Load Balancer is associated with a WAFv2 or WAF Classic regional web ACL (from the Rampart::WAF::WebACLAssociations fact); with wafWebAclIds set, with one of the listed web ACLs (ids or ARNs).',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: [LOAD_BALANCER],
  wellArchitected: ['SEC05-BP03'],
  rationale: {
    'SEC05-BP03': 'A WAF web ACL inspects the HTTP requests the load balancer receives.',
  },
  references: { awsConfigRules: ['alb-waf-enabled'] },
  trigger: 'periodic',
  needs: [WafWebAclAssociationsFact.type],
  parameters: z.strictObject({ wafWebAclIds: param.csv() }),
  remediation: {
    text: 'Associate the load balancer with a WAFv2 web ACL that holds at least the AWS managed core rule set (the Rampart baseline WAF component creates one).',
    url: 'https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-associating-aws-resource.html',
  },
  evaluate(item, ctx) {
    const name = loadBalancerName(item);
    if (loadBalancerType(item) !== 'application') {
      return notApplicable(
        `Load balancer ${name} is not an Application Load Balancer (type ${loadBalancerType(item) ?? 'unknown'}).`,
      );
    }
    const fact = ctx.require(WafWebAclAssociationsFact);
    const byResource = ctx.memo('waf.webAclsByResource', () => {
      const out = new Map<string, AssociatedWebAcl[]>();
      for (const acl of fact.webAcls) {
        for (const arn of acl.resourceArns) {
          const list = out.get(arn) ?? [];
          list.push({ service: acl.service, id: acl.id, name: acl.name, arn: acl.arn });
          out.set(arn, list);
        }
      }
      return out;
    });
    const arn = item.config<LoadBalancerConfiguration>().loadBalancerArn ?? item.resourceId;
    const acls = byResource.get(arn) ?? [];
    if (acls.length === 0) {
      return nonCompliant(`Application Load Balancer ${name} is not associated with a WAF web ACL.`);
    }
    const wanted = ctx.params.wafWebAclIds;
    const listed = acls.filter(
      (a) => wanted.length === 0 || wanted.includes(a.id) || (!!a.arn && wanted.includes(a.arn)),
    );
    const names = acls.map((a) => `${a.name} (${a.service})`).join(', ');
    if (listed.length === 0) {
      return nonCompliant(
        `Application Load Balancer ${name} is associated with web ACL ${names}, which is not in wafWebAclIds.`,
      );
    }
    return compliant(`Application Load Balancer ${name} is associated with web ACL ${names}.`);
  },
});
