import type { ConfigItem } from '../../ci/config-item.js';

/** A container definition as AWS Config records it in an `AWS::ECS::TaskDefinition` item (PascalCase fields). */
export interface ContainerDefinition {
  Name: string;
  Image?: string;
  Privileged?: boolean | null;
  ReadonlyRootFilesystem?: boolean | null;
  User?: string | null;
}

export interface TaskDefinitionConfiguration {
  TaskDefinitionArn: string;
  Family: string;
  NetworkMode: string | null;
  /** ACTIVE, INACTIVE or DELETE_IN_PROGRESS. */
  Status: string;
  RequiresCompatibilities: string[];
  ContainerDefinitions: ContainerDefinition[];
}

/** `family:revision` from the ARN, else the family, else the resource id. */
export function taskDefinitionName(item: ConfigItem, td: Partial<TaskDefinitionConfiguration>): string {
  const fromArn = /task-definition\/(.+)$/.exec(td.TaskDefinitionArn ?? item.arn ?? '');
  return fromArn?.[1] ?? td.Family ?? item.resourceId;
}

export function containers(td: Partial<TaskDefinitionConfiguration>): ContainerDefinition[] {
  return td.ContainerDefinitions ?? [];
}

/** Whether the `user` of a container is root: empty, `root`, `0`, or `root`/`0` with a group (`0:0`). */
export function runsAsRoot(user: string | null | undefined): boolean {
  const name = (user ?? '').trim().split(':')[0]!;
  return name === '' || name === 'root' || name === '0';
}

/** "a, b, c and 2 more" — keeps annotations under the PutEvaluations limit. */
export function listSome(values: readonly string[], max = 3): string {
  const shown = values.slice(0, max).join(', ');
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
}
