import { catalog } from '@rampart/core';
import { describe, expect, it } from 'vitest';
import { PREVENTIVE_EVIDENCE, preventiveEvidence } from '../../src/evidence.js';

describe('PREVENTIVE_EVIDENCE', () => {
  it('names only controls of the catalog', () => {
    const ids = new Set(
      catalog()
        .all()
        .map((c) => c.id),
    );
    for (const [component, controls] of Object.entries(PREVENTIVE_EVIDENCE)) {
      for (const id of controls) expect(ids.has(id), `${component}: ${id}`).toBe(true);
    }
  });

  it('covers every component, and SecurityBaseline is the union', () => {
    expect(Object.keys(PREVENTIVE_EVIDENCE).sort()).toEqual([
      'AccountGuardrails',
      'Alerting',
      'CloudTrail',
      'ConfigRecorder',
      'ConfigRules',
      'GuardDuty',
      'IncidentResponse',
      'KmsKeys',
      'NetworkFirewall',
      'ReportGenerator',
      'SecurityHub',
      'ShieldAdvanced',
      'WebAcl',
    ]);
    expect(preventiveEvidence('SecurityBaseline')).toEqual(
      [...new Set(Object.values(PREVENTIVE_EVIDENCE).flat())].sort(),
    );
    expect(preventiveEvidence('GuardDuty')).toContain('guardduty-enabled-centralized');
  });
});
