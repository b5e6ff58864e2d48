import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { type ProjectConfiguration, projectName } from './project-configuration.js';

export const codebuildProjectArtifactEncryption = defineControl({
  id: 'codebuild-project-artifact-encryption',
  title: 'CodeBuild projects encrypt their build artifacts',
  description:
    'Checks whether an AWS CodeBuild project encrypts all of its artifacts: it is non-compliant when encryptionDisabled is true for the primary artifacts or for any secondary artifacts.',
  area: 'data-protection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::CodeBuild::Project'],
  wellArchitected: ['SEC08-BP02'],
  rationale: {
    'SEC08-BP02': 'Build outputs stored in S3 are encrypted at rest with the project key.',
  },
  references: { awsConfigRules: ['codebuild-project-artifact-encryption'] },
  trigger: 'change',
  remediation: {
    text: 'Clear "Disable artifacts encryption" for the primary and secondary artifacts of the project so that CodeBuild encrypts them with the project KMS key.',
    url: 'https://docs.aws.amazon.com/codebuild/latest/userguide/security-encryption.html',
  },
  evaluate(item) {
    const project = item.config<ProjectConfiguration>();
    const name = projectName(item);
    const artifacts = [
      { label: 'primary artifacts', a: project.artifacts },
      ...(project.secondaryArtifacts ?? []).map((a) => ({
        label: `secondary artifacts ${a.artifactIdentifier ?? a.location ?? '(unnamed)'}`,
        a,
      })),
    ].filter((x) => x.a && x.a.type !== 'NO_ARTIFACTS');
    const unencrypted = artifacts.filter((x) => x.a?.encryptionDisabled === true).map((x) => x.label);
    if (unencrypted.length > 0) {
      return nonCompliant(`CodeBuild project ${name} has encryption disabled for ${unencrypted.join(', ')}.`);
    }
    return compliant(`CodeBuild project ${name} encrypts all of its artifacts.`);
  },
});
