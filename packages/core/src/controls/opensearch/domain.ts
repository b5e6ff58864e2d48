import type { ConfigItem } from '../../ci/config-item.js';

/** Log types as the domains record them, and the names the managed rules' logTypes parameter uses. */
export const LOG_TYPES = {
  error: 'ES_APPLICATION_LOGS',
  search: 'SEARCH_SLOW_LOGS',
  index: 'INDEX_SLOW_LOGS',
  audit: 'AUDIT_LOGS',
} as const;

export interface LogSetting {
  enabled: boolean;
  logGroupArn: string | undefined;
}

/**
 * One view of an OpenSearch or Elasticsearch domain: AWS Config records `AWS::OpenSearch::Domain`
 * in PascalCase (`EncryptionAtRestOptions.Enabled`) and `AWS::Elasticsearch::Domain` in camelCase
 * with its own spellings (`vpcoptions`, `tlssecurityPolicy`).
 */
export interface DomainView {
  /** "OpenSearch domain logs" or "Elasticsearch domain logs", for annotations. */
  label: string;
  encryptedAtRest: boolean;
  kmsKeyId: string | undefined;
  nodeToNodeEncryption: boolean;
  subnetIds: string[];
  vpcEndpoint: string | undefined;
  enforceHttps: boolean;
  tlsSecurityPolicy: string | undefined;
  logs: Record<string, LogSetting>;
}

type Doc = Record<string, unknown> | undefined | null;

const obj = (value: unknown): Doc =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];

function readLogs(value: unknown, enabledKey: string, arnKey: string): Record<string, LogSetting> {
  const out: Record<string, LogSetting> = {};
  for (const [type, setting] of Object.entries(obj(value) ?? {})) {
    const s = obj(setting);
    out[type] = { enabled: s?.[enabledKey] === true, logGroupArn: str(s?.[arnKey]) };
  }
  return out;
}

export function domainView(item: ConfigItem): DomainView {
  return item.derived('opensearch:domain', (it) => {
    const c = it.configuration;
    if (it.resourceType === 'AWS::Elasticsearch::Domain') {
      const endpointOptions = obj(c['domainEndpointOptions']);
      return {
        label: `Elasticsearch domain ${str(c['domainName']) ?? it.resourceName ?? it.resourceId}`,
        encryptedAtRest: obj(c['encryptionAtRestOptions'])?.['enabled'] === true,
        kmsKeyId: str(obj(c['encryptionAtRestOptions'])?.['kmsKeyId']),
        nodeToNodeEncryption: obj(c['nodeToNodeEncryptionOptions'])?.['enabled'] === true,
        subnetIds: strings(obj(c['vpcoptions'])?.['subnetIds']),
        vpcEndpoint: str(obj(c['endpoints'])?.['vpc']),
        enforceHttps: endpointOptions?.['enforceHTTPS'] === true,
        tlsSecurityPolicy: str(endpointOptions?.['tlssecurityPolicy']),
        logs: readLogs(c['logPublishingOptions'], 'enabled', 'cloudWatchLogsLogGroupArn'),
      };
    }
    const endpointOptions = obj(c['DomainEndpointOptions']);
    return {
      label: `OpenSearch domain ${str(c['DomainName']) ?? it.resourceName ?? it.resourceId}`,
      encryptedAtRest: obj(c['EncryptionAtRestOptions'])?.['Enabled'] === true,
      kmsKeyId: str(obj(c['EncryptionAtRestOptions'])?.['KmsKeyId']),
      nodeToNodeEncryption: obj(c['NodeToNodeEncryptionOptions'])?.['Enabled'] === true,
      subnetIds: strings(obj(c['VPCOptions'])?.['SubnetIds']),
      vpcEndpoint: str(obj(c['DomainEndpoints'])?.['vpc']),
      enforceHttps: endpointOptions?.['EnforceHTTPS'] === true,
      tlsSecurityPolicy: str(endpointOptions?.['TLSSecurityPolicy']),
      logs: readLogs(c['LogPublishingOptions'], 'Enabled', 'CloudWatchLogsLogGroupArn'),
    };
  });
}

/** The log types a logTypes parameter asks for ('error', 'search', 'index'); unknown names are kept as given. */
export function requestedLogTypes(names: readonly string[]): string[] {
  return names.map((n) => LOG_TYPES[n.trim().toLowerCase() as keyof typeof LOG_TYPES] ?? n.trim().toUpperCase());
}
