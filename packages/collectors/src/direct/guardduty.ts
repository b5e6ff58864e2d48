import {
  GetAdministratorAccountCommand,
  GetDetectorCommand,
  GuardDutyClient,
  ListDetectorsCommand,
} from '@aws-sdk/client-guardduty';
import { type GuardDutyStatus, GuardDutyStatusFact } from '@rampart/core';
import type { ServiceReader } from '../reader.js';

export const guardDutyReader: ServiceReader = {
  service: 'guardduty',
  scope: 'regional',
  resourceTypes: [],
  factTypes: [GuardDutyStatusFact.type],
  async read(ctx) {
    const gd = ctx.clients.get(GuardDutyClient, 'guardduty', ctx.region);
    await ctx.attempt('ListDetectors', [GuardDutyStatusFact.type], async () => {
      // A region has at most one detector.
      const detectorId = (await gd.send(new ListDetectorsCommand({}))).DetectorIds?.[0];
      if (detectorId === undefined) {
        ctx.fact(GuardDutyStatusFact, { detectorId: null, status: null, features: [] });
        return;
      }
      const detector = await gd.send(new GetDetectorCommand({ DetectorId: detectorId }));
      const admin = await gd.send(new GetAdministratorAccountCommand({ DetectorId: detectorId }));
      const value: GuardDutyStatus = {
        detectorId,
        status: detector.Status ?? null,
        findingPublishingFrequency: detector.FindingPublishingFrequency ?? null,
        features: (detector.Features ?? []).map((f) => ({
          name: f.Name ?? 'unknown',
          status: f.Status ?? 'DISABLED',
          additionalConfiguration: (f.AdditionalConfiguration ?? []).map((a) => ({
            name: a.Name ?? 'unknown',
            status: a.Status ?? 'DISABLED',
          })),
        })),
        administratorAccountId: admin.Administrator?.AccountId ?? null,
      };
      ctx.fact(GuardDutyStatusFact, value);
    });
  },
};
