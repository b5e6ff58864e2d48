import * as z from 'zod';
import { compliant, defineControl, nonCompliant, notApplicable } from '../../model/control.js';

interface ServiceConfiguration {
  ServiceName: string;
  LaunchType: string | null;
  CapacityProviderStrategy: { CapacityProvider?: string }[] | null;
  PlatformVersion: string | null;
}

const version = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

export const ecsFargateLatestPlatformVersion = defineControl({
  id: 'ecs-fargate-latest-platform-version',
  title: 'ECS Fargate services run on the latest Fargate platform version',
  description:
    'Checks whether ECS services on Fargate (launch type or capacity providers FARGATE/FARGATE_SPOT) use platform version LATEST, or the version given in latestLinuxVersion or latestWindowsVersion. Services not on Fargate are not applicable.',
  area: 'infrastructure',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::ECS::Service'],
  wellArchitected: ['SEC06-BP01'],
  rationale: {
    'SEC06-BP01': 'The latest Fargate platform version carries the current kernel and runtime patches.',
  },
  references: { awsConfigRules: ['ecs-fargate-latest-platform-version'], securityHub: ['ECS.10'] },
  trigger: 'change',
  parameters: z.strictObject({ latestLinuxVersion: version, latestWindowsVersion: version }),
  remediation: {
    text: 'Update the service to platform version LATEST (ecs:UpdateService --platform-version LATEST --force-new-deployment) so tasks run on the patched Fargate platform.',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-fargate.html',
  },
  evaluate(item, ctx) {
    const service = item.config<ServiceConfiguration>();
    const name = service.ServiceName ?? item.resourceName ?? item.resourceId;
    const providers = (service.CapacityProviderStrategy ?? []).map((p) => p.CapacityProvider ?? '');
    const fargate = service.LaunchType === 'FARGATE' || providers.some((p) => p === 'FARGATE' || p === 'FARGATE_SPOT');
    if (!fargate) return notApplicable(`ECS service ${name} does not run on Fargate.`);
    const current = service.PlatformVersion || 'LATEST';
    const latest = [ctx.params.latestLinuxVersion, ctx.params.latestWindowsVersion].filter((v) => v !== undefined);
    if (current === 'LATEST' || latest.includes(current)) {
      return compliant(`ECS service ${name} runs on Fargate platform version ${current}.`);
    }
    return nonCompliant(
      `ECS service ${name} runs on Fargate platform version ${current}, not LATEST${latest.length > 0 ? ` or ${latest.join(', ')}` : ''}.`,
    );
  },
});
