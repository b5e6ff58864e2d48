import { CloudWatchClient, paginateDescribeAlarms } from '@aws-sdk/client-cloudwatch';
import { configObject } from '../ci.js';
import type { ServiceReader } from '../reader.js';

const ALARM = 'AWS::CloudWatch::Alarm';

/** State fields change with every evaluation; AWS Config does not record them. */
const STATE_FIELDS = [
  'stateValue',
  'stateReason',
  'stateReasonData',
  'stateUpdatedTimestamp',
  'stateTransitionedTimestamp',
];

/** Metric alarms (AWS Config records composite alarms as no type), resource id the alarm name. */
export const cloudWatchReader: ServiceReader = {
  service: 'cloudwatch',
  scope: 'regional',
  resourceTypes: [ALARM],
  factTypes: [],
  async read(ctx) {
    if (!ctx.wants(ALARM)) return;
    const cw = ctx.clients.get(CloudWatchClient, 'cloudwatch', ctx.region);
    await ctx.attempt('DescribeAlarms', [ALARM], async () => {
      for await (const page of paginateDescribeAlarms({ client: cw }, { AlarmTypes: ['MetricAlarm'] })) {
        for (const a of page.MetricAlarms ?? []) {
          const configuration = configObject({ ...a, OKActions: undefined });
          for (const f of STATE_FIELDS) delete configuration[f];
          // AWS Config writes `okactions`.
          configuration['okactions'] = a.OKActions ?? [];
          configuration['alarmActions'] ??= [];
          configuration['insufficientDataActions'] ??= [];
          configuration['dimensions'] ??= [];
          ctx.item({
            resourceType: ALARM,
            resourceId: a.AlarmName!,
            resourceName: a.AlarmName,
            arn: a.AlarmArn,
            configuration,
          });
        }
      }
    });
  },
};
