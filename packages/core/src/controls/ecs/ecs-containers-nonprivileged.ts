import { compliant, defineControl, nonCompliant, notApplicable } from '../../model/control.js';
import { containers, listSome, type TaskDefinitionConfiguration, taskDefinitionName } from './task-definition.js';

export const ecsContainersNonprivileged = defineControl({
  id: 'ecs-containers-nonprivileged',
  title: 'ECS containers do not run privileged',
  description:
    'Checks whether any container definition of an ECS task definition sets privileged to true, which gives the container root access to the host. Inactive revisions are not applicable (the managed rule evaluates the active revisions).',
  area: 'infrastructure',
  severity: 'HIGH',
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  wellArchitected: ['SEC06-BP02', 'SEC03-BP02'],
  rationale: {
    'SEC06-BP02': 'Task definitions do not run privileged containers, part of a hardened container configuration.',
    'SEC03-BP02': 'A privileged container holds root access to the host, far beyond what the task needs.',
  },
  references: { awsConfigRules: ['ecs-containers-nonprivileged'], securityHub: ['ECS.4'] },
  trigger: 'change',
  remediation: {
    text: 'Register a new task definition revision without privileged: true (grant specific Linux capabilities instead if needed) and deregister the old one.',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security',
  },
  evaluate(item) {
    const td = item.config<TaskDefinitionConfiguration>();
    const name = taskDefinitionName(item, td);
    if (td.Status === 'INACTIVE') return notApplicable(`Task definition ${name} is inactive.`);
    const privileged = containers(td)
      .filter((c) => c.Privileged === true)
      .map((c) => c.Name);
    if (privileged.length > 0) {
      return nonCompliant(`Task definition ${name} runs privileged containers: ${listSome(privileged)}.`);
    }
    return compliant(`No container of task definition ${name} runs privileged.`);
  },
});
