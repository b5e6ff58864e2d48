import * as z from 'zod';
import { defineControl, param } from '../../model/control.js';
import { checkLogsToCloudWatch } from './checks.js';

export const opensearchLogsToCloudwatch = defineControl({
  id: 'opensearch-logs-to-cloudwatch',
  title: 'OpenSearch domains publish logs to CloudWatch Logs',
  description:
    "Checks whether an Amazon OpenSearch Service domain publishes logs to CloudWatch Logs. Without logTypes any enabled log passes; with logTypes ('error', 'search', 'index'), each listed log must be enabled.",
  area: 'detection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::OpenSearch::Domain'],
  wellArchitected: ['SEC04-BP01'],
  rationale: {
    'SEC04-BP01': 'The domain publishes its service logs to CloudWatch Logs.',
  },
  references: { awsConfigRules: ['opensearch-logs-to-cloudwatch'], securityHub: ['Opensearch.4'] },
  trigger: 'change',
  parameters: z.strictObject({ logTypes: param.csv() }),
  remediation: {
    text: 'Turn on publishing of error logs (and the slow logs you need) for the domain to a CloudWatch Logs log group whose resource policy lets OpenSearch Service write to it.',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createdomain-configure-slow-logs.html',
  },
  evaluate: (item, ctx) => checkLogsToCloudWatch(item, ctx.params.logTypes),
});
