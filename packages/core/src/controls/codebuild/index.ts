import { codebuildProjectArtifactEncryption } from './codebuild-project-artifact-encryption.js';
import { codebuildProjectEnvvarAwscredCheck } from './codebuild-project-envvar-awscred-check.js';
import { codebuildProjectS3LogsEncrypted } from './codebuild-project-s3-logs-encrypted.js';

export const CODEBUILD_CONTROLS = [
  codebuildProjectArtifactEncryption,
  codebuildProjectEnvvarAwscredCheck,
  codebuildProjectS3LogsEncrypted,
];
