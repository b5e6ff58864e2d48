import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Security Hub service model (botocore service-2.json) that ships in ../shared/aws-models. */
const MODEL_PATH = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  '..',
  'shared',
  'aws-models',
  'securityhub-service-2.json',
);

interface Member {
  shape: string;
}
interface Shape {
  type: string;
  members?: Record<string, Member>;
  required?: string[];
  member?: Member;
  key?: Member;
  value?: Member;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
}

let shapes: Record<string, Shape> | undefined;

export function modelShapes(): Record<string, Shape> {
  shapes ??= (JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as { shapes: Record<string, Shape> }).shapes;
  return shapes;
}

/**
 * Every way `value` departs from the model's `shapeName`, walked recursively: unknown members,
 * missing required members, wrong types, enum values, string lengths and patterns, list and map
 * sizes, number ranges. Empty when the value is valid.
 */
export function validateShape(value: unknown, shapeName: string, path = shapeName): string[] {
  const shape = modelShapes()[shapeName];
  if (shape === undefined) return [`${path}: unknown shape ${shapeName}`];
  const errors: string[] = [];
  const sized = (n: number, what: string) => {
    if (shape.min !== undefined && n < shape.min) errors.push(`${path}: ${what} ${n} below min ${shape.min}`);
    if (shape.max !== undefined && n > shape.max) errors.push(`${path}: ${what} ${n} above max ${shape.max}`);
  };
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected an object`];
      const record = value as Record<string, unknown>;
      for (const name of shape.required ?? []) {
        if (record[name] === undefined) errors.push(`${path}.${name}: required member missing`);
      }
      for (const [name, member] of Object.entries(record)) {
        if (member === undefined) continue;
        const def = shape.members?.[name];
        if (def === undefined) errors.push(`${path}.${name}: not a member of ${shapeName}`);
        else errors.push(...validateShape(member, def.shape, `${path}.${name}`));
      }
      return errors;
    }
    case 'list': {
      if (!Array.isArray(value)) return [`${path}: expected a list`];
      sized(value.length, 'length');
      value.forEach((item, i) => {
        errors.push(...validateShape(item, shape.member!.shape, `${path}[${i}]`));
      });
      return errors;
    }
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected a map`];
      const entries = Object.entries(value as Record<string, unknown>);
      sized(entries.length, 'entries');
      for (const [k, v] of entries) {
        errors.push(...validateShape(k, shape.key!.shape, `${path}{key ${k}}`));
        errors.push(...validateShape(v, shape.value!.shape, `${path}.${k}`));
      }
      return errors;
    }
    case 'string': {
      if (typeof value !== 'string') return [`${path}: expected a string`];
      if (shape.enum !== undefined && !shape.enum.includes(value))
        errors.push(`${path}: "${value}" not in ${shape.enum.join('|')}`);
      sized(value.length, 'length');
      if (shape.pattern !== undefined && !new RegExp(shape.pattern, 'u').test(value)) {
        errors.push(`${path}: "${value.slice(0, 40)}" does not match ${shape.pattern}`);
      }
      return errors;
    }
    case 'integer':
    case 'long':
      if (!Number.isInteger(value)) return [`${path}: expected an integer`];
      sized(value as number, 'value');
      return errors;
    case 'double':
    case 'float':
      if (typeof value !== 'number') return [`${path}: expected a number`];
      sized(value, 'value');
      return errors;
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path}: expected a boolean`];
    case 'timestamp':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? [] : [`${path}: expected a timestamp`];
    default:
      return [`${path}: unsupported shape type ${shape.type}`];
  }
}
