import { compliant, defineControl, nonCompliant, notApplicable } from '../../model/control.js';
import {
  containers,
  listSome,
  runsAsRoot,
  type TaskDefinitionConfiguration,
  taskDefinitionName,
} from './task-definition.js';

export const ecsTaskDefinitionNonrootUser = defineControl({
  id: 'ecs-task-definition-nonroot-user',
  title: 'ECS task definitions for the EC2 launch type run containers as a non-root user',
  description:
    'Checks whether every container definition of an ECS task definition compatible with the EC2 launch type sets user to a non-root user; an absent user, root or 0 is non-compliant. Fargate-only and inactive task definitions are not applicable.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  wellArchitected: ['SEC06-BP02', 'SEC03-BP02'],
  rationale: {
    'SEC06-BP02': 'Containers run as a non-root user, part of a hardened container configuration.',
    'SEC03-BP02': 'Running as non-root removes root privileges the application does not need.',
  },
  references: { awsConfigRules: ['ecs-task-definition-nonroot-user'] },
  trigger: 'change',
  remediation: {
    text: 'Set user to a non-root user (name or UID, such as 1000:1000) in each container definition and register the new revision; build images that run as that user.',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security',
  },
  evaluate(item) {
    const td = item.config<TaskDefinitionConfiguration>();
    const name = taskDefinitionName(item, td);
    if (td.Status === 'INACTIVE') return notApplicable(`Task definition ${name} is inactive.`);
    const compat = td.RequiresCompatibilities ?? [];
    // Without requiresCompatibilities a task definition is validated for (and runs on) the EC2 launch type.
    if (compat.length > 0 && !compat.includes('EC2')) {
      return notApplicable(`Task definition ${name} is not for the EC2 launch type (${compat.join(', ')}).`);
    }
    const root = containers(td)
      .filter((c) => runsAsRoot(c.User))
      .map((c) => `${c.Name} (${c.User || 'no user'})`);
    if (root.length > 0) {
      return nonCompliant(`Task definition ${name} runs containers as root: ${listSome(root)}.`);
    }
    return compliant(`Every container of task definition ${name} runs as a non-root user.`);
  },
});
