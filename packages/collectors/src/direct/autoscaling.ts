import { AutoScalingClient, paginateDescribeLaunchConfigurations } from '@aws-sdk/client-auto-scaling';
import { configObject } from '../ci.js';
import type { ServiceReader } from '../reader.js';

const LAUNCH_CONFIGURATION = 'AWS::AutoScaling::LaunchConfiguration';

/** Launch configurations, resource id the name; AutoScaling's own names are AWS Config's (`launchConfigurationARN`). */
export const autoScalingReader: ServiceReader = {
  service: 'auto-scaling',
  scope: 'regional',
  resourceTypes: [LAUNCH_CONFIGURATION],
  factTypes: [],
  async read(ctx) {
    if (!ctx.wants(LAUNCH_CONFIGURATION)) return;
    const as = ctx.clients.get(AutoScalingClient, 'auto-scaling', ctx.region);
    await ctx.attempt('DescribeLaunchConfigurations', [LAUNCH_CONFIGURATION], async () => {
      for await (const page of paginateDescribeLaunchConfigurations({ client: as }, {})) {
        for (const lc of page.LaunchConfigurations ?? []) {
          const configuration = configObject(lc);
          configuration['securityGroups'] ??= [];
          configuration['blockDeviceMappings'] ??= [];
          ctx.item({
            resourceType: LAUNCH_CONFIGURATION,
            resourceId: lc.LaunchConfigurationName!,
            resourceName: lc.LaunchConfigurationName,
            arn: lc.LaunchConfigurationARN,
            configuration,
          });
        }
      }
    });
  },
};
