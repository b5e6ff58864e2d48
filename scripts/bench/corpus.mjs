// Builds benchmark corpora by replicating the project's own CI fixtures (real shapes, no padding):
// every fixture under packages/core/tests/fixtures/config-items, with a unique resource id per copy.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = new URL('../../packages/core/tests/fixtures/config-items/', import.meta.url).pathname;

export function loadFixtures() {
  const out = [];
  for (const type of readdirSync(FIXTURES).sort()) {
    for (const file of readdirSync(join(FIXTURES, type)).sort()) {
      if (!file.endsWith('.json')) continue;
      const ci = JSON.parse(readFileSync(join(FIXTURES, type, file), 'utf8'));
      if (ci && typeof ci === 'object' && !Array.isArray(ci) && typeof ci.resourceType === 'string' && ci.awsAccountId) out.push(ci);
    }
  }
  return out;
}

function replace(value, from, to) {
  return typeof value === 'string' ? value.split(from).join(to) : value;
}

/** Copy `n` of a fixture: the resource id (and the ARN and name that embed it) made unique. */
export function replicate(ci, n) {
  const copy = structuredClone(ci);
  const id = ci.resourceId;
  const newId = n === 0 ? id : `${id}-${n}`;
  copy.resourceId = newId;
  copy.ARN = replace(ci.ARN, id, newId);
  if (ci.resourceName === id) copy.resourceName = newId;
  return copy;
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

/** `count` CIs cycling through the fixtures. */
export function corpus(count, shape) {
  const fixtures = loadFixtures();
  const items = [];
  for (let i = 0; i < count; i++) {
    const ci = replicate(fixtures[i % fixtures.length], Math.floor(i / fixtures.length));
    items.push(shape === 'api' ? toApiShape(ci) : ci);
  }
  return { items, fixtures: fixtures.length };
}
