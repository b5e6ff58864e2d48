import { compliant, defineControl, insufficientData, nonCompliant, notApplicable } from '../../model/control.js';
import { LOAD_BALANCER, loadBalancerAttributes, loadBalancerName, loadBalancerType } from './load-balancer.js';

const ATTRIBUTE = 'routing.http.drop_invalid_header_fields.enabled';

export const albHttpDropInvalidHeaderEnabled = defineControl({
  id: 'alb-http-drop-invalid-header-enabled',
  title: 'Application Load Balancers drop invalid HTTP header fields',
  description:
    'Checks whether an Application Load Balancer is configured to drop HTTP headers with invalid fields (routing.http.drop_invalid_header_fields.enabled), which blocks HTTP desync attacks.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: [LOAD_BALANCER],
  wellArchitected: ['SEC05-BP03'],
  rationale: {
    'SEC05-BP03':
      'The load balancer inspects headers and drops invalid ones, blocking HTTP desync attacks before they reach targets.',
  },
  references: { awsConfigRules: ['alb-http-drop-invalid-header-enabled'], securityHub: ['ELB.4'] },
  trigger: 'change',
  remediation: {
    text: 'Set the load balancer attribute routing.http.drop_invalid_header_fields.enabled to true.',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes',
  },
  evaluate(item) {
    const name = loadBalancerName(item);
    const type = loadBalancerType(item);
    if (type !== 'application') {
      return notApplicable(`Load balancer ${name} is not an Application Load Balancer (type ${type ?? 'unknown'}).`);
    }
    const attributes = loadBalancerAttributes(item);
    if (attributes === undefined) {
      return insufficientData(`The configuration item of load balancer ${name} holds no LoadBalancerAttributes.`);
    }
    if (attributes.get(ATTRIBUTE) !== 'true') {
      return nonCompliant(`Application Load Balancer ${name} does not drop invalid HTTP header fields.`);
    }
    return compliant(`Application Load Balancer ${name} drops invalid HTTP header fields.`);
  },
});
