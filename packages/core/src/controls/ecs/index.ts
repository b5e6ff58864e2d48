import { ecsContainerInsightsEnabled } from './ecs-container-insights-enabled.js';
import { ecsContainersNonprivileged } from './ecs-containers-nonprivileged.js';
import { ecsContainersReadonlyAccess } from './ecs-containers-readonly-access.js';
import { ecsFargateLatestPlatformVersion } from './ecs-fargate-latest-platform-version.js';
import { ecsTaskDefinitionNonrootUser } from './ecs-task-definition-nonroot-user.js';
import { ecsTaskDefinitionUserForHostModeCheck } from './ecs-task-definition-user-for-host-mode-check.js';

export const ECS_CONTROLS = [
  ecsContainerInsightsEnabled,
  ecsContainersNonprivileged,
  ecsContainersReadonlyAccess,
  ecsFargateLatestPlatformVersion,
  ecsTaskDefinitionNonrootUser,
  ecsTaskDefinitionUserForHostModeCheck,
];
