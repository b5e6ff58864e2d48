import type { ConfigItem } from '../../ci/config-item.js';

interface ArtifactsConfiguration {
  type?: string;
  location?: string | null;
  artifactIdentifier?: string | null;
  encryptionDisabled?: boolean | null;
}

/** The fields of an `AWS::CodeBuild::Project` configuration item the CodeBuild controls read. */
export interface ProjectConfiguration {
  name: string;
  artifacts: ArtifactsConfiguration | null;
  secondaryArtifacts: ArtifactsConfiguration[] | null;
  environment: { environmentVariables?: { name: string; type?: string; value?: string }[] | null } | null;
  logsConfig: {
    s3Logs?: { status?: string; location?: string | null; encryptionDisabled?: boolean | null } | null;
  } | null;
}

export function projectName(item: ConfigItem): string {
  return item.config<ProjectConfiguration>().name ?? item.resourceName ?? item.resourceId;
}
