// Builds benchmark corpora by replicating the project's own CI fixtures (real shapes, no padding):
// every fixture under packages/core/tests/fixtures/config-items, with a unique resource id per copy.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = new URL('../../packages/core/tests/fixtures/config-items/', import.meta.url).pathname;

export function loadFixtures() {
  const out = [];
  // Variants of one resource (same type and id) would be one resource in an account: keep the first.
  const seen = new Set();
  for (const type of readdirSync(FIXTURES).sort()) {
    for (const file of readdirSync(join(FIXTURES, type)).sort()) {
      if (!file.endsWith('.json')) continue;
      const ci = JSON.parse(readFileSync(join(FIXTURES, type, file), 'utf8'));
      if (!ci || typeof ci !== 'object' || Array.isArray(ci) || typeof ci.resourceType !== 'string' || !ci.awsAccountId)
        continue;
      const key = `${ci.resourceType}|${ci.resourceId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(ci);
    }
  }
  return out;
}

/**
 * Copy `n` of the whole fixture set: every resource id and ARN of the set gets the suffix `-n`
 * wherever it appears (its own item and the items that reference it: listeners naming their load
 * balancer, flow logs naming their VPC), so each copy is a self-consistent group of resources, as in
 * a real account, and controls that join resources see the same fan-out in every copy.
 */
function copySet(text, pattern, n) {
  if (n === 0) return JSON.parse(text);
  const set = JSON.parse(text.replace(pattern, (id) => `${id}-${n}`));
  // Ids too short to rewrite safely everywhere (`orders`) are made unique on the item itself.
  for (const ci of set) if (ci.resourceId.length < 8) ci.resourceId = `${ci.resourceId}-${n}`;
  return set;
}

function idPattern(fixtures) {
  const ids = new Set();
  for (const ci of fixtures) {
    for (const id of [ci.resourceId, ci.ARN]) if (typeof id === 'string' && id.length >= 8) ids.add(id);
  }
  const escaped = [...ids].sort((a, b) => b.length - a.length).map((id) => id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  // Whole ids only: not followed by more id characters (so `vpc-1` does not match inside `vpc-12`).
  return new RegExp(`(?:${escaped.join('|')})(?![A-Za-z0-9_-])`, 'g');
}

/** An event-shaped CI as the Config API returns it: configuration and supplementary values as JSON strings. */
export function toApiShape(event) {
  const supplementary = {};
  for (const [key, value] of Object.entries(event.supplementaryConfiguration ?? {})) {
    supplementary[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return {
    version: event.configurationItemVersion ?? '1.3',
    accountId: event.awsAccountId,
    configurationItemCaptureTime: Date.parse(event.configurationItemCaptureTime) / 1000,
    configurationItemStatus: event.configurationItemStatus,
    configurationStateId: String(event.configurationStateId ?? '1'),
    arn: event.ARN,
    resourceType: event.resourceType,
    resourceId: event.resourceId,
    resourceName: event.resourceName,
    awsRegion: event.awsRegion,
    availabilityZone: event.availabilityZone,
    tags: event.tags ?? {},
    relatedEvents: [],
    relationships: (event.relationships ?? []).map((r) => ({
      resourceType: r.resourceType,
      resourceId: r.resourceId,
      resourceName: r.resourceName,
      relationshipName: r.name,
    })),
    configuration: JSON.stringify(event.configuration),
    supplementaryConfiguration: supplementary,
  };
}

/** `count` CIs: copies of the whole fixture set, each with its own ids. */
export function corpus(count, shape) {
  const fixtures = loadFixtures();
  const text = JSON.stringify(fixtures);
  const pattern = idPattern(fixtures);
  const items = [];
  for (let n = 0; items.length < count; n++) {
    for (const ci of copySet(text, pattern, n)) {
      if (items.length === count) break;
      items.push(shape === 'api' ? toApiShape(ci) : ci);
    }
  }
  return { items, fixtures: fixtures.length };
}
