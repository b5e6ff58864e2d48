import { type AwsSecurityFinding, SecurityHubClient, type SecurityHubClientConfig } from '@aws-sdk/client-securityhub';
import { type Control, type Evaluation, type EvaluationScope, GLOBAL_REGION } from '@rampart/core';
import { buildFinding, defaultHomeRegion, importRegion, PRODUCT_FIELDS } from '../asff/build.js';
import { controlMap, groupByFinding, type RunLike } from '../asff/findings.js';
import { parseFindingId } from '../asff/ids.js';
import { describeAwsError, FindingTooLargeError, HomeRegionError } from '../errors.js';
import { readExistingFindings } from './history.js';
import { type ImportFailure, importFindings } from './importer.js';
import { type Clock, systemClock, TokenBucket } from './rate-limit.js';

export interface ExportOptions {
  /** Only this Security Hub region (default: every region the run evaluated, plus the home region). */
  region?: string;
  /** Where findings on global resources live (default: the first region the run scanned). */
  homeRegion?: string;
  /** Builds the client for a region; default: the SDK's credential chain with adaptive retry. */
  clientFor?: (region: string) => SecurityHubClient;
  /**
   * The identity to import with (used by the default `clientFor`): that of the account the findings are
   * about, as BatchImportFindings requires, such as the role a cross-account scan assumed. Default: the
   * profile, else the standard chain.
   */
  credentials?: SecurityHubClientConfig['credentials'];
  /** Used by the default `clientFor`. */
  endpoint?: string;
  profile?: string;
  /** Read history and plan, but import nothing. */
  dryRun?: boolean;
  /** The export time, written as `UpdatedAt` (default: the current time). */
  now?: Date;
  /** Control metadata by id (default: the Rampart catalog). */
  controls?: ReadonlyMap<string, Control<unknown>>;
  /** BatchImportFindings quota (default 10 requests/s, burst 30); GetFindings gets 3/s, burst 6. */
  rateLimit?: { requestsPerSecond: number; burst: number };
  clock?: Clock;
  /** Retry rounds for retryable failures after the SDK's own retries (default 8). */
  maxRounds?: number;
  baseDelayMs?: number;
  /** Progress messages (the CLI writes them to stderr). */
  log?: (message: string) => void;
}

export interface ExportFailure extends ImportFailure {
  accountId: string;
  region: string;
}

export interface ExportSummary {
  dryRun: boolean;
  /** `account/region` partitions visited. */
  partitions: string[];
  new: number;
  updated: number;
  unchanged: number;
  archived: number;
  failed: number;
  /** Not archived because the run could not read their resource types (`scope.incomplete`). */
  keptIncomplete: number;
  /** Not sent because Security Hub holds a newer observation than this run. */
  outdated: number;
  requests: number;
  failures: ExportFailure[];
}

type Kind = 'new' | 'updated' | 'unchanged' | 'archived';

interface PartitionWork {
  accountId: string;
  region: string;
  groups: Map<string, Evaluation[]>;
}

/**
 * Exports a run's evaluations to Security Hub: reads the Rampart findings already there, keeps their
 * `CreatedAt`/`FirstObservedAt`, imports the new state, and archives findings of resources that are
 * gone or NOT_APPLICABLE — only inside the run's scope and never for resource types it could not read.
 * Every finding ends up counted in exactly one of new, updated, unchanged, archived or failed.
 */
export async function exportToSecurityHub(run: RunLike, options: ExportOptions = {}): Promise<ExportSummary> {
  const clock = options.clock ?? systemClock;
  const controls = options.controls ?? controlMap();
  const exportNow = (options.now ?? new Date()).toISOString();
  const homeRegion = defaultHomeRegion(run.scope, options.homeRegion);
  const clientFor = options.clientFor ?? defaultClientFactory(options);
  const rate = options.rateLimit ?? { requestsPerSecond: 10, burst: 30 };
  const log = options.log ?? (() => {});
  const summary: ExportSummary = {
    dryRun: options.dryRun === true,
    partitions: [],
    new: 0,
    updated: 0,
    unchanged: 0,
    archived: 0,
    failed: 0,
    keptIncomplete: 0,
    outdated: 0,
    requests: 0,
    failures: [],
  };
  const fail = (accountId: string, region: string, failure: ImportFailure) => {
    summary.failed++;
    summary.failures.push({ ...failure, accountId, region });
  };

  const partitions = new Map<string, PartitionWork>();
  const partitionFor = (accountId: string, region: string) => {
    const key = `${accountId}/${region}`;
    let work = partitions.get(key);
    if (work === undefined) {
      work = { accountId, region, groups: new Map() };
      partitions.set(key, work);
    }
    return work;
  };
  // Every evaluated account and region is visited, even with no evaluation left: its resources may all be gone.
  const regions = [...run.scope.regions.filter((r) => r !== GLOBAL_REGION)];
  if (homeRegion !== undefined && !regions.includes(homeRegion)) regions.push(homeRegion);
  for (const accountId of run.scope.accounts) {
    for (const region of regions)
      if (options.region === undefined || options.region === region) partitionFor(accountId, region);
  }
  for (const [id, group] of groupByFinding(run.evaluations)) {
    const e = group[0]!;
    let region: string;
    try {
      region = importRegion(e.region, homeRegion);
    } catch (error) {
      if (!(error instanceof HomeRegionError)) throw error;
      fail(e.accountId, e.region, { id, code: 'NoHomeRegion', message: error.message });
      continue;
    }
    if (options.region !== undefined && region !== options.region) continue;
    partitionFor(e.accountId, region).groups.set(id, group);
  }

  const buckets = new Map<string, { imports: TokenBucket; reads: TokenBucket }>();
  for (const work of [...partitions.values()].sort(
    (a, b) => cmp(a.accountId, b.accountId) || cmp(a.region, b.region),
  )) {
    const { accountId, region } = work;
    summary.partitions.push(`${accountId}/${region}`);
    let bucket = buckets.get(region);
    if (bucket === undefined) {
      bucket = {
        imports: new TokenBucket(rate.requestsPerSecond, rate.burst, clock),
        reads: new TokenBucket(3, 6, clock),
      };
      buckets.set(region, bucket);
    }
    const client = clientFor(region);

    let existing: Map<string, AwsSecurityFinding>;
    try {
      existing = await readExistingFindings(client, { accountId, region }, bucket.reads);
    } catch (error) {
      // Without history an import would overwrite CreatedAt and could not archive: skip the partition, loudly.
      const info = describeAwsError(error);
      for (const id of work.groups.keys()) {
        fail(accountId, region, {
          id,
          code: info.code,
          message: `GetFindings failed, nothing imported here: ${info.message}`,
        });
      }
      log(`${accountId}/${region}: GetFindings failed (${info.code}): ${info.message}`);
      continue;
    }

    const send: AwsSecurityFinding[] = [];
    const kinds = new Map<string, Kind>();
    for (const [id, group] of work.groups) {
      const control = controls.get(group[0]!.controlId);
      if (control === undefined) {
        fail(accountId, region, {
          id,
          code: 'UnknownControl',
          message: `Control ${group[0]!.controlId} is not in the catalog.`,
        });
        continue;
      }
      const previous = existing.get(id);
      if (previous !== undefined && isNewer(previous.LastObservedAt, run.scope.now)) {
        summary.outdated++;
        continue;
      }
      let finding: AwsSecurityFinding | undefined;
      try {
        finding = buildFinding(group, control, {
          homeRegion,
          times: {
            observedAt: run.scope.now,
            updatedAt: latest(exportNow, run.scope.now, previous?.UpdatedAt),
            ...(previous?.CreatedAt !== undefined ? { createdAt: previous.CreatedAt } : {}),
            ...(previous?.FirstObservedAt !== undefined ? { firstObservedAt: previous.FirstObservedAt } : {}),
          },
        });
      } catch (error) {
        if (!(error instanceof FindingTooLargeError)) throw error;
        fail(accountId, region, { id, code: 'FindingTooLarge', message: error.message });
        continue;
      }
      if (finding === undefined) {
        // NOT_APPLICABLE (or deleted): the resource has no finding any more; archive the one there is.
        if (previous !== undefined) {
          send.push(archived(previous, exportNow));
          kinds.set(id, 'archived');
        }
        continue;
      }
      send.push(finding);
      kinds.set(id, previous === undefined ? 'new' : sameContent(previous, finding) ? 'unchanged' : 'updated');
    }

    for (const [id, previous] of existing) {
      if (work.groups.has(id)) continue;
      const verdict = archiveVerdict(previous, run.scope, controls, region, homeRegion);
      if (verdict === 'out-of-scope') continue;
      if (verdict === 'incomplete') {
        summary.keptIncomplete++;
        continue;
      }
      if (isNewer(previous.LastObservedAt, run.scope.now)) {
        summary.outdated++;
        continue;
      }
      send.push(archived(previous, exportNow));
      kinds.set(id, 'archived');
    }

    if (options.dryRun) {
      for (const kind of kinds.values()) summary[kind]++;
      continue;
    }
    const result = await importFindings(client, send, {
      bucket: bucket.imports,
      clock,
      ...(options.maxRounds !== undefined ? { maxRounds: options.maxRounds } : {}),
      ...(options.baseDelayMs !== undefined ? { baseDelayMs: options.baseDelayMs } : {}),
    });
    summary.requests += result.requests;
    for (const id of result.accepted) summary[kinds.get(id)!]++;
    for (const failure of result.failures) fail(accountId, region, failure);
    log(
      `${accountId}/${region}: ${result.accepted.size} of ${send.length} finding(s) imported` +
        (result.failures.length > 0 ? `, ${result.failures.length} failed` : '') +
        (result.retried > 0 ? ` (${result.retried} retried)` : ''),
    );
  }
  return summary;
}

type ArchiveVerdict = 'archive' | 'out-of-scope' | 'incomplete';

/**
 * Whether an existing finding the run did not reproduce may be archived: its account, region and
 * control were evaluated, and nothing it depends on was unreadable.
 */
export function archiveVerdict(
  finding: AwsSecurityFinding,
  scope: EvaluationScope,
  controls: ReadonlyMap<string, Control<unknown>>,
  region: string,
  homeRegion: string | undefined,
): ArchiveVerdict {
  const parsed = parseFindingId(finding.Id ?? '');
  if (parsed === undefined) return 'out-of-scope';
  if (!scope.accounts.includes(parsed.accountId) || !scope.controls.includes(parsed.controlId)) return 'out-of-scope';
  if (parsed.region === GLOBAL_REGION) {
    // Global resources are evaluated with every account; their findings live in the home region
    // (one left in another evaluated region is from an earlier home region, and has moved).
    if (region !== homeRegion && !scope.regions.includes(region)) return 'out-of-scope';
  } else if (!scope.regions.includes(parsed.region) || parsed.region !== region) {
    return 'out-of-scope';
  }
  const resourceType = finding.ProductFields?.[PRODUCT_FIELDS.resourceType];
  if (resourceType === undefined) return 'incomplete';
  const control = controls.get(parsed.controlId);
  const depends = new Set([resourceType, ...(control?.resourceTypes ?? []), ...(control?.needs ?? [])]);
  const unreadable = scope.incomplete.some(
    (gap) =>
      gap.accountId === parsed.accountId &&
      (gap.region === parsed.region || gap.region === GLOBAL_REGION) &&
      gap.resourceTypes.some((t) => depends.has(t)),
  );
  return unreadable ? 'incomplete' : 'archive';
}

/** The finding as Security Hub holds it, archived: only provider fields are re-sent (not workflow, notes, aws/ fields). */
export function archived(previous: AwsSecurityFinding, updatedAt: string): AwsSecurityFinding {
  const productFields = Object.fromEntries(
    Object.entries(previous.ProductFields ?? {}).filter(([key]) => !key.startsWith('aws/')),
  );
  const finding: AwsSecurityFinding = {
    SchemaVersion: previous.SchemaVersion,
    Id: previous.Id,
    ProductArn: previous.ProductArn,
    GeneratorId: previous.GeneratorId,
    AwsAccountId: previous.AwsAccountId,
    CreatedAt: previous.CreatedAt,
    UpdatedAt: latest(updatedAt, previous.UpdatedAt),
    Title: previous.Title,
    Description: previous.Description,
    Resources: previous.Resources,
    RecordState: 'ARCHIVED',
  };
  const optional = [
    'ProductName',
    'CompanyName',
    'Region',
    'Types',
    'FirstObservedAt',
    'LastObservedAt',
    'Remediation',
    'Compliance',
    'FindingProviderFields',
  ] as const;
  for (const key of optional) if (previous[key] !== undefined) Object.assign(finding, { [key]: previous[key] });
  if (previous.Severity?.Label !== undefined) {
    finding.Severity = {
      Label: previous.Severity.Label,
      ...(previous.Severity.Original ? { Original: previous.Severity.Original } : {}),
    };
  }
  if (Object.keys(productFields).length > 0) finding.ProductFields = productFields;
  if (finding.Compliance !== undefined) {
    finding.Compliance = {
      Status: finding.Compliance.Status,
      ...(finding.Compliance.RelatedRequirements
        ? { RelatedRequirements: finding.Compliance.RelatedRequirements }
        : {}),
    };
  }
  return finding;
}

/** Whether only the timestamps moved. */
function sameContent(a: AwsSecurityFinding, b: AwsSecurityFinding): boolean {
  return contentKey(a) === contentKey(b);
}

function contentKey(f: AwsSecurityFinding): string {
  return JSON.stringify([
    f.RecordState ?? 'ACTIVE',
    f.Compliance?.Status,
    f.Compliance?.RelatedRequirements ?? [],
    f.Severity?.Label,
    f.Title,
    f.Description,
    f.Remediation?.Recommendation?.Text,
    f.Remediation?.Recommendation?.Url,
    f.Types ?? [],
    (f.Resources ?? []).map((r) => [r.Type, r.Id]),
  ]);
}

function isNewer(timestamp: string | undefined, than: string): boolean {
  if (timestamp === undefined) return false;
  const t = Date.parse(timestamp);
  return !Number.isNaN(t) && t > Date.parse(than);
}

/** The latest of some ISO timestamps (UpdatedAt must never move backwards). */
function latest(...timestamps: (string | undefined)[]): string {
  let best = timestamps[0]!;
  for (const t of timestamps) if (t !== undefined && Date.parse(t) > Date.parse(best)) best = t;
  return new Date(Date.parse(best)).toISOString();
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function defaultClientFactory(options: ExportOptions): (region: string) => SecurityHubClient {
  const clients = new Map<string, SecurityHubClient>();
  return (region) => {
    let client = clients.get(region);
    if (client === undefined) {
      client = new SecurityHubClient({
        region,
        retryMode: 'adaptive',
        maxAttempts: 5,
        ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
        ...(options.credentials !== undefined
          ? { credentials: options.credentials }
          : options.profile !== undefined
            ? { profile: options.profile }
            : {}),
      });
      clients.set(region, client);
    }
    return client;
  };
}
