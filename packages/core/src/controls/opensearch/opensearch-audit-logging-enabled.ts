import * as z from 'zod';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import { domainView, LOG_TYPES } from './domain.js';

export const opensearchAuditLoggingEnabled = defineControl({
  id: 'opensearch-audit-logging-enabled',
  title: 'OpenSearch domains have audit logging enabled',
  description:
    'Checks whether an Amazon OpenSearch Service domain publishes audit logs (AUDIT_LOGS) to CloudWatch Logs. With cloudWatchLogsLogGroupArnList set, the log group must be one of those ARNs.',
  area: 'detection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::OpenSearch::Domain'],
  wellArchitected: ['SEC04-BP01'],
  rationale: {
    'SEC04-BP01': 'The domain records who accessed which index, for investigation.',
  },
  references: { awsConfigRules: ['opensearch-audit-logging-enabled'], securityHub: ['Opensearch.5'] },
  trigger: 'change',
  parameters: z.strictObject({ cloudWatchLogsLogGroupArnList: param.csv() }),
  remediation: {
    text: 'Turn on fine-grained access control, then enable audit log publishing to a CloudWatch Logs log group and choose the audit categories in OpenSearch Dashboards.',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html',
  },
  evaluate(item, ctx) {
    const d = domainView(item);
    const audit = d.logs[LOG_TYPES.audit];
    if (!audit?.enabled) return nonCompliant(`${d.label} does not publish audit logs.`);
    const allowed = ctx.params.cloudWatchLogsLogGroupArnList;
    const arn = audit.logGroupArn;
    const bare = (a: string) => a.replace(/:\*$/, '');
    if (allowed.length > 0 && (arn === undefined || !allowed.map(bare).includes(bare(arn)))) {
      return nonCompliant(
        `${d.label} publishes audit logs to ${arn ?? 'an unknown log group'}, which is not in cloudWatchLogsLogGroupArnList.`,
      );
    }
    return compliant(`${d.label} publishes audit logs to ${arn ?? 'CloudWatch Logs'}.`);
  },
});
