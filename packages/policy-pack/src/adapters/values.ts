import { containsUnknown, isUnknown, unknownValue } from '../unknown.js';

/** Helpers for reading Pulumi inputs that may be unset, unknown or of the wrong type. */

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A string input, passed through when unknown. */
export function strOrUnknown(value: unknown): string | object | undefined {
  return isUnknown(value) ? (value as object) : str(value);
}

/** A boolean input with its provider default, passed through when unknown. */
export function bool(value: unknown, fallback: boolean): boolean | object {
  if (isUnknown(value)) return value as object;
  return typeof value === 'boolean' ? value : fallback;
}

export function num(value: unknown): number | object | undefined {
  if (isUnknown(value)) return value as object;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !isUnknown(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * A policy document input (a JSON string, or an object as `aws.iam.PolicyDocument`) as the JSON text
 * AWS Config records; unknown when any part of it is.
 */
export function policyJson(value: unknown, where: string): string | object | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (isUnknown(value)) return value as object;
  if (typeof value === 'string') return value;
  if (containsUnknown(value)) return unknownValue(`${where} (part of the document)`);
  return JSON.stringify(value);
}

/** Known string tags only: AWS Config records tags as a string map. */
export function tags(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record(value))) if (typeof v === 'string') out[k] = v;
  return out;
}

/** The id an item gets: a known natural id, else the Pulumi resource name (a new resource's id is unknown). */
export function idOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}
