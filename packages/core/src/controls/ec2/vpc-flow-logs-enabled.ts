import * as z from 'zod';
import { compliant, defineControl, nonCompliant } from '../../model/control.js';

const FLOW_LOG = 'AWS::EC2::FlowLog';

interface FlowLogConfiguration {
  flowLogId: string;
  resourceId: string;
  trafficType: string;
  flowLogStatus: string;
  logDestinationType: string;
}

export const vpcFlowLogsEnabled = defineControl({
  id: 'vpc-flow-logs-enabled',
  title: 'VPC flow logs are enabled for every VPC',
  description:
    'Checks whether each VPC has an active flow log (an AWS::EC2::FlowLog in the same account and region whose resourceId is the VPC); with trafficType set, the flow log must record that traffic type.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::EC2::VPC'],
  wellArchitected: ['SEC04-BP01'],
  references: { awsConfigRules: ['vpc-flow-logs-enabled'], securityHub: ['EC2.6'], cis: ['3.7'] },
  trigger: 'periodic',
  needs: [FLOW_LOG],
  parameters: z.strictObject({
    trafficType: z
      .string()
      .trim()
      .toUpperCase()
      .pipe(z.enum(['ACCEPT', 'REJECT', 'ALL']))
      .optional(),
  }),
  remediation: {
    text: 'Create a flow log for the VPC that records at least rejected traffic (ALL is preferred) to CloudWatch Logs or S3.',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/working-with-flow-logs.html',
  },
  evaluate(item, ctx) {
    const wanted = ctx.params.trafficType;
    const flowLogs = ctx
      .items(FLOW_LOG, { accountId: item.accountId, region: item.region })
      .filter((fl) => !fl.deleted)
      .map((fl) => ({ id: fl.resourceId, ...fl.config<FlowLogConfiguration>() }))
      .filter((fl) => fl.resourceId === item.resourceId && (fl.flowLogStatus ?? 'ACTIVE') === 'ACTIVE');
    if (flowLogs.length === 0) return nonCompliant(`VPC ${item.resourceId} has no active flow log.`);
    const matching = wanted === undefined ? flowLogs : flowLogs.filter((fl) => fl.trafficType === wanted);
    if (matching.length === 0) {
      const found = flowLogs.map((fl) => `${fl.id} records ${fl.trafficType ?? 'unknown'} traffic`).join(', ');
      return nonCompliant(`VPC ${item.resourceId} has no flow log recording ${wanted} traffic (${found}).`);
    }
    const fl = matching[0]!;
    return compliant(`VPC ${item.resourceId} has flow log ${fl.id} recording ${fl.trafficType ?? 'unknown'} traffic.`);
  },
});
