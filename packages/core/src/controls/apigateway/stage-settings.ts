import type { ConfigItem } from '../../ci/config-item.js';

/** One entry of a REST API stage's `methodSettings`, keyed `*\/*` (stage default) or `<resource path>/<METHOD>`. */
export interface MethodSetting {
  loggingLevel?: string | null;
  dataTraceEnabled?: boolean | null;
  cachingEnabled?: boolean | null;
  cacheDataEncrypted?: boolean | null;
}

export interface RestStageConfiguration {
  stageName: string;
  clientCertificateId: string | null;
  cacheClusterEnabled: boolean | null;
  methodSettings: Record<string, MethodSetting> | null;
}

export interface HttpStageConfiguration {
  stageName: string;
  defaultRouteSettings: { loggingLevel?: string | null } | null;
  routeSettings: Record<string, { loggingLevel?: string | null }> | null;
}

/** "stage prod of API a1b2c3d4e5", from the stage ARN (`…/restapis/<id>/stages/<name>` or `…/apis/<id>/stages/<name>`). */
export function describeStage(item: ConfigItem, stageName: string | undefined): string {
  const match = /\/(?:restapis|apis)\/([^/]+)\/stages\/(.+)$/.exec(item.arn ?? item.resourceId);
  const name = stageName ?? match?.[2] ?? item.resourceName ?? item.resourceId;
  return match ? `stage ${name} of API ${match[1]}` : `stage ${name}`;
}

/** Method settings entries, stage default first. */
export function methodSettings(stage: Partial<RestStageConfiguration>): [string, MethodSetting][] {
  return Object.entries(stage.methodSettings ?? {}).sort(([a], [b]) =>
    a === '*/*' ? -1 : b === '*/*' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
}
