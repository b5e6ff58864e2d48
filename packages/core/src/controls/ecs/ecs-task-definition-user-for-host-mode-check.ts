import * as z from 'zod';
import { compliant, defineControl, nonCompliant, notApplicable, param } from '../../model/control.js';
import {
  containers,
  listSome,
  runsAsRoot,
  type TaskDefinitionConfiguration,
  taskDefinitionName,
} from './task-definition.js';

export const ecsTaskDefinitionUserForHostModeCheck = defineControl({
  id: 'ecs-task-definition-user-for-host-mode-check',
  title: 'ECS task definitions in host network mode do not run unprivileged containers as root',
  description:
    'Checks whether ECS task definitions with network mode host have container definitions that run as root (user empty, root or 0) without privileged set to true. Other network modes are not applicable; SkipInactiveTaskDefinitions true skips inactive revisions.',
  area: 'infrastructure',
  severity: 'HIGH',
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  wellArchitected: ['SEC06-BP02'],
  rationale: {
    'SEC06-BP02':
      'Host-network containers running as root share the host network stack; the check requires a non-root user or explicit privilege.',
  },
  references: { awsConfigRules: ['ecs-task-definition-user-for-host-mode-check'] },
  trigger: 'change',
  parameters: z.strictObject({ SkipInactiveTaskDefinitions: param.bool(false) }),
  remediation: {
    text: 'Use the awsvpc network mode, or set a non-root user in each container definition of the host-mode task definition, and register the new revision.',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#network_mode',
  },
  evaluate(item, ctx) {
    const td = item.config<TaskDefinitionConfiguration>();
    const name = taskDefinitionName(item, td);
    if (ctx.params.SkipInactiveTaskDefinitions && td.Status === 'INACTIVE') {
      return notApplicable(`Task definition ${name} is inactive and SkipInactiveTaskDefinitions is true.`);
    }
    const mode = td.NetworkMode ?? 'bridge';
    if (mode !== 'host') return notApplicable(`Task definition ${name} uses network mode ${mode}, not host.`);
    const root = containers(td)
      .filter((c) => c.Privileged !== true && runsAsRoot(c.User))
      .map((c) => c.Name);
    if (root.length > 0) {
      return nonCompliant(
        `Task definition ${name} uses host network mode with containers that run as root without privileged: ${listSome(root)}.`,
      );
    }
    return compliant(`Every container of host-mode task definition ${name} runs as a non-root user or privileged.`);
  },
});
