import { compliant, defineControl, nonCompliant } from '../../model/control.js';

interface ClusterConfiguration {
  ClusterName: string;
  ClusterSettings: { Name?: string; Value?: string }[];
}

export const ecsContainerInsightsEnabled = defineControl({
  id: 'ecs-container-insights-enabled',
  title: 'ECS clusters use CloudWatch Container Insights',
  description:
    'Checks whether ECS clusters have CloudWatch Container Insights turned on (cluster setting containerInsights enabled, or enhanced), so task and container metrics and events are collected.',
  area: 'detection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::ECS::Cluster'],
  wellArchitected: ['SEC04-BP01'],
  rationale: {
    'SEC04-BP01': 'Container Insights collects task and container metrics and events from the cluster.',
  },
  references: { awsConfigRules: ['ecs-container-insights-enabled'], securityHub: ['ECS.12'] },
  trigger: 'change',
  remediation: {
    text: 'Turn on Container Insights for the cluster (ecs:UpdateClusterSettings containerInsights=enabled or enhanced), and as the account default with ecs:PutAccountSettingDefault.',
    url: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/deploy-container-insights-ECS-cluster.html',
  },
  evaluate(item) {
    const cluster = item.config<ClusterConfiguration>();
    const name = cluster.ClusterName ?? item.resourceName ?? item.resourceId;
    const value = (cluster.ClusterSettings ?? []).find((s) => s.Name === 'containerInsights')?.Value;
    if (value === 'enabled' || value === 'enhanced') {
      return compliant(`ECS cluster ${name} has Container Insights ${value}.`);
    }
    return nonCompliant(
      `ECS cluster ${name} does not have Container Insights enabled (containerInsights is ${value ?? 'not set'}).`,
    );
  },
});
