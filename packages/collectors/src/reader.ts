import type { CollectionError, FactType } from '@rampart/core';
import { factResourceId, GLOBAL_REGION } from '@rampart/core';
import { type ItemFields, makeItem, partitionOf, type RawItem } from './ci.js';
import type { ClientFactory } from './clients.js';
import { errorCode, errorMessage } from './errors.js';
import type { Limiter } from './limit.js';

/** Where collected lines go, in the order they are read (the CLI writes them to the snapshot as they come). */
export interface ScanSink {
  /** A configuration item or an account-level fact (a `Rampart::` item). */
  item(item: RawItem | Record<string, unknown>): void;
  error(error: CollectionError): void;
}

/** What one reader run gets: the account and region, clients, a concurrency bound and the sink. */
export interface ReaderContext {
  readonly accountId: string;
  /** The region read, or `global` for global readers (IAM, S3 listing, account). */
  readonly region: string;
  /** The regions of the scan (S3 buckets outside them are out of scope). */
  readonly regions: readonly string[];
  /** The region global APIs are called in. */
  readonly apiRegion: string;
  readonly partition: string;
  readonly capturedAt: string;
  readonly clients: ClientFactory;
  readonly limiter: Limiter;
  /** False when AWS Config supplies this reader's resource types; facts are read either way. */
  readonly readResources: boolean;
  /**
   * Whether the scan wants this type: a resource type only when `readResources`, a fact type always,
   * both only when the selected controls read it. Readers with several types skip the reads nobody needs.
   */
  wants(type: string): boolean;
  item(fields: ItemFields, region?: string): void;
  fact<T>(type: FactType<T>, value: T, region?: string): void;
  /**
   * Runs one read; a failure becomes a `collectionError` naming the types it leaves unknown, and
   * the result is `undefined`. Nothing a reader fails to read is dropped without such a line.
   */
  attempt<T>(
    operation: string,
    resourceTypes: readonly string[],
    read: () => Promise<T>,
    region?: string,
  ): Promise<T | undefined>;
  /** Records a failure the reader caught itself (for example one resource's detail call). */
  fail(operation: string, resourceTypes: readonly string[], error: unknown, region?: string, subject?: string): void;
}

export interface ServiceReader {
  /** Progress label and `collectionError.service`; also the key of per-service endpoints. */
  readonly service: string;
  readonly scope: 'regional' | 'global';
  /** Configuration item types this reader emits (when `readResources`). */
  readonly resourceTypes: readonly string[];
  /** Fact types it emits (always). */
  readonly factTypes: readonly string[];
  read(ctx: ReaderContext): Promise<void>;
}

export interface ReaderCounters {
  items: number;
  errors: number;
}

export function createContext(
  base: {
    accountId: string;
    region: string;
    regions: readonly string[];
    apiRegion: string;
    capturedAt: string;
    clients: ClientFactory;
    limiter: Limiter;
    readResources: boolean;
    service: string;
    /** The wanted resource and fact types; undefined: all. */
    types?: ReadonlySet<string> | undefined;
  },
  sink: ScanSink,
  counters: ReaderCounters,
): ReaderContext {
  const regionOf = (region: string | undefined) => region ?? base.region;
  const ctx: ReaderContext = {
    accountId: base.accountId,
    region: base.region,
    regions: base.regions,
    apiRegion: base.apiRegion,
    partition: partitionOf(base.apiRegion),
    capturedAt: base.capturedAt,
    clients: base.clients,
    limiter: base.limiter,
    readResources: base.readResources,
    wants(type) {
      if (base.types !== undefined && !base.types.has(type)) return false;
      return type.startsWith('Rampart::') || base.readResources;
    },
    item(fields, region) {
      counters.items++;
      sink.item(makeItem(base.accountId, regionOf(region), base.capturedAt, fields));
    },
    fact(type, value, region) {
      const factRegion = type.scope === 'global' ? GLOBAL_REGION : regionOf(region);
      counters.items++;
      sink.item(
        makeItem(base.accountId, factRegion, base.capturedAt, {
          resourceType: type.type,
          resourceId: factResourceId(type, base.accountId, factRegion),
          configuration: value as Record<string, unknown>,
        }),
      );
    },
    async attempt(operation, resourceTypes, read, region) {
      try {
        return await read();
      } catch (error) {
        ctx.fail(operation, resourceTypes, error, region);
        return undefined;
      }
    },
    fail(operation, resourceTypes, error, region, subject) {
      counters.errors++;
      const message = errorMessage(error);
      sink.error({
        accountId: base.accountId,
        region: regionOf(region),
        service: base.service,
        operation,
        resourceTypes: [...resourceTypes],
        code: errorCode(error),
        message: subject !== undefined ? `${subject}: ${message}` : message,
      });
    },
  };
  return ctx;
}
