import * as z from 'zod';
import type { ConfigItem } from '../../ci/config-item.js';
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
  rationale: {
    'SEC04-BP01': 'VPC flow logs record network traffic metadata of every VPC, a log source the BP names.',
  },
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
    const flowLogs =
      ctx
        .memo('ec2.activeFlowLogsByResource', () => activeFlowLogsByResource(ctx.items(FLOW_LOG)))
        .get(item.resourceId) ?? [];
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

type ActiveFlowLog = Partial<FlowLogConfiguration> & { id: string };

/** Active flow logs grouped by the resource (VPC, subnet, ENI) they record, built once per region. */
function activeFlowLogsByResource(items: readonly ConfigItem[]): Map<string | undefined, ActiveFlowLog[]> {
  const out = new Map<string | undefined, ActiveFlowLog[]>();
  for (const fl of items) {
    if (fl.deleted) continue;
    const log = { id: fl.resourceId, ...fl.config<FlowLogConfiguration>() };
    if ((log.flowLogStatus ?? 'ACTIVE') !== 'ACTIVE') continue;
    const list = out.get(log.resourceId) ?? [];
    list.push(log);
    out.set(log.resourceId, list);
  }
  return out;
}
