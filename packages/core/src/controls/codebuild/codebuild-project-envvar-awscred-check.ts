import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { type ProjectConfiguration, projectName } from './project-configuration.js';

const CREDENTIAL_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'];

export const codebuildProjectEnvvarAwscredCheck = defineControl({
  id: 'codebuild-project-envvar-awscred-check',
  title: 'CodeBuild projects keep no AWS credentials in plaintext environment variables',
  description:
    'Checks whether an AWS CodeBuild project has the environment variable AWS_ACCESS_KEY_ID or AWS_SECRET_ACCESS_KEY of type PLAINTEXT. Variables read from Parameter Store or Secrets Manager are allowed.',
  area: 'iam',
  severity: 'CRITICAL',
  resourceTypes: ['AWS::CodeBuild::Project'],
  wellArchitected: ['SEC02-BP02', 'SEC02-BP03'],
  rationale: {
    'SEC02-BP02': 'Builds use the temporary credentials of the service role, not long-term access keys.',
    'SEC02-BP03': 'No AWS secret access key sits in plaintext in a project definition.',
  },
  references: { awsConfigRules: ['codebuild-project-envvar-awscred-check'], securityHub: ['CodeBuild.2'] },
  trigger: 'change',
  remediation: {
    text: 'Remove the access key variables from the project and let builds use the temporary credentials of the project service role; deactivate and delete the exposed access key.',
    url: 'https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html',
  },
  evaluate(item) {
    const project = item.config<ProjectConfiguration>();
    const name = projectName(item);
    const found = (project.environment?.environmentVariables ?? [])
      .filter((v) => CREDENTIAL_VARIABLES.includes(v.name) && (v.type ?? 'PLAINTEXT') === 'PLAINTEXT')
      .map((v) => v.name);
    if (found.length > 0) {
      return nonCompliant(
        `CodeBuild project ${name} has AWS credentials in plaintext environment variables: ${found.join(', ')}.`,
      );
    }
    return compliant(`CodeBuild project ${name} has no AWS credentials in plaintext environment variables.`);
  },
});
