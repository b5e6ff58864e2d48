import * as z from 'zod';

/**
 * zod schemas for the three shapes configuration items arrive in. The normalizer checks the few
 * fields it needs with a fast path and runs these schemas only to explain what is wrong, so that
 * a bad item gets a precise zod path without every good item paying for a full parse.
 */

/**
 * The schemas, built on first use: zod takes several milliseconds to build them, which every process
 * would pay at start-up (the Config rules Lambda's cold start among them) for schemas that run only
 * to explain a bad item, or on snapshot headers and collection errors.
 */
function build() {
  const TagMapSchema = z.record(z.string(), z.string());
  const TagListSchema = z.array(z.object({ key: z.string(), value: z.string() }));

  const EventRelationshipSchema = z.object({
    resourceId: z.string().optional(),
    resourceName: z.string().optional(),
    resourceType: z.string(),
    name: z.string().optional(),
  });

  const ApiRelationshipSchema = z.object({
    resourceId: z.string().optional(),
    resourceName: z.string().optional(),
    resourceType: z.string(),
    relationshipName: z.string().optional(),
  });

  const ConfigurationObjectSchema = z.record(z.string(), z.unknown());

  /** `configurationItem` of an AWS Config invoking event (`configuration` is an object, `ARN` upper case). */
  const EventConfigurationItemSchema = z.object({
    configurationItemVersion: z.string().optional(),
    configurationItemCaptureTime: z.string().optional(),
    configurationItemStatus: z.string().optional(),
    awsAccountId: z.string().min(1),
    awsRegion: z.string().min(1),
    resourceType: z.string().min(1),
    resourceId: z.string().min(1),
    resourceName: z.string().nullish(),
    ARN: z.string().nullish(),
    tags: TagMapSchema.nullish(),
    relationships: z.array(EventRelationshipSchema).nullish(),
    configuration: ConfigurationObjectSchema.nullish(),
    supplementaryConfiguration: z.record(z.string(), z.unknown()).nullish(),
  });

  /** The identity fields of the Config API shapes (API items and Select rows). */
  const apiIdentity = {
    accountId: z.string().min(1),
    awsRegion: z.string().min(1),
    resourceType: z.string().min(1),
    resourceId: z.string().min(1),
    resourceName: z.string().nullish(),
    arn: z.string().nullish(),
  };

  /**
   * `GetResourceConfigHistory` / `BatchGetResourceConfig` items: `configuration` and every
   * `supplementaryConfiguration` value are JSON strings; capture time is epoch seconds or ISO.
   */
  const ApiConfigurationItemSchema = z.object({
    version: z.string().optional(),
    ...apiIdentity,
    configurationItemCaptureTime: z.union([z.string(), z.number()]).optional(),
    configurationItemStatus: z.string().optional(),
    tags: TagMapSchema.nullish(),
    relationships: z.array(ApiRelationshipSchema).nullish(),
    configuration: z.string().nullish(),
    supplementaryConfiguration: z.record(z.string(), z.string()).nullish(),
  });

  /** A `SelectResourceConfig` result row (already JSON-parsed): nested objects, tags as a list. */
  const SelectResourceConfigRowSchema = z.object({
    ...apiIdentity,
    configurationItemCaptureTime: z.string().optional(),
    configurationItemStatus: z.string().optional(),
    tags: z.union([TagListSchema, TagMapSchema]).nullish(),
    relationships: z.array(ApiRelationshipSchema).nullish(),
    configuration: ConfigurationObjectSchema.nullish(),
    supplementaryConfiguration: z.record(z.string(), z.unknown()).nullish(),
  });

  const CollectionErrorSchema = z.object({
    accountId: z.string().min(1),
    region: z.string().min(1),
    service: z.string().min(1),
    operation: z.string().min(1),
    resourceTypes: z.array(z.string().min(1)),
    code: z.string(),
    message: z.string(),
  });

  const SnapshotHeaderSchema = z.object({
    version: z.literal(1),
    capturedAt: z.iso.datetime({ offset: true }),
    accounts: z.array(z.string()).default([]),
    regions: z.array(z.string()).default([]),
    tool: z.string().optional(),
  });
  return {
    EventConfigurationItemSchema,
    ApiConfigurationItemSchema,
    SelectResourceConfigRowSchema,
    CollectionErrorSchema,
    SnapshotHeaderSchema,
  };
}

let built: ReturnType<typeof build> | undefined;
const schemas = (): ReturnType<typeof build> => {
  built ??= build();
  return built;
};

/** `configurationItem` of an AWS Config invoking event (`configuration` is an object, `ARN` upper case). */
export const EventConfigurationItemSchema = z.lazy(() => schemas().EventConfigurationItemSchema);
/**
 * `GetResourceConfigHistory` / `BatchGetResourceConfig` items: `configuration` and every
 * `supplementaryConfiguration` value are JSON strings; capture time is epoch seconds or ISO.
 */
export const ApiConfigurationItemSchema = z.lazy(() => schemas().ApiConfigurationItemSchema);
/** A `SelectResourceConfig` result row (already JSON-parsed): nested objects, tags as a list. */
export const SelectResourceConfigRowSchema = z.lazy(() => schemas().SelectResourceConfigRowSchema);
export const CollectionErrorSchema = z.lazy(() => schemas().CollectionErrorSchema);
export const SnapshotHeaderSchema = z.lazy(() => schemas().SnapshotHeaderSchema);
export type SnapshotHeader = z.infer<typeof SnapshotHeaderSchema>;

export type ItemShape = 'event' | 'api' | 'select';

/** Which of the three shapes an object most looks like (used to pick the schema that explains an error). */
export function detectShape(raw: Record<string, unknown>): ItemShape {
  if ('awsAccountId' in raw || 'ARN' in raw || 'configurationItemVersion' in raw) return 'event';
  if (typeof raw['configuration'] === 'string' || 'version' in raw || 'configurationStateId' in raw) return 'api';
  if (Array.isArray(raw['tags'])) return 'select';
  return 'accountId' in raw ? 'select' : 'event';
}

export const SHAPE_SCHEMAS = {
  event: EventConfigurationItemSchema,
  api: ApiConfigurationItemSchema,
  select: SelectResourceConfigRowSchema,
} as const;
