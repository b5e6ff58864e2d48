import type { ConfigItem } from '../../ci/config-item.js';

/** One entry of `AWS:ComplianceItem.Content.<Association|Patch>` (keyed by association id or patch id). */
export interface ComplianceEntry {
  Status?: string;
  Severity?: string;
  Title?: string;
  DocumentName?: string;
  PatchState?: string;
}

/** The managed instance an SSM compliance item is about: its resource id is `AWS::SSM::ManagedInstanceInventory/<instance id>`. */
export function managedInstanceId(item: ConfigItem): string {
  return item.resourceId.replace(/^AWS::SSM::ManagedInstanceInventory\//, '');
}

/**
 * The entries of one compliance type, as AWS Config records SSM compliance:
 * `configuration["AWS:ComplianceItem"].Content[kind]`, an object keyed by id; undefined when absent.
 */
export function complianceEntries(
  item: ConfigItem,
  kind: 'Association' | 'Patch',
): [string, ComplianceEntry][] | undefined {
  const root = item.configuration['AWS:ComplianceItem'] as { Content?: Record<string, unknown> } | undefined;
  const content = root?.Content?.[kind];
  if (content === null || typeof content !== 'object') return undefined;
  return Object.entries(content as Record<string, ComplianceEntry>);
}

/** "a, b, c and 2 more" — keeps annotations under the PutEvaluations limit. */
export function listSome(values: readonly string[], max = 3): string {
  const shown = values.slice(0, max).join(', ');
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
}
