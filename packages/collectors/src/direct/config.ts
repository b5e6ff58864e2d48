import {
  ConfigServiceClient,
  DescribeConfigurationRecorderStatusCommand,
  DescribeConfigurationRecordersCommand,
} from '@aws-sdk/client-config-service';
import { type ConfigRecorder, ConfigRecordersFact } from '@rampart/core';
import type { ServiceReader } from '../reader.js';

/** The region's configuration recorders (customer-managed and service-linked) with their status. */
export const configRecordersReader: ServiceReader = {
  service: 'config',
  scope: 'regional',
  resourceTypes: [],
  factTypes: [ConfigRecordersFact.type],
  async read(ctx) {
    const config = ctx.clients.get(ConfigServiceClient, 'config', ctx.region);
    await ctx.attempt('DescribeConfigurationRecorders', [ConfigRecordersFact.type], async () => {
      const recorders = (await config.send(new DescribeConfigurationRecordersCommand({}))).ConfigurationRecorders ?? [];
      const statuses =
        recorders.length === 0
          ? []
          : ((await config.send(new DescribeConfigurationRecorderStatusCommand({}))).ConfigurationRecordersStatus ??
            []);
      const statusOf = new Map(statuses.map((s) => [s.name, s]));
      const value: ConfigRecorder[] = recorders.map((r) => {
        const g = r.recordingGroup;
        const s = statusOf.get(r.name);
        return {
          name: r.name ?? 'default',
          roleArn: r.roleARN ?? null,
          servicePrincipal: r.servicePrincipal ?? null,
          recordingGroup:
            g === undefined
              ? null
              : {
                  allSupported: g.allSupported === true,
                  includeGlobalResourceTypes: g.includeGlobalResourceTypes === true,
                  resourceTypes: g.resourceTypes ?? [],
                  exclusionByResourceTypes:
                    g.exclusionByResourceTypes === undefined
                      ? null
                      : { resourceTypes: g.exclusionByResourceTypes.resourceTypes ?? [] },
                  recordingStrategy: g.recordingStrategy?.useOnly ? { useOnly: g.recordingStrategy.useOnly } : null,
                },
          recordingMode: r.recordingMode?.recordingFrequency
            ? { recordingFrequency: r.recordingMode.recordingFrequency }
            : null,
          status:
            s === undefined
              ? null
              : {
                  recording: s.recording === true,
                  lastStatus: s.lastStatus ?? null,
                  lastStatusChangeTime: s.lastStatusChangeTime?.toISOString() ?? null,
                  lastErrorCode: s.lastErrorCode ?? null,
                  lastErrorMessage: s.lastErrorMessage ?? null,
                },
        };
      });
      ctx.fact(ConfigRecordersFact, { recorders: value });
    });
  },
};
