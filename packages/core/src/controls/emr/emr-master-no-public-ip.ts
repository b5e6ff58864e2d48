import { EmrClustersFact } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant, notApplicable, type Verdict } from '../../model/control.js';
import { clusterLabel, clusterVerdict } from './clusters.js';

/** The managed rule looks at clusters that are up: RUNNING or WAITING. */
const EVALUATED_STATES = new Set(['RUNNING', 'WAITING']);

export const emrMasterNoPublicIp = defineControl({
  id: 'emr-master-no-public-ip',
  title: 'EMR cluster primary nodes have no public IP address',
  description:
    'Checks whether the primary (master) nodes of running or waiting Amazon EMR clusters in the region have public IP addresses. Each cluster gets its own verdict; AWS Config does not record EMR clusters, so they are read as a fact.',
  area: 'infrastructure',
  severity: 'HIGH',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC05-BP01', 'SEC05-BP02'],
  rationale: {
    'SEC05-BP01': 'Cluster primary nodes stay in private subnets, with no public IP.',
    'SEC05-BP02': 'The primary node is reachable only through the VPC, where security groups apply.',
  },
  references: { awsConfigRules: ['emr-master-no-public-ip'], securityHub: ['EMR.1'] },
  trigger: 'periodic',
  needs: [EmrClustersFact.type],
  remediation: {
    text: 'Launch EMR clusters in private subnets (reaching S3 and other services through VPC endpoints or NAT) and turn on EMR block public access; a running cluster must be relaunched to move.',
    url: 'https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-clusters-in-a-vpc.html',
  },
  evaluate(item, ctx) {
    const clusters = ctx.require(EmrClustersFact).clusters.filter((c) => EVALUATED_STATES.has(c.state));
    if (clusters.length === 0) {
      return notApplicable(`Account ${item.accountId} has no running or waiting EMR clusters in ${ctx.region}.`);
    }
    return clusters.map((c): Verdict => {
      const ips = c.masterPublicIpAddresses;
      return clusterVerdict(
        c,
        ips.length > 0
          ? nonCompliant(`${clusterLabel(c)} has a primary node with public IP address ${ips.join(', ')}.`)
          : compliant(`${clusterLabel(c)} has no primary node with a public IP address.`),
      );
    });
  },
});
