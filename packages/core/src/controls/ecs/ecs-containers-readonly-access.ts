import { compliant, defineControl, nonCompliant, notApplicable } from '../../model/control.js';
import { containers, listSome, type TaskDefinitionConfiguration, taskDefinitionName } from './task-definition.js';

export const ecsContainersReadonlyAccess = defineControl({
  id: 'ecs-containers-readonly-access',
  title: 'ECS containers have read-only root file systems',
  description:
    'Checks whether every container definition of an ECS task definition sets readonlyRootFilesystem to true; a container where it is false or absent can write to its root file system. Inactive revisions are not applicable.',
  area: 'infrastructure',
  severity: 'HIGH',
  resourceTypes: ['AWS::ECS::TaskDefinition'],
  wellArchitected: ['SEC06-BP02'],
  rationale: {
    'SEC06-BP02':
      'A read-only root file system is a hardening setting that stops writes to the container image at run time.',
  },
  references: { awsConfigRules: ['ecs-containers-readonly-access'], securityHub: ['ECS.5'] },
  trigger: 'change',
  remediation: {
    text: 'Set readonlyRootFilesystem to true in each container definition and mount volumes for the paths the application must write to, then register the new revision.',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security',
  },
  evaluate(item) {
    const td = item.config<TaskDefinitionConfiguration>();
    const name = taskDefinitionName(item, td);
    if (td.Status === 'INACTIVE') return notApplicable(`Task definition ${name} is inactive.`);
    const writable = containers(td)
      .filter((c) => c.ReadonlyRootFilesystem !== true)
      .map((c) => c.Name);
    if (writable.length > 0) {
      return nonCompliant(
        `Task definition ${name} has containers with a writable root file system: ${listSome(writable)}.`,
      );
    }
    return compliant(`Every container of task definition ${name} has a read-only root file system.`);
  },
});
