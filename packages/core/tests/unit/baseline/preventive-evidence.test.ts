import { describe, expect, it } from 'vitest';
import {
  BASELINE_COMPONENTS,
  preventiveComponents,
  preventiveEvidence,
} from '../../../src/baseline/preventive-evidence.js';
import { catalog } from '../../../src/controls/index.js';

describe('BASELINE_COMPONENTS', () => {
  it('names only controls of the catalog', () => {
    const ids = new Set(
      catalog()
        .all()
        .map((c) => c.id),
    );
    for (const [component, controls] of Object.entries(BASELINE_COMPONENTS)) {
      for (const id of controls) expect(ids.has(id), `${component}: ${id}`).toBe(true);
    }
  });

  it('gives SecurityBaseline the union of its parts', () => {
    expect(preventiveEvidence('SecurityBaseline')).toEqual(
      [...new Set(Object.values(BASELINE_COMPONENTS).flat())].sort(),
    );
    expect(preventiveEvidence('IncidentResponse')).toContain('incident-response-playbooks-deployed');
  });

  it('finds the components that satisfy a control', () => {
    expect(preventiveComponents('guardduty-enabled-centralized')).toEqual(['GuardDuty']);
    expect(preventiveComponents('sns-encrypted-kms')).toEqual(['Alerting', 'IncidentResponse']);
    expect(preventiveComponents('incident-response-role-restricted')).toEqual(['IncidentResponse']);
    expect(preventiveComponents('restricted-ssh')).toEqual([]);
  });
});
