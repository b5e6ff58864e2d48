import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { type CollectionError, GLOBAL_REGION } from '@rampart/core';
import { type AwsAccessOptions, ClientFactory } from './clients.js';
import {
  type AggregatorPartition,
  aggregatorPartitions,
  discoveredItems,
  isRecording,
  partitionExpression,
  selectAggregateRows,
  selectExpression,
  selectRows,
  selectUnavailable,
} from './config-source.js';
import { accessAnalyzerReader } from './direct/accessanalyzer.js';
import { accountReader } from './direct/account.js';
import { acmReader } from './direct/acm.js';
import { apiGatewayReader, apiGatewayV2Reader } from './direct/apigateway.js';
import { autoScalingReader } from './direct/autoscaling.js';
import { backupReader } from './direct/backup.js';
import { cloudFrontReader } from './direct/cloudfront.js';
import { cloudTrailReader } from './direct/cloudtrail.js';
import { cloudWatchReader } from './direct/cloudwatch.js';
import { codeBuildReader } from './direct/codebuild.js';
import { configRecordersReader } from './direct/config.js';
import { dmsReader } from './direct/dms.js';
import { dynamoDbReader } from './direct/dynamodb.js';
import { ec2Reader } from './direct/ec2.js';
import { ecrReader } from './direct/ecr.js';
import { ecsReader } from './direct/ecs.js';
import { efsReader } from './direct/efs.js';
import { elasticBeanstalkReader } from './direct/elasticbeanstalk.js';
import { elbReader } from './direct/elb.js';
import { elbv2Reader } from './direct/elbv2.js';
import { emrReader } from './direct/emr.js';
import { eventsReader } from './direct/events.js';
import { guardDutyReader } from './direct/guardduty.js';
import { iamReader } from './direct/iam.js';
import { kinesisReader } from './direct/kinesis.js';
import { kmsReader } from './direct/kms.js';
import { lambdaReader } from './direct/lambda.js';
import { logsReader, NOT_RECORDED_BY_CONFIG } from './direct/logs.js';
import { networkFirewallReader } from './direct/networkfirewall.js';
import { elasticsearchReader, openSearchReader } from './direct/opensearch.js';
import { organizationsReader } from './direct/organizations.js';
import { rdsReader } from './direct/rds.js';
import { redshiftReader } from './direct/redshift.js';
import { s3ControlReader, s3Reader } from './direct/s3.js';
import { sageMakerReader } from './direct/sagemaker.js';
import { secretsManagerReader } from './direct/secretsmanager.js';
import { securityHubReader } from './direct/securityhub.js';
import { sfnReader } from './direct/sfn.js';
import { shieldReader } from './direct/shield.js';
import { snsReader } from './direct/sns.js';
import { ssmReader } from './direct/ssm.js';
import { ssoReader } from './direct/sso.js';
import { wafv2Reader } from './direct/wafv2.js';
import { CollectorOptionsError, errorCode, errorMessage, ScanSetupError } from './errors.js';
import { Limiter } from './limit.js';
import { createContext, type ReaderCounters, type ScanSink, type ServiceReader } from './reader.js';

export type ScanSource = 'config' | 'direct' | 'auto';

export interface ScanOptions extends AwsAccessOptions {
  /** Regions to scan; default: the SDK's region (AWS_REGION, the profile's region). */
  regions?: readonly string[];
  /** Every region enabled for the account (ec2:DescribeRegions). */
  allRegions?: boolean;
  /** `auto`: AWS Config where a recorder is recording, direct reads elsewhere. */
  source?: ScanSource;
  /** Read resources of every account and region through this Config aggregator. */
  aggregator?: string;
  /** Region for global APIs (IAM, S3 listing, account) and the aggregator; default the first region. */
  homeRegion?: string;
  /** Concurrent API calls per service and region (default 8). */
  concurrency?: number;
  /** Reader runs at the same time (default 16). */
  parallelReaders?: number;
  /** Resource and fact types wanted (the selected controls' types); default every type the readers know. */
  types?: ReadonlySet<string>;
  /** The readers (tests replace them); default {@link defaultReaders}. */
  readers?: readonly ServiceReader[];
  onProgress?: (event: ProgressEvent) => void;
  /** The capture time written into every item and the snapshot header. */
  now?: () => Date;
  /** Poll interval while IAM generates the credential report. */
  reportPollMs?: number;
}

export type ProgressEvent =
  | { kind: 'plan'; tasks: readonly { service: string; region: string }[] }
  | { kind: 'start'; service: string; region: string }
  | { kind: 'done'; service: string; region: string; items: number; errors: number };

export interface ScanPlan {
  accountId: string;
  regions: string[];
  homeRegion: string;
  capturedAt: string;
}

export interface ScanResult {
  items: number;
  errors: number;
  /** How each region was read. */
  sources: Record<string, 'config' | 'direct' | 'aggregator'>;
}

export interface RunOptions {
  /**
   * With an aggregator: leave the aggregator's items out of this run (only the direct reads of the
   * caller's account run); the caller reads them partition by partition through
   * {@link Scanner.aggregatorPartitions} and {@link Scanner.readPartitions}, page by page.
   */
  partitioned?: boolean;
}

/**
 * One page of an (account, region) partition of an aggregator. A partition's pages come in order; its
 * `last` page (empty: the end is known only once the paginator stops) closes it, with the error that
 * cut the read short, if any.
 */
export interface PartitionPage {
  accountId: string;
  region: string;
  rows: Record<string, unknown>[];
  last: boolean;
  error?: CollectionError;
}

export function defaultReaders(options: { reportPollMs?: number } = {}): ServiceReader[] {
  return [
    iamReader(options),
    s3Reader,
    s3ControlReader,
    accountReader,
    ec2Reader,
    kmsReader,
    cloudTrailReader,
    guardDutyReader,
    securityHubReader,
    snsReader,
    rdsReader,
    secretsManagerReader,
    logsReader,
    networkFirewallReader,
    sfnReader,
    wafv2Reader,
    organizationsReader,
    ssoReader,
    shieldReader,
    cloudFrontReader,
    accessAnalyzerReader,
    configRecordersReader,
    eventsReader,
    ecrReader,
    lambdaReader,
    elbv2Reader,
    elbReader,
    acmReader,
    apiGatewayReader,
    apiGatewayV2Reader,
    cloudWatchReader,
    ecsReader,
    autoScalingReader,
    ssmReader,
    redshiftReader,
    openSearchReader,
    elasticsearchReader,
    codeBuildReader,
    dynamoDbReader,
    efsReader,
    sageMakerReader,
    backupReader,
    kinesisReader,
    dmsReader,
    elasticBeanstalkReader,
    emrReader,
  ];
}

const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** A scan in two steps: `prepare` resolves the account and regions (for the snapshot header), `run` reads. */
export class Scanner {
  readonly clients: ClientFactory;
  #plan: ScanPlan | undefined;

  constructor(readonly options: ScanOptions) {
    for (const r of [...(options.regions ?? []), ...(options.homeRegion ? [options.homeRegion] : [])]) {
      if (!REGION_PATTERN.test(r)) throw new CollectorOptionsError(`"${r}" is not an AWS region name (like eu-west-1)`);
    }
    if (options.allRegions && (options.regions?.length ?? 0) > 0) {
      throw new CollectorOptionsError('--all-regions and --region exclude each other');
    }
    if (options.aggregator !== undefined && options.source === 'direct') {
      throw new CollectorOptionsError(
        '--aggregator reads through AWS Config; it cannot be combined with --source direct',
      );
    }
    if (options.concurrency !== undefined && (!Number.isInteger(options.concurrency) || options.concurrency < 1)) {
      throw new CollectorOptionsError(`concurrency must be a positive integer, got ${options.concurrency}`);
    }
    this.clients = new ClientFactory(options);
  }

  async prepare(): Promise<ScanPlan> {
    const capturedAt = (this.options.now?.() ?? new Date()).toISOString();
    let regions = [...new Set(this.options.regions ?? [])];
    let home = this.options.homeRegion ?? regions[0];
    if (home === undefined) {
      try {
        home = await new STSClient({
          ...(this.options.profile ? { profile: this.options.profile } : {}),
        }).config.region();
      } catch (error) {
        throw new ScanSetupError('no region given: pass --region, or set AWS_REGION or a region in your AWS profile', {
          cause: error,
        });
      }
      if (!home || !REGION_PATTERN.test(home)) {
        throw new ScanSetupError(`no usable region: pass --region (the SDK resolved "${home ?? ''}")`);
      }
    }
    let accountId: string;
    try {
      const identity = await this.clients.get(STSClient, 'sts', home).send(new GetCallerIdentityCommand({}));
      accountId = identity.Account ?? '';
    } catch (error) {
      throw new ScanSetupError(
        `cannot read the caller identity (sts:GetCallerIdentity): ${errorCode(error)}: ${errorMessage(error)}`,
        {
          cause: error,
        },
      );
    }
    if (this.options.allRegions) {
      try {
        const out = await this.clients.get(EC2Client, 'ec2', home).send(new DescribeRegionsCommand({}));
        regions = (out.Regions ?? [])
          .filter((r) => r.OptInStatus !== 'not-opted-in')
          .map((r) => r.RegionName!)
          .sort();
      } catch (error) {
        throw new ScanSetupError(
          `cannot list the account's regions (ec2:DescribeRegions): ${errorCode(error)}: ${errorMessage(error)}`,
          {
            cause: error,
          },
        );
      }
    }
    if (regions.length === 0) regions = [home];
    this.#plan = { accountId, regions, homeRegion: home, capturedAt };
    return this.#plan;
  }

  #readers(): ServiceReader[] {
    const o = this.options;
    return (o.readers ?? defaultReaders({ reportPollMs: o.reportPollMs })).filter(
      (r) => o.types === undefined || [...r.resourceTypes, ...r.factTypes].some((t) => o.types!.has(t)),
    );
  }

  /** The resource types read through AWS Config (sorted). */
  #configTypes(readers: readonly ServiceReader[]): string[] {
    const o = this.options;
    return [...new Set(readers.flatMap((r) => r.resourceTypes))]
      .filter((t) => (o.types === undefined || o.types.has(t)) && !NOT_RECORDED_BY_CONFIG.includes(t))
      .sort();
  }

  async run(sink: ScanSink, runOptions: RunOptions = {}): Promise<ScanResult> {
    const plan = this.#plan ?? (await this.prepare());
    const o = this.options;
    const readers = this.#readers();
    const wantedResource = (t: string) => o.types === undefined || o.types.has(t);
    const configTypes = this.#configTypes(readers);
    const result: ScanResult = { items: 0, errors: 0, sources: {} };
    const countingSink: ScanSink = {
      item: (item) => {
        result.items++;
        sink.item(item);
      },
      error: (error) => {
        result.errors++;
        sink.error(error);
      },
    };

    // Decide per region where resources come from.
    const fromConfig = new Set<string>();
    if (o.aggregator !== undefined) {
      for (const r of plan.regions) result.sources[r] = 'aggregator';
    } else {
      await Promise.all(
        plan.regions.map(async (region) => {
          let useConfig = o.source === 'config';
          if (o.source === undefined || o.source === 'auto') {
            try {
              useConfig = await isRecording(this.clients.get(ConfigServiceClient, 'config', region));
            } catch {
              // Not allowed to ask, or Config absent: direct reads work without it.
              useConfig = false;
            }
          }
          if (useConfig) fromConfig.add(region);
          result.sources[region] = useConfig ? 'config' : 'direct';
        }),
      );
    }
    const allFromConfig = o.aggregator !== undefined || plan.regions.every((r) => fromConfig.has(r));

    const tasks: { reader: ServiceReader; region: string; readResources: boolean }[] = [];
    for (const reader of readers) {
      const recorded =
        reader.resourceTypes.length > 0 &&
        reader.resourceTypes.every((t) => configTypes.includes(t) || !wantedResource(t));
      const wantsResources = reader.resourceTypes.some(wantedResource);
      if (reader.scope === 'global') {
        tasks.push({ reader, region: GLOBAL_REGION, readResources: wantsResources && !(recorded && allFromConfig) });
      } else {
        for (const region of plan.regions) {
          const viaConfig = o.aggregator !== undefined || fromConfig.has(region);
          tasks.push({ reader, region, readResources: wantsResources && !(recorded && viaConfig) });
        }
      }
    }
    const runnable = tasks.filter(
      (t) => t.readResources || t.reader.factTypes.some((f) => o.types === undefined || o.types.has(f)),
    );
    const configTasks: { service: string; region: string }[] =
      configTypes.length === 0
        ? []
        : o.aggregator !== undefined
          ? [{ service: 'config', region: plan.homeRegion }]
          : [...fromConfig].sort().map((region) => ({ service: 'config', region }));
    o.onProgress?.({
      kind: 'plan',
      tasks: [...configTasks, ...runnable.map((t) => ({ service: t.reader.service, region: t.region }))],
    });

    const taskLimiter = new Limiter(o.parallelReaders ?? 16);
    const serviceLimiters = new Map<string, Limiter>();
    const limiterFor = (service: string, region: string) => {
      const key = `${service}\u0000${region}`;
      let l = serviceLimiters.get(key);
      if (l === undefined) {
        l = new Limiter(o.concurrency ?? 8);
        serviceLimiters.set(key, l);
      }
      return l;
    };

    const configRuns = (runOptions.partitioned && o.aggregator !== undefined ? [] : configTasks).map((t) =>
      taskLimiter.run(() => this.#readConfig(plan, t.region, configTypes, countingSink)),
    );
    const readerRuns = runnable.map((t) =>
      taskLimiter.run(async () => {
        const service = t.reader.service;
        o.onProgress?.({ kind: 'start', service, region: t.region });
        const counters: ReaderCounters = { items: 0, errors: 0 };
        const ctx = createContext(
          {
            accountId: plan.accountId,
            region: t.region,
            regions: plan.regions,
            apiRegion: plan.homeRegion,
            capturedAt: plan.capturedAt,
            clients: this.clients,
            limiter: limiterFor(service, t.region === GLOBAL_REGION ? plan.homeRegion : t.region),
            readResources: t.readResources,
            service,
            types: o.types,
          },
          countingSink,
          counters,
        );
        try {
          await t.reader.read(ctx);
        } catch (error) {
          // A reader bug or an unexpected failure: everything it was to read is unknown, and the scan goes on.
          const types = [...(t.readResources ? t.reader.resourceTypes : []), ...t.reader.factTypes];
          ctx.fail('read', types, error);
        }
        o.onProgress?.({ kind: 'done', service, region: t.region, ...counters });
      }),
    );
    await Promise.all([...configRuns, ...readerRuns]);
    return result;
  }

  async #readConfig(plan: ScanPlan, region: string, types: readonly string[], sink: ScanSink): Promise<void> {
    const o = this.options;
    o.onProgress?.({ kind: 'start', service: 'config', region });
    const counters = { items: 0, errors: 0 };
    const config = this.clients.get(ConfigServiceClient, 'config', region);
    const emit = (rows: Record<string, unknown>[]) => {
      for (const row of rows) {
        counters.items++;
        sink.item(row);
      }
    };
    const fail = (operation: string, resourceTypes: readonly string[], error: unknown, where = region) => {
      counters.errors++;
      sink.error({
        accountId: plan.accountId,
        region: where,
        service: 'config',
        operation,
        resourceTypes: [...resourceTypes],
        code: errorCode(error),
        message: errorMessage(error),
      });
    };
    if (o.aggregator !== undefined) {
      try {
        const expression = selectExpression(types, o.regions !== undefined || o.allRegions ? plan.regions : undefined);
        for await (const rows of selectAggregateRows(config, o.aggregator, expression)) emit(rows);
      } catch (error) {
        // Which accounts the aggregator holds is unknown when it cannot be read; the caller's account stands for them.
        for (const r of plan.regions) fail('SelectAggregateResourceConfig', types, error, r);
      }
    } else {
      try {
        for await (const rows of selectRows(config, selectExpression(types))) emit(rows);
      } catch (error) {
        if (!selectUnavailable(error)) {
          fail('SelectResourceConfig', types, error);
        } else {
          // Global types are recorded in one region only, so only the home region asks for them by type.
          for (const type of types) {
            try {
              for await (const items of discoveredItems(config, type)) emit(items);
            } catch (inner) {
              fail('BatchGetResourceConfig', [type], inner);
            }
          }
        }
      }
    }
    o.onProgress?.({ kind: 'done', service: 'config', region, ...counters });
  }

  /**
   * With an aggregator: its (account, region) partitions holding wanted items, sorted by account then
   * region, from one aggregation query. When that query fails, the failure is a collection error in
   * every scanned region of the caller's account (as in {@link run}) and the list is empty.
   */
  async aggregatorPartitions(sink: Pick<ScanSink, 'error'>): Promise<AggregatorPartition[]> {
    const plan = this.#plan ?? (await this.prepare());
    const o = this.options;
    if (o.aggregator === undefined) throw new CollectorOptionsError('aggregatorPartitions needs an aggregator');
    const types = this.#configTypes(this.#readers());
    if (types.length === 0) return [];
    o.onProgress?.({ kind: 'start', service: 'config', region: plan.homeRegion });
    const config = this.clients.get(ConfigServiceClient, 'config', plan.homeRegion);
    try {
      return await aggregatorPartitions(
        config,
        o.aggregator,
        types,
        o.regions !== undefined || o.allRegions ? plan.regions : undefined,
      );
    } catch (error) {
      for (const r of plan.regions) {
        sink.error({
          accountId: plan.accountId,
          region: r,
          service: 'config',
          operation: 'SelectAggregateResourceConfig',
          resourceTypes: [...types],
          code: errorCode(error),
          message: errorMessage(error),
        });
      }
      o.onProgress?.({
        kind: 'done',
        service: 'config',
        region: plan.homeRegion,
        items: 0,
        errors: plan.regions.length,
      });
      return [];
    }
  }

  /**
   * Reads the partitions one at a time, page by page (a paged query each): per account its `global`
   * partition first (always yielded, as one empty last page when the aggregator holds none), then its
   * regions in order. Only the page being yielded is held here; a failed read ends its partition with
   * the collection error, after the pages it got.
   */
  async *readPartitions(partitions: readonly AggregatorPartition[]): AsyncGenerator<PartitionPage> {
    const plan = this.#plan ?? (await this.prepare());
    const o = this.options;
    if (o.aggregator === undefined) throw new CollectorOptionsError('readPartitions needs an aggregator');
    const aggregator = o.aggregator;
    const types = this.#configTypes(this.#readers());
    const config = this.clients.get(ConfigServiceClient, 'config', plan.homeRegion);
    const counters = { items: 0, errors: 0 };
    const read = async function* (accountId: string, region: string): AsyncGenerator<PartitionPage> {
      try {
        for await (const rows of selectAggregateRows(
          config,
          aggregator,
          partitionExpression(types, accountId, region),
        )) {
          counters.items += rows.length;
          yield { accountId, region, rows, last: false };
        }
      } catch (error) {
        counters.errors++;
        const failure: CollectionError = {
          accountId,
          region,
          service: 'config',
          operation: 'SelectAggregateResourceConfig',
          resourceTypes: [...types],
          code: errorCode(error),
          message: errorMessage(error),
        };
        yield { accountId, region, rows: [], last: true, error: failure };
        return;
      }
      yield { accountId, region, rows: [], last: true };
    };
    const accounts = [...new Set(partitions.map((p) => p.accountId))];
    for (const accountId of accounts) {
      const mine = partitions.filter((p) => p.accountId === accountId);
      if (mine.some((p) => p.region === GLOBAL_REGION)) yield* read(accountId, GLOBAL_REGION);
      else yield { accountId, region: GLOBAL_REGION, rows: [], last: true };
      for (const p of mine) if (p.region !== GLOBAL_REGION) yield* read(accountId, p.region);
    }
    if (types.length > 0) o.onProgress?.({ kind: 'done', service: 'config', region: plan.homeRegion, ...counters });
  }

  destroy(): void {
    this.clients.destroy();
  }
}

/** Prepares and runs a scan in one call. */
export async function scan(options: ScanOptions, sink: ScanSink): Promise<ScanPlan & ScanResult> {
  const scanner = new Scanner(options);
  try {
    const plan = await scanner.prepare();
    const result = await scanner.run(sink);
    return { ...plan, ...result };
  } finally {
    scanner.destroy();
  }
}
