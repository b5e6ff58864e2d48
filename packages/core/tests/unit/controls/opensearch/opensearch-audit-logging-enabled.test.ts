import { describe, expect, it } from 'vitest';
import { opensearchAuditLoggingEnabled as control } from '../../../../src/controls/opensearch/opensearch-audit-logging-enabled.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const AUDIT = 'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/opensearch/orders-search/audit';
const happy = () => fixture('AWS::OpenSearch::Domain', 'vpc-encrypted');

describe('opensearch-audit-logging-enabled', () => {
  it('compliant: audit logs published', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(`OpenSearch domain orders-search publishes audit logs to ${AUDIT}.`);
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: audit logs not published', () => {
    const ci = happy();
    delete ci.configuration.LogPublishingOptions.AUDIT_LOGS;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('OpenSearch domain orders-search does not publish audit logs.');
  });

  it('compliant with cloudWatchLogsLogGroupArnList: log group listed (with or without :*)', () => {
    expect(verdict(control, happy(), { params: { cloudWatchLogsLogGroupArnList: `${AUDIT}:*` } }).compliance).toBe(
      'COMPLIANT',
    );
  });

  it('non-compliant with cloudWatchLogsLogGroupArnList: another log group', () => {
    const other = 'arn:aws:logs:eu-west-1:123456789012:log-group:/security/opensearch-audit';
    const v = verdict(control, happy(), { params: { cloudWatchLogsLogGroupArnList: other } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `OpenSearch domain orders-search publishes audit logs to ${AUDIT}, which is not in cloudWatchLogsLogGroupArnList.`,
    );
  });

  it('not applicable: deleted domain', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
