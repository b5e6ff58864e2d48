import { type Control, ControlParameterError, SEVERITIES, type Severity } from '@rampart/core';
import { UsageError } from '../io.js';

/** `--controls a,b c` → ids; undefined when not given. */
export function parseControlIds(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const ids = value
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (ids.length === 0) throw new UsageError('--controls needs at least one control id');
  return ids;
}

/**
 * `--param <control-id>.<name>=<value>` (repeatable) → parameters per control, validated by each
 * control's schema so a typo or a bad value is a usage error, never a silently ignored setting.
 */
export function parseParams(
  values: readonly string[],
  controls: readonly Control<unknown>[],
): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const raw of values) {
    const match = /^([a-z0-9-]+)\.([A-Za-z0-9_]+)=(.*)$/s.exec(raw);
    if (!match) throw new UsageError(`--param must look like <control-id>.<name>=<value>, got "${raw}"`);
    const [, id, name, value] = match as unknown as [string, string, string, string];
    if (!controls.some((c) => c.id === id))
      throw new UsageError(`--param ${raw}: control ${id} is not selected or does not exist`);
    out[id] ??= {};
    out[id][name] = value;
  }
  for (const control of controls) {
    if (out[control.id] === undefined) continue;
    try {
      control.parseParameters(out[control.id]);
    } catch (error) {
      if (error instanceof ControlParameterError) throw new UsageError(error.message);
      throw error;
    }
  }
  return out;
}

/** `--fail-on high` → `HIGH`; undefined when not given. */
export function parseFailOn(value: string | undefined): Severity | undefined {
  if (value === undefined) return undefined;
  const upper = value.toUpperCase();
  if (!(SEVERITIES as readonly string[]).includes(upper)) {
    throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}, got "${value}"`);
  }
  return upper as Severity;
}
