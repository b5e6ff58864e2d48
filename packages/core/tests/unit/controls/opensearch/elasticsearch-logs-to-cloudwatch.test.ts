import { describe, expect, it } from 'vitest';
import { elasticsearchLogsToCloudwatch as control } from '../../../../src/controls/opensearch/elasticsearch-logs-to-cloudwatch.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::Elasticsearch::Domain', 'vpc-encrypted');

describe('elasticsearch-logs-to-cloudwatch', () => {
  it('compliant: logs published to CloudWatch Logs', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Elasticsearch domain legacy-logs publishes ES_APPLICATION_LOGS to CloudWatch Logs.');
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no logs published', () => {
    const ci = happy();
    for (const setting of Object.values(ci.configuration.logPublishingOptions) as { enabled: boolean }[])
      setting.enabled = false;
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Elasticsearch domain legacy-logs does not publish any logs to CloudWatch Logs.');
  });

  it('compliant with logTypes: error logs on', () => {
    expect(verdict(control, happy(), { params: { logTypes: 'error' } }).compliance).toBe('COMPLIANT');
  });

  it('non-compliant with logTypes: search and index slow logs off', () => {
    const v = verdict(control, happy(), { params: { logTypes: 'error, search, index' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Elasticsearch domain legacy-logs does not publish SEARCH_SLOW_LOGS, INDEX_SLOW_LOGS to CloudWatch Logs.',
    );
  });

  it('not applicable: deleted domain', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
