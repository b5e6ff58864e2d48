import * as z from 'zod';
import type { ConfigItem } from '../../ci/config-item.js';
import { compliant, defineControl, insufficientData, nonCompliant, notApplicable } from '../../model/control.js';
import { dbInstanceName } from './db-instance-configuration.js';

/** The log exports the managed rule requires per engine (Security Hub RDS.9). */
const REQUIRED_LOGS: Readonly<Record<string, readonly string[]>> = {
  oracle: ['alert', 'audit', 'trace', 'listener'],
  postgres: ['postgresql', 'upgrade'],
  mysql: ['audit', 'error', 'general', 'slowquery'],
  mariadb: ['audit', 'error', 'general', 'slowquery'],
  sqlserver: ['error', 'agent'],
  aurora: ['audit', 'error', 'general', 'slowquery'],
  'aurora-mysql': ['audit', 'error', 'general', 'slowquery'],
  'aurora-postgresql': ['postgresql'],
};

/** The managed rule evaluates DB instances in these states only. */
const EVALUATED_STATUSES = new Set(['available', 'backing-up', 'storage-optimization', 'storage-full']);

/** `oracle-ee` → oracle, `sqlserver-se` → sqlserver; other engine names are their own family. */
function engineFamily(engine: string): string {
  if (engine.startsWith('oracle')) return 'oracle';
  if (engine.startsWith('sqlserver')) return 'sqlserver';
  return engine;
}

/** "oracle: general, slowquery ; aurora: alert, slowquery" (a StringMap as the rule takes it), or an object. */
const additionalLogs = z
  .union([z.string(), z.record(z.string(), z.union([z.string(), z.array(z.string())]))])
  .optional()
  .transform((value, ctx) => {
    const out: Record<string, string[]> = {};
    const add = (engine: string, logs: string | string[]) => {
      const list = (Array.isArray(logs) ? logs : logs.split(',')).map((l) => l.trim().toLowerCase()).filter(Boolean);
      const key = engine.trim().toLowerCase();
      if (key === '') return;
      out[key] = [...(out[key] ?? []), ...list];
    };
    if (value === undefined) return out;
    if (typeof value !== 'string') {
      for (const [engine, logs] of Object.entries(value)) add(engine, logs);
      return out;
    }
    for (const part of value.split(';')) {
      if (part.trim() === '') continue;
      const colon = part.indexOf(':');
      if (colon < 0) {
        ctx.addIssue({ code: 'custom', message: `expected "engine: log, log", got "${part.trim()}"` });
        return z.NEVER;
      }
      add(part.slice(0, colon), part.slice(colon + 1));
    }
    return out;
  });

interface ClusterLogs {
  identifier: string;
  logs: string[];
}

function clustersByIdentifier(items: readonly ConfigItem[]): Map<string, ClusterLogs> {
  const map = new Map<string, ClusterLogs>();
  for (const cluster of items) {
    const id = cluster.configuration['dbclusterIdentifier'];
    if (typeof id !== 'string') continue;
    const logs = cluster.configuration['enabledCloudwatchLogsExports'];
    map.set(id, { identifier: id, logs: Array.isArray(logs) ? logs.map(String) : [] });
  }
  return map;
}

export const rdsLoggingEnabled = defineControl({
  id: 'rds-logging-enabled',
  title: 'RDS DB instances publish their engine logs to CloudWatch Logs',
  description:
    'Checks whether an Amazon RDS DB instance exports the log types the engine should export to CloudWatch Logs (for example postgresql and upgrade for PostgreSQL), plus those additionalLogs names for the engine. Aurora instances are judged by their cluster exports.',
  area: 'detection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::RDS::DBInstance'],
  wellArchitected: ['SEC04-BP01'],
  rationale: {
    'SEC04-BP01': 'Database engine logs (audit, error, connection) are published to CloudWatch Logs.',
  },
  references: { awsConfigRules: ['rds-logging-enabled'], securityHub: ['RDS.9'] },
  trigger: 'periodic',
  needs: ['AWS::RDS::DBCluster'],
  parameters: z.strictObject({ additionalLogs }),
  remediation: {
    text: 'Modify the DB instance (or its Aurora cluster) to publish the engine logs to CloudWatch Logs; for MySQL and MariaDB also turn the general, slow query and audit logs on in the parameter and option groups.',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html',
  },
  evaluate(item, ctx) {
    const c = item.configuration;
    const name = dbInstanceName(item);
    const status = typeof c['dBInstanceStatus'] === 'string' ? c['dBInstanceStatus'] : undefined;
    if (status !== undefined && !EVALUATED_STATUSES.has(status)) {
      return notApplicable(`DB instance ${name} is ${status}.`);
    }
    const engine = typeof c['engine'] === 'string' ? c['engine'] : '';
    const family = engineFamily(engine);
    const extra = ctx.params.additionalLogs;
    const required = [
      ...new Set([
        ...(REQUIRED_LOGS[family] ?? []),
        ...(extra[engine] ?? []),
        ...(family !== engine ? (extra[family] ?? []) : []),
      ]),
    ];
    if (required.length === 0)
      return notApplicable(`DB instance ${name} runs engine ${engine}, which has no required log types.`);

    let enabled = Array.isArray(c['enabledCloudwatchLogsExports'])
      ? (c['enabledCloudwatchLogsExports'] as unknown[]).map(String)
      : [];
    let where = `DB instance ${name}`;
    const clusterId = c['dBClusterIdentifier'];
    if (typeof clusterId === 'string' && clusterId !== '') {
      const clusters = ctx.memo('rds:clusters-by-identifier', () =>
        clustersByIdentifier(ctx.items('AWS::RDS::DBCluster')),
      );
      const cluster = clusters.get(clusterId);
      if (cluster === undefined) {
        return insufficientData(`DB instance ${name} belongs to DB cluster ${clusterId}, which is not in the input.`);
      }
      enabled = cluster.logs;
      where = `DB instance ${name} (cluster ${clusterId})`;
    }
    const missing = required.filter((log) => !enabled.includes(log));
    if (missing.length > 0) {
      return nonCompliant(`${where} does not publish ${missing.join(', ')} logs to CloudWatch Logs.`);
    }
    return compliant(`${where} publishes ${required.join(', ')} logs to CloudWatch Logs.`);
  },
});
