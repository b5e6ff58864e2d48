import { describe, expect, it } from 'vitest';
import { elasticBeanstalkManagedUpdatesEnabled as control } from '../../../../src/controls/elasticbeanstalk/elastic-beanstalk-managed-updates-enabled.js';
import { ElasticBeanstalkManagedActionsFact } from '../../../../src/index.js';
import { factItem, fixture, toApiShape, verdict } from '../../../helpers.js';

const env = () => fixture('AWS::ElasticBeanstalk::Environment', 'web');
const settings = (managedActionsEnabled: boolean, updateLevel: string | null = 'minor') =>
  factItem(ElasticBeanstalkManagedActionsFact, {
    environments: [
      { environmentId: 'e-4kqz7xj2m3', environmentName: 'orders-web-prod', managedActionsEnabled, updateLevel },
    ],
  });

describe('elastic-beanstalk-managed-updates-enabled', () => {
  it('compliant: managed updates on', () => {
    const v = verdict(control, env(), { with: [settings(true)] });
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe(
      'Elastic Beanstalk environment orders-web-prod has managed platform updates enabled (level minor).',
    );
    expect(verdict(control, toApiShape(env()), { with: [settings(true)] }).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: managed updates off', () => {
    const v = verdict(control, env(), { with: [settings(false, null)] });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Elastic Beanstalk environment orders-web-prod does not have managed platform updates enabled.',
    );
  });

  it('non-compliant with UpdateLevel: another level', () => {
    expect(
      verdict(control, env(), { with: [settings(true, 'patch')], params: { UpdateLevel: 'patch' } }).compliance,
    ).toBe('COMPLIANT');
    const v = verdict(control, env(), { with: [settings(true, 'patch')], params: { UpdateLevel: 'minor' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'Elastic Beanstalk environment orders-web-prod applies managed updates at level patch, not minor.',
    );
    expect(() => control.parseParameters({ UpdateLevel: 'major' })).toThrow(/UpdateLevel/);
  });

  it('insufficient data: no fact, or the environment missing from it', () => {
    expect(verdict(control, env()).compliance).toBe('INSUFFICIENT_DATA');
    const other = factItem(ElasticBeanstalkManagedActionsFact, { environments: [] });
    const v = verdict(control, env(), { with: [other] });
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe(
      'The managed update settings of Elastic Beanstalk environment orders-web-prod were not read.',
    );
  });

  it('not applicable: deleted environment', () => {
    const ci = env();
    ci.configurationItemStatus = 'ResourceDeleted';
    ci.configuration = null;
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
