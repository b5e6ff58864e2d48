import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Scanner, ScanSetupError } from '@rampart/collectors';
import {
  addAttestations,
  type CollectionError,
  type Control,
  type Evaluation,
  type EvaluationRun,
  type EvaluationScope,
  formatProblem,
  type InputProblem,
  normalizeItem,
  parseAttestationFile,
  type Severity,
  Snapshot,
  SnapshotHeaderSchema,
} from '@rampart/core';
import { exportToSecurityHub } from '@rampart/findings';
import { loadAttestations } from '../attestations.js';
import { type CliIo, combineExit, EXIT, UsageError } from '../io.js';
import type { ScanProgress } from '../progress.js';
import { SummaryBuilder } from '../render/summary.js';
import { FindingsSelector, renderSummary } from '../render/table.js';
import { exitCode, failedReads, type Tally, tally } from './exit-code.js';
import { printAsff, reportExport } from './export.js';
import { isReportFormat, outputTo, type ReportFormat, writeReport } from './report.js';
import { reportCollection, SnapshotWriter } from './scan-common.js';
import { evaluatePartitions, type Ingested, type PartitionedResult, type PartitionStats } from './scan-partitions.js';

export interface AggregatorScan {
  scanner: Scanner;
  progress: ScanProgress;
  format: 'table' | 'json' | 'asff' | ReportFormat;
  failOn: Severity | undefined;
  controls: readonly Control<unknown>[];
  parameters: Readonly<Record<string, Record<string, unknown>>>;
  aggregator: string;
  snapshot?: string | undefined;
  out?: string | undefined;
  homeRegion?: string | undefined;
  attestations?: string | undefined;
  export?: string | undefined;
  endpointUrl?: string | undefined;
  profile?: string | undefined;
  tool: string;
  /** Memory bounds (RAMPART_SCAN_MAX_ITEMS, RAMPART_SCAN_MAX_EVALUATIONS); undefined: the defaults. */
  maxItemsInMemory?: number | undefined;
  maxEvaluationsInMemory?: number | undefined;
  /** Tests: the partition statistics (the memory bound). */
  onStats?: (stats: PartitionStats) => void;
}

/**
 * Where the evaluations of the partitions go as they complete, in chunks (several for a large
 * partition): each chunk adds to the counts, rows and text of the ones before, so how a run is cut
 * into chunks never shows in the output. `--format json` streams them out in
 * the contract's shape with `evaluations` first and `scope` last (`{"evaluations":[…],\n"scope":{…}}`:
 * key order carries no meaning in JSON, and the scope, with what could not be read, is known only at
 * the end); `table` keeps the counts and the failure rows the table shows; the other formats and
 * `--export` need the whole run, so they keep the evaluations (never the items).
 */
class PartitionOutput {
  readonly tally: Tally = { gaps: 0, failing: 0 };
  count = 0;
  readonly #all: Evaluation[] | undefined;
  readonly #summary: SummaryBuilder;
  readonly #findings: FindingsSelector;
  #first = true;

  constructor(
    readonly io: CliIo,
    readonly sinkIo: CliIo,
    readonly format: AggregatorScan['format'],
    readonly byId: ReadonlyMap<string, Control<unknown>>,
    readonly failOn: Severity | undefined,
    keepAll: boolean,
  ) {
    this.#all = keepAll ? [] : undefined;
    this.#summary = new SummaryBuilder(byId);
    this.#findings = new FindingsSelector(byId);
  }

  start(): void {
    if (this.format === 'json') this.sinkIo.stdout('{"evaluations":[');
  }

  add(evaluations: readonly Evaluation[]): void {
    tally(evaluations, this.failOn, this.byId, this.tally);
    this.count += evaluations.length;
    if (this.#all !== undefined) for (const e of evaluations) this.#all.push(e);
    if (this.format === 'json' && evaluations.length > 0) {
      const text = evaluations.map((e) => JSON.stringify(e)).join(',\n');
      this.sinkIo.stdout(`${this.#first ? '\n' : ',\n'}${text}`);
      this.#first = false;
    } else if (this.format === 'table') {
      for (const e of evaluations) {
        this.#summary.add(e);
        this.#findings.add(e);
      }
    }
  }

  /** The whole run, for the formats that need it (and `--export`). */
  run(scope: EvaluationScope): EvaluationRun {
    return { evaluations: this.#all ?? [], scope, skippedAccountLevel: [] };
  }

  finish(scope: EvaluationScope): number {
    if (this.format === 'json') {
      this.sinkIo.stdout(`${this.#first ? '' : '\n'}],\n"scope":${JSON.stringify(scope)}}\n`);
    } else if (this.format === 'table') {
      this.io.stdout(this.#findings.render(this.io) + renderSummary(this.io, this.#summary.summary, this.count));
    } else if (this.format === 'asff') {
      if (printAsff(this.sinkIo, this.run(scope), this.homeRegion) > 0) return EXIT.GAPS;
    }
    return EXIT.OK;
  }

  homeRegion: string | undefined;
}

/**
 * `rampart scan --aggregator NAME`, in memory proportional to a page plus the items that controls
 * looking beyond one item read: the caller's account is read directly (facts), the aggregator's
 * (account, region) partitions are listed with one aggregation query and then read page by page,
 * evaluated and printed one at a time (see evaluatePartitions); the snapshot file grows as they are read.
 */
export async function scanAggregator(io: CliIo, a: AggregatorScan): Promise<number> {
  const { scanner, progress, format, failOn, controls, parameters } = a;
  const byId = new Map(controls.map((c) => [c.id, c]));
  const problems: InputProblem[] = [];
  let attestationProblems: InputProblem[] = [];
  let writer: SnapshotWriter | undefined;
  let complete = false;
  const keepAll = format !== 'json' && format !== 'table' ? true : a.export === 'securityhub';
  const sink = outputTo(io, isReportFormat(format) ? undefined : a.out);
  const output = new PartitionOutput(io, sink.io, format, byId, failOn, keepAll);
  output.homeRegion = a.homeRegion;
  let result: PartitionedResult;
  try {
    const plan = await scanner.prepare();
    const header = SnapshotHeaderSchema.parse({
      version: 1 as const,
      capturedAt: plan.capturedAt,
      accounts: [plan.accountId],
      regions: plan.regions,
      tool: a.tool,
    });
    if (a.snapshot !== undefined) {
      try {
        writer = new SnapshotWriter(resolve(io.cwd, a.snapshot));
      } catch (error) {
        throw new UsageError(`--snapshot ${a.snapshot}: ${(error as Error).message}`);
      }
      writer.line(JSON.stringify({ snapshot: header }));
    }
    io.stderr(
      `rampart: scanning account ${plan.accountId} in ${plan.regions.join(', ')} and aggregator ${a.aggregator}, partition by partition\n`,
    );
    let lineNo = 1;
    const ingest = (raw: unknown): Ingested | undefined => {
      lineNo++;
      // The snapshot line is what `evaluate --input` will read: evaluate exactly that, so both agree.
      const text = JSON.stringify(raw);
      writer?.line(text);
      const normalized = normalizeItem(JSON.parse(text));
      if (!normalized.ok) {
        for (const issue of normalized.issues) {
          problems.push({ source: 'scan', position: `line ${lineNo}`, path: issue.path, message: issue.message });
        }
        return undefined;
      }
      return { item: normalized.item, origin: { source: 'scan', position: `line ${lineNo}` } };
    };
    const writeError = (error: CollectionError) => {
      lineNo++;
      writer?.line(JSON.stringify({ collectionError: error }));
    };
    const side: Ingested[] = [];
    const sideErrors: CollectionError[] = [];
    const sideSink = {
      item(raw: unknown) {
        const ingested = ingest(raw);
        if (ingested !== undefined) side.push(ingested);
      },
      error(error: CollectionError) {
        writeError(error);
        sideErrors.push(error);
      },
    };
    const [direct, partitions] = await Promise.all([
      scanner.run(sideSink, { partitioned: true }),
      scanner.aggregatorPartitions(sideSink),
    ]);

    let attest: ((snapshot: Snapshot) => void) | undefined;
    if (a.attestations !== undefined) {
      // Reported once, against every account of the scan; then added to each partition's snapshot.
      const probe = new Snapshot();
      const accounts = new Set([
        ...header.accounts,
        ...partitions.map((p) => p.accountId),
        ...side.map((s) => s.item.accountId),
        ...sideErrors.map((e) => e.accountId),
      ]);
      probe.addHeader({ ...header, accounts: [...accounts] });
      attestationProblems = loadAttestations(io, a.attestations, probe);
      const file = a.attestations;
      let entries: ReturnType<typeof parseAttestationFile>['entries'] = [];
      try {
        entries = parseAttestationFile(readFileSync(resolve(io.cwd, file), 'utf8'), file).entries;
      } catch {
        // unreadable: loadAttestations reported it
      }
      attest = (snapshot) => {
        addAttestations(snapshot, entries, file);
      };
    }

    output.start();
    result = await evaluatePartitions({
      controls,
      now: new Date(plan.capturedAt),
      parameters,
      header,
      partitions,
      pages: scanner.readPartitions(partitions),
      side,
      sideErrors,
      ingest,
      onError: writeError,
      ...(attest !== undefined ? { attest } : {}),
      ...(a.maxItemsInMemory !== undefined ? { maxItemsInMemory: a.maxItemsInMemory } : {}),
      ...(a.maxEvaluationsInMemory !== undefined ? { maxEvaluationsInMemory: a.maxEvaluationsInMemory } : {}),
      // Chunks in output order, several per partition when it is large.
      emit: (evaluations) => output.add(evaluations),
    });
    a.onStats?.(result.stats);
    progress.finish();
    const { maxItemsHeld, maxEvaluationsHeld, spilledRuns, spilledEvaluations, spilledItems } = result.stats;
    const spilled =
      (spilledItems > 0 ? `; ${spilledItems} kept item(s) waited on disk` : '') +
      (spilledRuns > 0 ? `; ${spilledEvaluations} evaluation(s) spilled to disk in ${spilledRuns} sorted run(s)` : '');
    io.stderr(
      `rampart: collected ${direct.items + result.rows} item(s) and fact(s) (direct reads of ${plan.accountId}, ${result.stats.reads} aggregator partition(s); at most ${maxItemsHeld} item(s) and ${maxEvaluationsHeld} evaluation(s) held at once${spilled})\n`,
    );
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
  if (writer !== undefined) io.stderr(`rampart: snapshot written to ${a.snapshot}\n`);

  problems.push(...result.problems);
  reportCollection(io, problems, result.collectionErrors);
  for (const problem of attestationProblems) io.stderr(`rampart: ${formatProblem(problem)}\n`);

  const codes: number[] = [];
  if (isReportFormat(format)) {
    codes.push(writeReport(io, output.run(result.scope), format, { out: a.out, homeRegion: a.homeRegion }));
  } else {
    codes.push(output.finish(result.scope));
  }
  sink.finish();
  if (a.export === 'securityhub') {
    // Imported as the identity that scanned (the role with --role-arn), as a scan of one account does.
    const summary = await exportToSecurityHub(output.run(result.scope), {
      ...(a.homeRegion !== undefined ? { homeRegion: a.homeRegion } : {}),
      ...(a.endpointUrl !== undefined ? { endpoint: a.endpointUrl } : {}),
      credentials: scanner.clients.credentials,
      log: (message) => io.stderr(`rampart: ${message}\n`),
    });
    codes.push(reportExport(io, summary));
  }
  codes.push(
    exitCode(
      io,
      output.tally,
      failedReads(result.collectionErrors.length),
      problems.length + attestationProblems.length > 0,
      failOn,
    ),
  );
  return combineExit(codes);
}
