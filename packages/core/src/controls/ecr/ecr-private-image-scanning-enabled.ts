import { type EcrRegistryScanning, EcrRegistryScanningFact } from '../../facts/index.js';
import { wildcardMatch } from '../../iam/policy.js';
import { compliant, defineControl, insufficientData, nonCompliant } from '../../model/control.js';

interface RepositoryConfiguration {
  RepositoryName: string;
  ImageScanningConfiguration: { ScanOnPush?: boolean | null } | null;
}

/** The registry scanning rule that scans the repository on push or continuously, if any. */
function registryRule(scanning: EcrRegistryScanning, repository: string): string | undefined {
  for (const rule of scanning.rules) {
    if (rule.scanFrequency === 'MANUAL') continue;
    if (rule.repositoryFilters.some((f) => wildcardMatch(f.filter, repository))) {
      return `${scanning.scanType} ${rule.scanFrequency}`;
    }
  }
  return undefined;
}

export const ecrPrivateImageScanningEnabled = defineControl({
  id: 'ecr-private-image-scanning-enabled',
  title: 'ECR private repositories scan images on push or continuously',
  description:
    'Checks whether each private ECR repository has image scanning: ScanOnPush on the repository, or a registry scanning rule (basic or enhanced) whose filter matches it with scan frequency SCAN_ON_PUSH or CONTINUOUS_SCAN (Rampart::ECR::RegistryScanning); unknown registry rules give INSUFFICIENT_DATA.',
  area: 'infrastructure',
  severity: 'HIGH',
  resourceTypes: ['AWS::ECR::Repository'],
  wellArchitected: ['SEC06-BP01', 'SEC11-BP02'],
  rationale: {
    'SEC06-BP01': 'Container images are scanned for known vulnerabilities on push or continuously.',
    'SEC11-BP02': 'Scanning on push tests every image the release pipeline publishes, without a manual step.',
  },
  references: { awsConfigRules: ['ecr-private-image-scanning-enabled'], securityHub: ['ECR.1'] },
  trigger: 'periodic',
  needs: [EcrRegistryScanningFact.type],
  remediation: {
    text: 'Configure registry scanning with a rule that matches the repository (scan on push, or continuous scanning with enhanced scanning through Amazon Inspector).',
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html',
  },
  evaluate(item, ctx) {
    const repo = item.config<RepositoryConfiguration>();
    const name = repo.RepositoryName ?? item.resourceName ?? item.resourceId;
    if (repo.ImageScanningConfiguration?.ScanOnPush === true) {
      return compliant(`ECR repository ${name} scans images on push.`);
    }
    const scanning = ctx.fact(EcrRegistryScanningFact);
    if (scanning.found) {
      const rule = registryRule(scanning.value, name);
      if (rule !== undefined) return compliant(`ECR repository ${name} is scanned by the registry rule ${rule}.`);
      return nonCompliant(
        `ECR repository ${name} has no image scanning: ScanOnPush is off and no registry scanning rule matches it.`,
      );
    }
    // Registry rules supersede the repository setting, so without them the repository may still be scanned.
    return insufficientData(
      `ECR repository ${name} has ScanOnPush off and its registry scanning rules are unknown: ${scanning.reason}`,
    );
  },
});
