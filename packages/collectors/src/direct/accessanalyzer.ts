import { AccessAnalyzerClient, paginateListAnalyzers } from '@aws-sdk/client-accessanalyzer';
import { type AccessAnalyzerAnalyzers, AccessAnalyzerAnalyzersFact } from '@rampart/core';
import type { ServiceReader } from '../reader.js';

/** Every analyzer of the region, of every type (external and unused access, account and organization). */
export const accessAnalyzerReader: ServiceReader = {
  service: 'accessanalyzer',
  scope: 'regional',
  resourceTypes: [],
  factTypes: [AccessAnalyzerAnalyzersFact.type],
  async read(ctx) {
    const aa = ctx.clients.get(AccessAnalyzerClient, 'accessanalyzer', ctx.region);
    await ctx.attempt('ListAnalyzers', [AccessAnalyzerAnalyzersFact.type], async () => {
      const analyzers: AccessAnalyzerAnalyzers['analyzers'] = [];
      for await (const page of paginateListAnalyzers({ client: aa }, {})) {
        for (const a of page.analyzers ?? []) {
          analyzers.push({
            name: a.name ?? '',
            arn: a.arn ?? '',
            type: a.type ?? 'UNKNOWN',
            status: a.status ?? 'UNKNOWN',
            createdAt: a.createdAt?.toISOString() ?? null,
            statusReason: a.statusReason?.code ?? null,
          });
        }
      }
      ctx.fact(AccessAnalyzerAnalyzersFact, { analyzers });
    });
  },
};
