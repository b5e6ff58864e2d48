import { describe, expect, it } from 'vitest';
import {
  ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS,
  CONFIG_RULES_LAMBDA_PERMISSIONS,
  fillResource,
  REPORT_GENERATOR_LAMBDA_PERMISSIONS,
} from '../../src/permissions.js';

describe('Lambda permission lists', () => {
  for (const [name, list] of Object.entries({ CONFIG_RULES_LAMBDA_PERMISSIONS, REPORT_GENERATOR_LAMBDA_PERMISSIONS })) {
    it(`${name}: single actions, "*" only where no resource-level permission exists`, () => {
      for (const grant of list) {
        for (const action of grant.actions) expect(action).toMatch(/^[a-z0-9-]+:[A-Za-z0-9]+$/);
        if (grant.resources.includes('*')) {
          for (const action of grant.actions) expect(ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS).toContain(action);
        }
      }
      expect(new Set(list.map((g) => g.sid)).size).toBe(list.length);
    });
  }

  it('config rules can answer Config and the list is sorted', () => {
    expect(CONFIG_RULES_LAMBDA_PERMISSIONS.flatMap((g) => g.actions)).toContain('config:PutEvaluations');
    expect([...ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS].sort()).toEqual(ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS);
  });

  it('fills placeholders and refuses unknown ones', () => {
    expect(fillResource('arn:{partition}:guardduty:*:{account}:detector/*', { partition: 'aws', account: '1' })).toBe(
      'arn:aws:guardduty:*:1:detector/*',
    );
    expect(() => fillResource('{bucket}/x', {})).toThrow('No value for {bucket}');
  });
});
