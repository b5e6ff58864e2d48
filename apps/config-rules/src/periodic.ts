import type { Logger } from '@aws-lambda-powertools/logger';
import {
  BatchGetResourceConfigCommand,
  type Evaluation as ConfigEvaluation,
  type ConfigServiceClient,
  GetComplianceDetailsByConfigRuleCommand,
  ListDiscoveredResourcesCommand,
  type ResourceKey,
  type ResourceType,
} from '@aws-sdk/client-config-service';
import { Scanner, type ScanOptions } from '@rampart/collectors';
import {
  type CollectionError,
  type Control,
  type Evaluation,
  evaluateSnapshot,
  GLOBAL_REGION,
  normalizeItem,
  Snapshot,
} from '@rampart/core';
import type { ClientOptions } from './clients.js';
import { errorCode, errorMessage } from './errors.js';
import type { Budget } from './lambda.js';
import { readDirectly } from './periodic-types.js';

/**
 * The bundle loads this module (with the collectors) as a separate file that does not share the
 * handler's SDK modules (scripts/bundle.mjs), so the periodic path brings its own Config client.
 */
export { configClient } from './config-client.js';

export interface PeriodicInput {
  control: Control<unknown>;
  controlParameters: Record<string, unknown>;
  accountId: string;
  region: string;
  now: Date;
  config: ConfigServiceClient;
  clientOptions: ClientOptions;
  budget: Budget;
  /** The function's logger (passed in: there is one Powertools Logger, the handler's). */
  logger: Pick<Logger, 'info' | 'warn'>;
  /** Overrides for the collectors (tests pass their own readers). */
  collectorOptions?: Partial<ScanOptions> | undefined;
}

export interface PeriodicResult {
  evaluations: Evaluation[];
  /** False when a type the control evaluates could not be read in full (or time ran out): no stale cleanup then. */
  complete: boolean;
  /** Resource types left unread because the deadline came near. */
  left: string[];
}

/**
 * A scheduled evaluation: resources of the control's types from AWS Config (ListDiscoveredResources
 * + BatchGetResourceConfig, 100 keys a call), facts and directly read types from the collectors,
 * then the engine over that snapshot.
 */
export async function runPeriodic(input: PeriodicInput): Promise<PeriodicResult> {
  const { control, accountId, region, logger } = input;
  const snapshot = new Snapshot();
  snapshot.addHeader({
    version: 1,
    capturedAt: input.now.toISOString(),
    accounts: [accountId],
    regions: [region],
    tool: 'rampart-config-rules',
  });
  const types = [...new Set([...(control.accountLevel ? [] : control.resourceTypes), ...control.needs])];
  const viaConfig = types.filter((t) => !readDirectly(t));
  const direct = types.filter(readDirectly);
  const left: string[] = [];
  let added = 0;
  const add = (raw: unknown, position: string) => {
    const result = normalizeItem(raw);
    if (result.ok) {
      snapshot.add(result.item, { source: 'periodic', position });
      added++;
    } else {
      logger.warn('Skipped a malformed configuration item', {
        position,
        issues: result.issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`),
      });
    }
  };
  const fail = (error: CollectionError) => snapshot.addCollectionError(error);

  for (const type of viaConfig) {
    if (input.budget.exhausted()) {
      left.push(type);
      continue;
    }
    try {
      const complete = await discover(input, type, add);
      if (!complete) left.push(type);
    } catch (error) {
      fail({
        accountId,
        region,
        service: 'config',
        operation: 'ListDiscoveredResources/BatchGetResourceConfig',
        resourceTypes: [type],
        code: errorCode(error),
        message: errorMessage(error),
      });
    }
  }

  if (direct.length > 0) {
    if (input.budget.exhausted()) {
      left.push(...direct);
    } else {
      const scanner = new Scanner({
        regions: [region],
        homeRegion: region,
        source: 'direct',
        types: new Set(direct),
        endpointUrl: input.clientOptions.endpointUrl,
        now: () => input.now,
        ...(input.clientOptions.credentials !== undefined
          ? { credentials: async () => input.clientOptions.credentials! }
          : {}),
        ...input.collectorOptions,
      });
      try {
        await scanner.run({ item: (item) => add(item, 'collectors'), error: fail });
      } catch (error) {
        for (const type of direct) {
          fail({
            accountId,
            region,
            service: 'collectors',
            operation: 'scan',
            resourceTypes: [type],
            code: errorCode(error),
            message: errorMessage(error),
          });
        }
      } finally {
        scanner.destroy();
      }
    }
  }

  const errors = snapshot.collectionErrors();
  for (const e of errors) {
    logger.warn('Could not read what the control needs', {
      service: e.service,
      operation: e.operation,
      resourceTypes: e.resourceTypes,
      code: e.code,
      errorMessage: e.message,
    });
  }
  logger.info('Periodic inputs read', { items: added, facts: snapshot.factCount, collectionErrors: errors.length });

  // Types left unread by the deadline are unknown, as if the read had failed.
  for (const type of left) {
    fail({
      accountId,
      region,
      service: 'config-rules',
      operation: 'time budget',
      resourceTypes: [type],
      code: 'TimeBudgetExceeded',
      message: 'not read before the Lambda deadline',
    });
  }
  const run = evaluateSnapshot(snapshot, {
    controls: [control],
    now: input.now,
    parameters: { [control.id]: input.controlParameters },
  });
  const evaluated = new Set(control.accountLevel ? [] : control.resourceTypes);
  const complete =
    left.length === 0 &&
    !errors.some((e) => e.resourceTypes.some((t) => evaluated.has(t) || control.needs.includes(t)));
  return {
    evaluations: run.evaluations.filter(
      (e) => e.accountId === accountId && (e.region === region || e.region === GLOBAL_REGION),
    ),
    complete,
    left,
  };
}

/** Reads every current resource of a type through AWS Config, one page and batch at a time. Returns false when time ran out. */
async function discover(
  input: PeriodicInput,
  type: string,
  add: (raw: unknown, position: string) => void,
): Promise<boolean> {
  let nextToken: string | undefined;
  do {
    if (input.budget.exhausted()) return false;
    const page = await input.config.send(
      new ListDiscoveredResourcesCommand({ resourceType: type as ResourceType, nextToken }),
    );
    const keys: ResourceKey[] = (page.resourceIdentifiers ?? [])
      .filter((r) => r.resourceDeletionTime === undefined && r.resourceId !== undefined)
      .map((r) => ({ resourceType: type as ResourceType, resourceId: r.resourceId! }));
    for (let i = 0; i < keys.length; i += 100) {
      let batch = keys.slice(i, i + 100);
      for (let attempt = 0; batch.length > 0; attempt++) {
        const out = await input.config.send(new BatchGetResourceConfigCommand({ resourceKeys: batch }));
        for (const item of out.baseConfigurationItems ?? []) add(plain(item), `${type} ${item.resourceId}`);
        batch = out.unprocessedResourceKeys ?? [];
        if (batch.length > 0 && attempt >= 2) {
          throw new Error(`BatchGetResourceConfig left ${batch.length} ${type} item(s) unprocessed`);
        }
      }
    }
    nextToken = page.nextToken;
  } while (nextToken !== undefined && nextToken !== '');
  return true;
}

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined && k !== '$metadata') out[k] = plain(v);
    return out;
  }
  return value;
}

export interface CleanupInput {
  config: ConfigServiceClient;
  configRuleName: string;
  /** Every resource this run produced a verdict for, sent or not. */
  current: ReadonlySet<string>;
  orderingTimestamp: Date;
  budget: Budget;
}

export const resourceKey = (type: string, id: string) => `${type}|${id}`;

/**
 * Resources the rule evaluated before (COMPLIANT or NON_COMPLIANT) that this run did not see: gone,
 * or out of scope. They become NOT_APPLICABLE so old verdicts do not linger. Keys are type plus id
 * (two types can share an id), read a page of 100 at a time.
 */
export async function staleEvaluations(input: CleanupInput): Promise<{ stale: ConfigEvaluation[]; complete: boolean }> {
  const stale: ConfigEvaluation[] = [];
  let nextToken: string | undefined;
  do {
    if (input.budget.exhausted()) return { stale, complete: false };
    const page = await input.config.send(
      new GetComplianceDetailsByConfigRuleCommand({
        ConfigRuleName: input.configRuleName,
        ComplianceTypes: ['COMPLIANT', 'NON_COMPLIANT'],
        Limit: 100,
        NextToken: nextToken,
      }),
    );
    for (const result of page.EvaluationResults ?? []) {
      const q = result.EvaluationResultIdentifier?.EvaluationResultQualifier;
      if (q?.ResourceType === undefined || q.ResourceId === undefined) continue;
      if (input.current.has(resourceKey(q.ResourceType, q.ResourceId))) continue;
      stale.push({
        ComplianceResourceType: q.ResourceType,
        ComplianceResourceId: q.ResourceId,
        ComplianceType: 'NOT_APPLICABLE',
        Annotation: 'The resource no longer exists or is no longer in the scope of the rule.',
        OrderingTimestamp: input.orderingTimestamp,
      });
    }
    nextToken = page.NextToken;
  } while (nextToken !== undefined && nextToken !== '');
  return { stale, complete: true };
}
