import { describe, expect, it } from 'vitest';
import { ecrPrivateImageScanningEnabled as control } from '../../../../src/controls/ecr/ecr-private-image-scanning-enabled.js';
import { EcrRegistryScanningFact } from '../../../../src/index.js';
import { ACCOUNT, fixture, REGION, toApiShape, verdict } from '../../../helpers.js';

const happy = () => fixture('AWS::ECR::Repository', 'scan-on-push');
const noPushScan = () => {
  const ci = happy();
  ci.configuration.ImageScanningConfiguration.ScanOnPush = false;
  return ci;
};
const registry = (scanType: string, rules: unknown[]) => ({
  resourceType: EcrRegistryScanningFact.type,
  resourceId: `${ACCOUNT}/${REGION}`,
  awsAccountId: ACCOUNT,
  awsRegion: REGION,
  configuration: { scanType, rules },
});

describe('ecr-private-image-scanning-enabled', () => {
  it('compliant: scan on push on the repository', () => {
    const v = verdict(control, happy());
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('ECR repository orders-api scans images on push.');
    expect(verdict(control, toApiShape(happy())).compliance).toBe('COMPLIANT');
  });

  it('compliant: an enhanced continuous-scan registry rule matches', () => {
    const fact = registry('ENHANCED', [
      { scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: [{ filter: 'orders-*', filterType: 'WILDCARD' }] },
    ]);
    const v = verdict(control, noPushScan(), { with: [fact] });
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('ECR repository orders-api is scanned by the registry rule ENHANCED CONTINUOUS_SCAN.');
  });

  it('non-compliant: no registry rule matches', () => {
    const fact = registry('BASIC', [
      { scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: [{ filter: 'billing-*', filterType: 'WILDCARD' }] },
      { scanFrequency: 'MANUAL', repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] },
    ]);
    const v = verdict(control, noPushScan(), { with: [fact] });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'ECR repository orders-api has no image scanning: ScanOnPush is off and no registry scanning rule matches it.',
    );
  });

  it('insufficient data: ScanOnPush off and the registry scanning rules were not collected', () => {
    const v = verdict(control, noPushScan());
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe(
      `ECR repository orders-api has ScanOnPush off and its registry scanning rules are unknown: The input holds no Rampart::ECR::RegistryScanning fact for account ${ACCOUNT} in ${REGION}.`,
    );
  });

  it('not applicable: deleted repository', () => {
    const ci = noPushScan();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci).compliance).toBe('NOT_APPLICABLE');
  });
});
