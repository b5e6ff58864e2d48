import { resolve } from 'node:path';
import {
  CollectorOptionsError,
  type ProgressEvent,
  Scanner,
  type ScanOptions,
  ScanSetupError,
  type ScanSource,
} from '@rampart/collectors';
import {
  type CollectionError,
  evaluateSnapshot,
  formatProblem,
  type InputProblem,
  normalizeItem,
  Snapshot,
  SnapshotHeaderSchema,
} from '@rampart/core';
import { exportToSecurityHub } from '@rampart/findings';
import { loadAttestations } from '../attestations.js';
import { scanEnvironment } from '../env.js';
import { type CliIo, combineExit, EXIT, UsageError } from '../io.js';
import { ScanProgress } from '../progress.js';
import { summarize } from '../render/summary.js';
import { renderFindings, renderSummary } from '../render/table.js';
import { selectControls, writeEvaluationJson } from './evaluate.js';
import { exitCode, failedReads, tally } from './exit-code.js';
import { printAsff, reportExport } from './export.js';
import { parseFailOn, parseParams } from './options.js';
import { isReportFormat, outputTo, REPORT_FORMATS, type ReportFormat, writeReport } from './report.js';
import { scanAggregator } from './scan-aggregator.js';
import { reportCollection, SnapshotWriter } from './scan-common.js';
import type { PartitionStats } from './scan-partitions.js';

export const SCAN_SOURCES = ['config', 'direct', 'auto'] as const;

export interface ScanCommandOptions {
  profile?: string;
  region?: string[];
  allRegions?: boolean;
  source: string;
  aggregator?: string;
  snapshot?: string;
  homeRegion?: string;
  /** Where the output goes instead of stdout (every format but table). */
  out?: string;
  format: string;
  /** `securityhub`: import the findings into AWS Security Hub after evaluating (scope: this scan). */
  export?: string;
  failOn?: string;
  controls?: string;
  area?: string;
  param?: string[];
  endpointUrl?: string;
  roleArn?: string;
  concurrency?: string;
  /** The attestations file (docs/attestations.md): added to the evaluation, not to the written snapshot. */
  attestations?: string;
}

/** What the command needs from its surroundings; tests pass their own. */
export interface ScanDependencies {
  env?: NodeJS.ProcessEnv;
  /** Whether stderr is a terminal (progress bars) or a log (plain lines). */
  stderrTty?: boolean;
  /** Extra scanner options (tests: readers, credentials, a fixed clock). */
  scanner?: Partial<ScanOptions>;
  tool?: string;
  /** Tests: the partition statistics of an `--aggregator` scan (how many items were held at once). */
  onPartitionStats?: (stats: PartitionStats) => void;
}

function parseFormat(format: string): 'table' | 'json' | 'asff' | ReportFormat {
  if (format !== 'table' && format !== 'json' && format !== 'asff' && !isReportFormat(format))
    throw new UsageError(`--format must be one of table, json, asff, ${REPORT_FORMATS.join(', ')}, got "${format}"`);
  return format;
}

function parseSource(source: string): ScanSource {
  if (!(SCAN_SOURCES as readonly string[]).includes(source)) {
    throw new UsageError(`--source must be one of ${SCAN_SOURCES.join(', ')}, got "${source}"`);
  }
  return source as ScanSource;
}

function parseEndpoint(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError('not http(s)');
    return value;
  } catch {
    throw new UsageError(`${name} must be an http(s) URL, got "${value}"`);
  }
}

/** `rampart scan`: collect from AWS, evaluate, print; optionally write the snapshot. */
export async function scanCommand(
  io: CliIo,
  options: ScanCommandOptions,
  deps: ScanDependencies = {},
): Promise<number> {
  const format = parseFormat(options.format);
  if (options.out !== undefined && format === 'table') throw new UsageError('--out needs a --format other than table');
  if (options.export !== undefined && options.export !== 'securityhub') {
    throw new UsageError(`--export must be securityhub, got "${options.export}"`);
  }
  const source = parseSource(options.source);
  const failOn = parseFailOn(options.failOn);
  const controls = selectControls(options.controls, options.area);
  const parameters = parseParams(options.param ?? [], controls);
  const env = scanEnvironment(deps.env ?? process.env);
  const endpointUrl =
    parseEndpoint(options.endpointUrl, '--endpoint-url') ?? parseEndpoint(env.endpointUrl, 'AWS_ENDPOINT_URL');
  if (options.roleArn !== undefined && !/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/.test(options.roleArn)) {
    throw new UsageError(
      `--role-arn must be an IAM role ARN (arn:aws:iam::123456789012:role/name), got "${options.roleArn}"`,
    );
  }
  let concurrency: number | undefined;
  if (options.concurrency !== undefined) {
    concurrency = Number(options.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
      throw new UsageError(`--concurrency must be an integer from 1 to 64, got "${options.concurrency}"`);
    }
  }

  // Only the types the selected controls read are collected.
  const types = new Set<string>();
  for (const c of controls) for (const t of [...c.resourceTypes, ...c.needs]) if (t !== 'AWS::::Account') types.add(t);

  const progress = new ScanProgress((s) => io.stderr(s), deps.stderrTty ?? process.stderr.isTTY === true);
  let scanner: Scanner;
  try {
    scanner = new Scanner({
      profile: options.profile,
      roleArn: options.roleArn,
      endpointUrl,
      serviceEndpoints: env.serviceEndpoints,
      regions: options.region,
      allRegions: options.allRegions === true,
      source,
      aggregator: options.aggregator,
      homeRegion: options.homeRegion,
      concurrency,
      types,
      onProgress: (e: ProgressEvent) => progress.onEvent(e),
      ...deps.scanner,
    });
  } catch (error) {
    if (error instanceof CollectorOptionsError) throw new UsageError(error.message);
    throw error;
  }

  if (options.aggregator !== undefined) {
    // An organization: read, evaluate and print partition by partition (memory: one partition).
    return scanAggregator(io, {
      scanner,
      progress,
      format,
      failOn,
      controls,
      parameters,
      aggregator: options.aggregator,
      snapshot: options.snapshot,
      out: options.out,
      homeRegion: options.homeRegion,
      attestations: options.attestations,
      export: options.export,
      endpointUrl: options.endpointUrl,
      profile: options.profile,
      tool: deps.tool ?? 'rampart 0.1.0',
      maxItemsInMemory: env.maxItemsInMemory,
      maxEvaluationsInMemory: env.maxEvaluationsInMemory,
      ...(deps.onPartitionStats !== undefined ? { onStats: deps.onPartitionStats } : {}),
    });
  }

  const snapshot = new Snapshot();
  const problems: InputProblem[] = [];
  const collectionErrors: CollectionError[] = [];
  let writer: SnapshotWriter | undefined;
  let complete = false;
  try {
    const plan = await scanner.prepare();
    const header = {
      version: 1 as const,
      capturedAt: plan.capturedAt,
      accounts: [plan.accountId],
      regions: plan.regions,
      tool: deps.tool ?? 'rampart 0.1.0',
    };
    snapshot.addHeader(SnapshotHeaderSchema.parse(header));
    if (options.snapshot !== undefined) {
      try {
        writer = new SnapshotWriter(resolve(io.cwd, options.snapshot));
      } catch (error) {
        throw new UsageError(`--snapshot ${options.snapshot}: ${(error as Error).message}`);
      }
      writer.line(JSON.stringify({ snapshot: header }));
    }
    io.stderr(`rampart: scanning account ${plan.accountId} in ${plan.regions.join(', ')}\n`);
    let lineNo = 1;
    const result = await scanner.run({
      item(raw) {
        lineNo++;
        // The snapshot line is what `evaluate --input` will read: evaluate exactly that, so both agree.
        const text = JSON.stringify(raw);
        writer?.line(text);
        const normalized = normalizeItem(JSON.parse(text));
        if (!normalized.ok) {
          for (const issue of normalized.issues) {
            problems.push({ source: 'scan', position: `line ${lineNo}`, path: issue.path, message: issue.message });
          }
          return;
        }
        snapshot.add(normalized.item, { source: 'scan', position: `line ${lineNo}` });
      },
      error(error) {
        lineNo++;
        writer?.line(JSON.stringify({ collectionError: error }));
        collectionErrors.push(error);
        snapshot.addCollectionError(error);
      },
    });
    progress.finish();
    const sources = Object.entries(result.sources)
      .map(([r, s]) => `${r}: ${s}`)
      .join(', ');
    io.stderr(`rampart: collected ${result.items} item(s) and fact(s) (${sources})\n`);
    complete = true;
  } catch (error) {
    if (error instanceof ScanSetupError) {
      io.stderr(`rampart: ${error.message}\n`);
      return EXIT.USAGE;
    }
    throw error;
  } finally {
    writer?.close(complete);
    scanner.destroy();
  }
  if (writer !== undefined) io.stderr(`rampart: snapshot written to ${options.snapshot}\n`);

  problems.push(...snapshot.problems);
  reportCollection(io, problems, collectionErrors);

  const attestationProblems =
    options.attestations === undefined ? [] : loadAttestations(io, options.attestations, snapshot);
  for (const problem of attestationProblems) io.stderr(`rampart: ${formatProblem(problem)}\n`);

  const run = evaluateSnapshot(snapshot, { controls, now: new Date(snapshot.capturedAt!), parameters });
  const byId = new Map(controls.map((c) => [c.id, c]));
  const codes: number[] = [];
  const sink = outputTo(io, isReportFormat(format) ? undefined : options.out);
  if (isReportFormat(format)) {
    codes.push(writeReport(io, run, format, { out: options.out, homeRegion: options.homeRegion }));
  } else if (format === 'json') {
    writeEvaluationJson(sink.io.stdout, run);
  } else if (format === 'asff') {
    if (printAsff(sink.io, run, options.homeRegion) > 0) codes.push(EXIT.GAPS);
  } else {
    io.stdout(
      renderFindings(io, run.evaluations, byId) +
        renderSummary(io, summarize(run.evaluations, byId), run.evaluations.length),
    );
  }
  sink.finish();
  if (options.export === 'securityhub') {
    // The scan knows its scope exactly (controls, accounts, regions, what could not be read), so
    // archiving stays inside it.
    // Imported as the identity that scanned: BatchImportFindings accepts findings only from the account
    // they are about, which with --role-arn is the role's.
    const summary = await exportToSecurityHub(run, {
      ...(options.homeRegion !== undefined ? { homeRegion: options.homeRegion } : {}),
      ...(options.endpointUrl !== undefined ? { endpoint: options.endpointUrl } : {}),
      credentials: scanner.clients.credentials,
      log: (message) => io.stderr(`rampart: ${message}\n`),
    });
    codes.push(reportExport(io, summary));
  }
  codes.push(
    exitCode(
      io,
      tally(run.evaluations, failOn, byId),
      failedReads(collectionErrors.length),
      problems.length + attestationProblems.length > 0,
      failOn,
    ),
  );
  return combineExit(codes);
}
