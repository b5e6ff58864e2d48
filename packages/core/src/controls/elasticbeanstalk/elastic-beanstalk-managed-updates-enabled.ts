import * as z from 'zod';
import { ElasticBeanstalkManagedActionsFact } from '../../facts/index.js';
import { compliant, defineControl, insufficientData, nonCompliant } from '../../model/control.js';

interface EnvironmentConfiguration {
  environmentName: string;
  environmentId: string;
}

export const elasticBeanstalkManagedUpdatesEnabled = defineControl({
  id: 'elastic-beanstalk-managed-updates-enabled',
  title: 'Elastic Beanstalk environments have managed platform updates enabled',
  description:
    'Checks whether managed platform updates are enabled for an AWS Elastic Beanstalk environment (ManagedActionsEnabled). With UpdateLevel set (minor or patch), the environment must use that update level.',
  area: 'infrastructure',
  severity: 'HIGH',
  resourceTypes: ['AWS::ElasticBeanstalk::Environment'],
  wellArchitected: ['SEC06-BP01'],
  rationale: {
    'SEC06-BP01': 'Platform patches and minor updates are applied automatically in a maintenance window.',
  },
  references: { awsConfigRules: ['elastic-beanstalk-managed-updates-enabled'], securityHub: ['ElasticBeanstalk.2'] },
  trigger: 'periodic',
  needs: [ElasticBeanstalkManagedActionsFact.type],
  parameters: z.strictObject({ UpdateLevel: z.enum(['minor', 'patch']).optional() }),
  remediation: {
    text: 'Turn on managed platform updates for the environment with a weekly maintenance window and the update level (minor or patch) your change policy allows.',
    url: 'https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/environment-platform-update-managed.html',
  },
  evaluate(item, ctx) {
    const env = item.config<EnvironmentConfiguration>();
    const name = env.environmentName ?? item.resourceName ?? item.resourceId;
    const id = env.environmentId ?? item.resourceId;
    const { environments } = ctx.require(ElasticBeanstalkManagedActionsFact);
    const found = environments.find((e) => e.environmentId === id || e.environmentName === name);
    if (found === undefined) {
      return insufficientData(`The managed update settings of Elastic Beanstalk environment ${name} were not read.`);
    }
    if (!found.managedActionsEnabled) {
      return nonCompliant(`Elastic Beanstalk environment ${name} does not have managed platform updates enabled.`);
    }
    const wanted = ctx.params.UpdateLevel;
    if (wanted !== undefined && found.updateLevel !== wanted) {
      return nonCompliant(
        `Elastic Beanstalk environment ${name} applies managed updates at level ${found.updateLevel ?? 'unknown'}, not ${wanted}.`,
      );
    }
    return compliant(
      `Elastic Beanstalk environment ${name} has managed platform updates enabled (level ${found.updateLevel ?? 'unknown'}).`,
    );
  },
});
