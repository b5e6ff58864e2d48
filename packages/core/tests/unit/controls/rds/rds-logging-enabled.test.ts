import { describe, expect, it } from 'vitest';
import { rdsLoggingEnabled as control } from '../../../../src/controls/rds/rds-logging-enabled.js';
import { fixture, run, verdict } from '../../../helpers.js';

const happy = () => {
  const ci = fixture('AWS::RDS::DBInstance', 'encrypted-private');
  ci.configuration.enabledCloudwatchLogsExports = ['postgresql', 'upgrade'];
  return ci;
};

describe('rds-logging-enabled', () => {
  it('compliant: PostgreSQL exports postgresql and upgrade logs', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('DB instance orders-db publishes postgresql, upgrade logs to CloudWatch Logs.');
  });

  it('non-compliant: a required log type is not exported', () => {
    const v = verdict(control, fixture('AWS::RDS::DBInstance', 'encrypted-private'));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('DB instance orders-db does not publish upgrade logs to CloudWatch Logs.');
  });

  it('non-compliant: MySQL without its audit, error, general and slow query logs', () => {
    const ci = happy();
    ci.configuration.engine = 'mysql';
    ci.configuration.enabledCloudwatchLogsExports = ['error'];
    expect(verdict(control, ci).annotation).toBe(
      'DB instance orders-db does not publish audit, general, slowquery logs to CloudWatch Logs.',
    );
  });

  it('non-compliant with additionalLogs: an extra log type for the engine', () => {
    const v = verdict(control, happy(), {
      params: { additionalLogs: 'postgres: iam-db-auth-error ; oracle: oemagent' },
    });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('DB instance orders-db does not publish iam-db-auth-error logs to CloudWatch Logs.');
    expect(() => control.parseParameters({ additionalLogs: 'postgres iam-db-auth-error' })).toThrow(/additionalLogs/);
  });

  it('Aurora members: judged by the cluster exports', () => {
    const member = happy();
    member.configuration.engine = 'aurora-postgresql';
    member.configuration.dBClusterIdentifier = 'orders-aurora';
    member.configuration.enabledCloudwatchLogsExports = [];
    const cluster = fixture('AWS::RDS::DBCluster', 'aurora-postgresql');
    const { evaluations } = run(control, [member], { with: [cluster] });
    expect(evaluations.map((e) => [e.compliance, e.annotation])).toEqual([
      ['COMPLIANT', 'DB instance orders-db (cluster orders-aurora) publishes postgresql logs to CloudWatch Logs.'],
    ]);
    const missing = verdict(control, member);
    expect(missing.compliance).toBe('INSUFFICIENT_DATA');
    expect(missing.annotation).toBe(
      'DB instance orders-db belongs to DB cluster orders-aurora, which is not in the input.',
    );
  });

  it('not applicable: DB instance not available', () => {
    const ci = happy();
    ci.configuration.dBInstanceStatus = 'stopped';
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NOT_APPLICABLE');
    expect(v.annotation).toBe('DB instance orders-db is stopped.');
  });

  it('not applicable: deleted DB instance', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
