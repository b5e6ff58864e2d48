import * as z from 'zod';
import { compliant, defineControl, nonCompliant, notApplicable, param } from '../../model/control.js';
import { type ProjectConfiguration, projectName } from './project-configuration.js';

export const codebuildProjectS3LogsEncrypted = defineControl({
  id: 'codebuild-project-s3-logs-encrypted',
  title: 'CodeBuild projects encrypt the build logs they write to S3',
  description:
    'Checks whether an AWS CodeBuild project that sends logs to Amazon S3 keeps their encryption on: it is non-compliant when logsConfig.s3Logs.encryptionDisabled is true. Projects named in exemptedProjects are not applicable.',
  area: 'data-protection',
  severity: 'LOW',
  resourceTypes: ['AWS::CodeBuild::Project'],
  wellArchitected: ['SEC08-BP02'],
  rationale: {
    'SEC08-BP02': 'Build logs, which can hold secrets and source, are encrypted at rest in S3.',
  },
  references: { awsConfigRules: ['codebuild-project-s3-logs-encrypted'], securityHub: ['CodeBuild.3'] },
  trigger: 'change',
  parameters: z.strictObject({ exemptedProjects: param.csv() }),
  remediation: {
    text: 'Clear "Disable S3 log encryption" in the project logs configuration so that CodeBuild encrypts the S3 build logs.',
    url: 'https://docs.aws.amazon.com/codebuild/latest/userguide/change-project-console.html#change-project-console-logs',
  },
  evaluate(item, ctx) {
    const project = item.config<ProjectConfiguration>();
    const name = projectName(item);
    if (ctx.params.exemptedProjects.includes(name)) return notApplicable(`CodeBuild project ${name} is exempted.`);
    const s3 = project.logsConfig?.s3Logs;
    if (s3?.status !== 'ENABLED') return notApplicable(`CodeBuild project ${name} does not send logs to S3.`);
    if (s3.encryptionDisabled === true) {
      return nonCompliant(
        `CodeBuild project ${name} writes unencrypted logs to S3 location ${s3.location ?? 'unknown'}.`,
      );
    }
    return compliant(`CodeBuild project ${name} encrypts its S3 logs.`);
  },
});
