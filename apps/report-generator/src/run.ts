import type { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SecurityHubClient } from '@aws-sdk/client-securityhub';
import {
  type Control,
  compareEvaluations,
  type Evaluation,
  type EvaluationScope,
  GLOBAL_REGION,
  type IncompleteScope,
} from '@rampart/core';
import {
  controlMap,
  type ExportSummary,
  exportToSecurityHub,
  ReportBuilder,
  renderHtmlReport,
  renderJsonReport,
} from '@rampart/findings';
import {
  evaluationRegion,
  listAccountRules,
  listAggregatorRules,
  type ResultSource,
  type RuleTarget,
  readRuleResults,
} from './config-results.js';
import type { Env } from './env.js';
import { errorCode, errorMessage } from './errors.js';

export interface ReportDependencies {
  config: ConfigServiceClient;
  s3: S3Client;
  /** Security Hub client per region (the exporter visits every region it imports into). */
  securityHubFor: (region: string) => SecurityHubClient;
  now: () => Date;
  controls?: ReadonlyMap<string, Control<unknown>>;
  log?: { info(message: string, extra?: object): void; warn(message: string, extra?: object): void };
}

export interface ReadFailure {
  ruleName: string;
  accountId: string;
  region: string;
  code: string;
  message: string;
}

/** What one run did: the fields of the summary log line and the handler's result. */
export interface RunSummary {
  source: 'account' | 'aggregator';
  rules: number;
  unknownRules: string[];
  accounts: number;
  regions: number;
  evaluations: number;
  compliant: number;
  nonCompliant: number;
  notApplicable: number;
  insufficientData: number;
  score: number | null;
  /** Results AWS Config returned without a resource or with a status Rampart does not know. */
  skippedResults: number;
  apiPages: number;
  readFailures: ReadFailure[];
  securityHub:
    | Pick<
        ExportSummary,
        'new' | 'updated' | 'unchanged' | 'archived' | 'failed' | 'keptIncomplete' | 'outdated' | 'requests'
      >
    | 'disabled';
  findingFailures: { id: string; code: string; message?: string | undefined }[];
  report: { bucket: string; key: string; jsonKey: string; bytes: number };
}

const NOOP_LOG = { info: () => {}, warn: () => {} };

/**
 * Reads AWS Config's results for Rampart rules (this account's rules, or an aggregator's), exports
 * them to Security Hub one account at a time — each account's scope being the rules, regions and
 * results read for it, so nothing outside what was read is archived — and writes the HTML and JSON
 * reports to S3 with SSE-KMS. Memory holds one account's evaluations plus the report's failures.
 */
export async function generateReport(env: Env, deps: ReportDependencies): Promise<RunSummary> {
  const log = deps.log ?? NOOP_LOG;
  const controls = deps.controls ?? controlMap();
  const now = deps.now();
  const source: ResultSource =
    env.RAMPART_AGGREGATOR_NAME !== undefined
      ? { kind: 'aggregator', name: env.RAMPART_AGGREGATOR_NAME }
      : { kind: 'account' };
  const listing =
    source.kind === 'aggregator'
      ? await listAggregatorRules(deps.config, source.name, env.RAMPART_RULE_PREFIX, controls)
      : await listAccountRules(deps.config, env.RAMPART_RULE_PREFIX, controls, { region: env.AWS_REGION });
  for (const name of listing.unknownRules) {
    log.warn('Config rule names no control of this catalog; not read', { ruleName: name });
  }

  const byAccount = new Map<string, RuleTarget[]>();
  for (const t of listing.targets) {
    const list = byAccount.get(t.accountId) ?? [];
    list.push(t);
    byAccount.set(t.accountId, list);
  }
  const accounts = [...byAccount.keys()].sort();
  const allRegions = [...new Set(listing.targets.map((t) => t.region))].sort();
  const allControls = [...new Set(listing.targets.map((t) => t.controlId))].sort();

  const builder = new ReportBuilder(controls);
  const readFailures: ReadFailure[] = [];
  const incompleteAll: IncompleteScope[] = [];
  let apiPages = listing.pages;
  let skippedResults = 0;
  const exported: ExportSummary[] = [];

  for (const accountId of accounts) {
    const targets = byAccount.get(accountId)!;
    const evaluations: Evaluation[] = [];
    const gaps = new Map<string, Set<string>>();
    const gap = (region: string, types: readonly string[]) => {
      const set = gaps.get(region) ?? new Set<string>();
      for (const t of types) set.add(t);
      gaps.set(region, set);
    };
    for (const target of targets) {
      const control = controls.get(target.controlId)!;
      try {
        for await (const page of readRuleResults(deps.config, source, target, control)) {
          apiPages++;
          skippedResults += page.skipped;
          for (const e of page.evaluations) evaluations.push(e);
        }
      } catch (error) {
        const failure = {
          ruleName: target.ruleName,
          accountId,
          region: target.region,
          code: errorCode(error),
          message: errorMessage(error),
        };
        readFailures.push(failure);
        const { message, ...where } = failure;
        // `message` is reserved in a Powertools log line.
        log.warn('Could not read the results of a Config rule; its findings are kept as they are', {
          ...where,
          reason: message,
        });
        const types = [...control.resourceTypes, ...control.needs];
        gap(target.region, types);
        // Its global resources (IAM, account-wide facts) carry region "global": keep their findings too.
        if (types.some((t) => evaluationRegion(t, control, target.region) === GLOBAL_REGION)) gap(GLOBAL_REGION, types);
      }
    }
    // A control without a rule in one of the account's regions says nothing there: never archive its findings.
    const regions = [...new Set(targets.map((t) => t.region))].sort();
    const controlIds = [...new Set(targets.map((t) => t.controlId))].sort();
    for (const region of regions) {
      for (const id of controlIds) {
        if (!targets.some((t) => t.region === region && t.controlId === id)) {
          const c = controls.get(id)!;
          gap(region, [...c.resourceTypes, ...c.needs]);
        }
      }
    }
    const incomplete = [...gaps]
      .map(([region, types]) => ({ accountId, region, resourceTypes: [...types].sort() }))
      .sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));
    incompleteAll.push(...incomplete);
    // Same order as `rampart evaluate`: regions, then control, resource type, resource id.
    evaluations.sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : compareEvaluations(a, b)));
    for (const e of evaluations) builder.add(e);

    if (env.RAMPART_EXPORT_FINDINGS === 'true') {
      const scope: EvaluationScope = {
        controls: controlIds,
        accounts: [accountId],
        regions,
        now: now.toISOString(),
        incomplete,
      };
      const summary = await exportToSecurityHub(
        { evaluations, scope },
        {
          clientFor: deps.securityHubFor,
          homeRegion: env.RAMPART_HOME_REGION ?? env.AWS_REGION,
          now,
          controls,
          log: (message) => log.info(message),
        },
      );
      exported.push(summary);
    }
  }

  const scope: EvaluationScope = {
    controls: allControls,
    accounts,
    regions: allRegions,
    now: now.toISOString(),
    incomplete: incompleteAll,
  };
  const model = builder.build(scope, {
    title:
      source.kind === 'aggregator'
        ? `Rampart security report: aggregator ${source.name}`
        : `Rampart security report: account ${accounts.join(', ') || '(no rules)'}`,
    generatedAt: now.toISOString(),
  });
  const html = renderHtmlReport(model);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const base = `${env.RAMPART_REPORT_PREFIX}${now.toISOString().slice(0, 10)}/rampart-report-${stamp}`;
  const put = (key: string, body: string, contentType: string) =>
    deps.s3.send(
      new PutObjectCommand({
        Bucket: env.RAMPART_REPORT_BUCKET,
        Key: key,
        Body: body,
        ContentType: contentType,
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: env.RAMPART_REPORT_KMS_KEY_ID,
      }),
    );
  await put(`${base}.html`, html, 'text/html; charset=utf-8');
  await put(`${base}.json`, renderJsonReport(model), 'application/json');

  const sum = (key: keyof ExportSummary) => exported.reduce((n, s) => n + (s[key] as number), 0);
  return {
    source: source.kind,
    rules: listing.targets.length,
    unknownRules: listing.unknownRules,
    accounts: accounts.length,
    regions: allRegions.length,
    evaluations: model.totals.evaluations,
    compliant: model.totals.compliant,
    nonCompliant: model.totals.nonCompliant,
    notApplicable: model.totals.notApplicable,
    insufficientData: model.totals.insufficientData,
    score: model.totals.score,
    skippedResults,
    apiPages,
    readFailures,
    securityHub:
      env.RAMPART_EXPORT_FINDINGS === 'true'
        ? {
            new: sum('new'),
            updated: sum('updated'),
            unchanged: sum('unchanged'),
            archived: sum('archived'),
            failed: sum('failed'),
            keptIncomplete: sum('keptIncomplete'),
            outdated: sum('outdated'),
            requests: sum('requests'),
          }
        : 'disabled',
    findingFailures: exported.flatMap((s) => s.failures.map((f) => ({ id: f.id, code: f.code, message: f.message }))),
    report: {
      bucket: env.RAMPART_REPORT_BUCKET,
      key: `${base}.html`,
      jsonKey: `${base}.json`,
      bytes: Buffer.byteLength(html),
    },
  };
}
