import { describe, expect, it } from 'vitest';
import { ecsContainerInsightsEnabled as control } from '../../../../src/controls/ecs/ecs-container-insights-enabled.js';
import { fixture, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::ECS::Cluster', 'insights');

describe('ecs-container-insights-enabled', () => {
  it('compliant: Container Insights enabled', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('ECS cluster orders has Container Insights enabled.');
  });

  it('compliant: Container Insights with enhanced observability', () => {
    const ci = happy();
    ci.configuration.ClusterSettings[0].Value = 'enhanced';
    expect(verdict(control, toApiShape(ci)).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: Container Insights disabled', () => {
    const ci = happy();
    ci.configuration.ClusterSettings[0].Value = 'disabled';
    const v = verdict(control, ci);
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'ECS cluster orders does not have Container Insights enabled (containerInsights is disabled).',
    );
  });

  it('non-compliant: no cluster settings', () => {
    const ci = happy();
    ci.configuration.ClusterSettings = [];
    expect(verdict(control, ci).annotation).toContain('(containerInsights is not set)');
  });

  it('not applicable: deleted cluster', () => {
    const ci = happy();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
