import {
  type Condition,
  GetAdministratorAccountCommand,
  GetDetectorCommand,
  GetFindingsCommand,
  GetFindingsStatisticsCommand,
  GuardDutyClient,
  ListDetectorsCommand,
  ListFindingsCommand,
} from '@aws-sdk/client-guardduty';
import {
  type GuardDutyFindingsSummary,
  GuardDutyFindingsSummaryFact,
  type GuardDutyStatus,
  GuardDutyStatusFact,
} from '@rampart/core';
import type { ReaderContext, ServiceReader } from '../reader.js';

type Band = GuardDutyFindingsSummary['severities'][number]['severity'];

/** GuardDuty's severity bands: Low 1–3.9, Medium 4–6.9, High 7–8.9, Critical 9–10. */
const BANDS: readonly { severity: Band; gte: number; lt: number | undefined }[] = [
  { severity: 'LOW', gte: 0, lt: 4 },
  { severity: 'MEDIUM', gte: 4, lt: 7 },
  { severity: 'HIGH', gte: 7, lt: 9 },
  { severity: 'CRITICAL', gte: 9, lt: undefined },
];

export function severityBand(severity: number): Band {
  return BANDS.find((b) => severity >= b.gte && (b.lt === undefined || severity < b.lt))?.severity ?? 'LOW';
}

const NOT_ARCHIVED: Record<string, Condition> = { 'service.archived': { Eq: ['false'] } };

/**
 * Non-archived findings per band: counts from GetFindingsStatistics, and for each band with findings the
 * oldest one (ListFindings sorted by createdAt, one id, then GetFindings for its CreatedAt).
 */
async function findingsSummary(gd: GuardDutyClient, detectorId: string): Promise<GuardDutyFindingsSummary> {
  const stats = await gd.send(
    new GetFindingsStatisticsCommand({
      DetectorId: detectorId,
      FindingStatisticTypes: ['COUNT_BY_SEVERITY'],
      FindingCriteria: { Criterion: NOT_ARCHIVED },
    }),
  );
  const counts = new Map<Band, number>(BANDS.map((b) => [b.severity, 0]));
  for (const [severity, count] of Object.entries(stats.FindingStatistics?.CountBySeverity ?? {})) {
    const band = severityBand(Number(severity));
    counts.set(band, (counts.get(band) ?? 0) + count);
  }
  const severities = [];
  for (const band of BANDS) {
    const count = counts.get(band.severity) ?? 0;
    let oldestCreatedAt: string | null = null;
    if (count > 0) {
      const listed = await gd.send(
        new ListFindingsCommand({
          DetectorId: detectorId,
          FindingCriteria: {
            Criterion: {
              ...NOT_ARCHIVED,
              severity: band.lt === undefined ? { Gte: band.gte } : { Gte: band.gte, Lt: band.lt },
            },
          },
          SortCriteria: { AttributeName: 'createdAt', OrderBy: 'ASC' },
          MaxResults: 1,
        }),
      );
      const id = listed.FindingIds?.[0];
      if (id !== undefined) {
        const found = await gd.send(new GetFindingsCommand({ DetectorId: detectorId, FindingIds: [id] }));
        const created = found.Findings?.[0]?.CreatedAt;
        oldestCreatedAt = created === undefined ? null : new Date(created).toISOString();
      }
    }
    severities.push({ severity: band.severity, count, oldestCreatedAt });
  }
  return { detectorId, severities };
}

async function status(gd: GuardDutyClient, detectorId: string): Promise<GuardDutyStatus> {
  const detector = await gd.send(new GetDetectorCommand({ DetectorId: detectorId }));
  const admin = await gd.send(new GetAdministratorAccountCommand({ DetectorId: detectorId }));
  return {
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
}

export const guardDutyReader: ServiceReader = {
  service: 'guardduty',
  scope: 'regional',
  resourceTypes: [],
  factTypes: [GuardDutyStatusFact.type, GuardDutyFindingsSummaryFact.type],
  async read(ctx: ReaderContext) {
    const gd = ctx.clients.get(GuardDutyClient, 'guardduty', ctx.region);
    const wanted = [GuardDutyStatusFact.type, GuardDutyFindingsSummaryFact.type].filter((t) => ctx.wants(t));
    // A region has at most one detector.
    const listed = await ctx.attempt(
      'ListDetectors',
      wanted,
      async () => (await gd.send(new ListDetectorsCommand({}))).DetectorIds ?? [],
    );
    if (listed === undefined) return;
    const detectorId = listed[0];
    if (detectorId === undefined) {
      if (ctx.wants(GuardDutyStatusFact.type))
        ctx.fact(GuardDutyStatusFact, { detectorId: null, status: null, features: [] });
      if (ctx.wants(GuardDutyFindingsSummaryFact.type))
        ctx.fact(GuardDutyFindingsSummaryFact, { detectorId: null, severities: [] });
      return;
    }
    await Promise.all([
      ctx.wants(GuardDutyStatusFact.type) &&
        ctx.attempt('GetDetector', [GuardDutyStatusFact.type], async () =>
          ctx.fact(GuardDutyStatusFact, await status(gd, detectorId)),
        ),
      ctx.wants(GuardDutyFindingsSummaryFact.type) &&
        ctx.attempt('GetFindingsStatistics', [GuardDutyFindingsSummaryFact.type], async () =>
          ctx.fact(GuardDutyFindingsSummaryFact, await findingsSummary(gd, detectorId)),
        ),
    ]);
  },
};
