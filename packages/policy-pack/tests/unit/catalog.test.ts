import { catalog } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import {
  adaptedResourceTypes,
  NOT_AT_PREVIEW,
  PREVIEW_CONTROL_IDS,
  RESOURCE_ADAPTERS,
  UNKNOWN_SENTINELS,
} from '../../src/index.js';

describe('the preview control list', () => {
  it('names catalog controls only, each once, none both enforced and excluded', () => {
    for (const id of [...PREVIEW_CONTROL_IDS, ...Object.keys(NOT_AT_PREVIEW)])
      expect(catalog().get(id), id).toBeDefined();
    expect(new Set(PREVIEW_CONTROL_IDS).size).toBe(PREVIEW_CONTROL_IDS.length);
    expect(PREVIEW_CONTROL_IDS.filter((id) => id in NOT_AT_PREVIEW)).toEqual([]);
  });

  it('decides every catalog control on an adapted type: enforced, or excluded with a reason', () => {
    const adapted = adaptedResourceTypes();
    const relevant = catalog()
      .all()
      .filter((c) =>
        c.accountLevel ? c.needs.some((n) => adapted.has(n)) : c.resourceTypes.some((t) => adapted.has(t)),
      )
      .map((c) => c.id);
    const decided = new Set([...PREVIEW_CONTROL_IDS, ...Object.keys(NOT_AT_PREVIEW)]);
    expect(relevant.filter((id) => !decided.has(id))).toEqual([]);
  });

  it('enforces only controls whose types and needs the adapters build', () => {
    const adapted = adaptedResourceTypes();
    for (const id of PREVIEW_CONTROL_IDS) {
      const c = catalog().get(id)!;
      // Items of other types (IAM users and groups for iam-no-inline-policy-check) are simply not in a stack's items.
      if (!c.accountLevel)
        expect(
          c.resourceTypes.some((t) => adapted.has(t)),
          id,
        ).toBe(true);
      // The web ACL item carries its logging configuration, which the control reads before the fact.
      const needs = c.needs.filter(
        (n) => !(id === 'wafv2-logging-enabled' && n === 'Rampart::WAFv2::LoggingConfigurations'),
      );
      for (const t of needs) expect(adapted.has(t), `${id} reads ${t}`).toBe(true);
    }
  });

  it('has one adapter per configuration item type', () => {
    const types = RESOURCE_ADAPTERS.map((a) => a.resourceType);
    expect(new Set(types).size).toBe(types.length);
  });
});

describe('unknown sentinels', () => {
  it('match the ones @pulumi/policy puts in place of unknown values', async () => {
    const proxy = (await import('@pulumi/policy/proxy.js')) as unknown as Record<string, unknown>;
    const theirs = Object.entries(proxy)
      .filter(([k]) => k.startsWith('unknown') && k.endsWith('Value'))
      .map(([, v]) => v);
    expect(new Set(theirs)).toEqual(new Set(UNKNOWN_SENTINELS));
  });
});
