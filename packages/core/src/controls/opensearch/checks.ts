import type { ConfigItem } from '../../ci/config-item.js';
import { compliant, nonCompliant, type Verdict } from '../../model/control.js';
import { domainView, LOG_TYPES, requestedLogTypes } from './domain.js';

export function checkEncryptedAtRest(item: ConfigItem): Verdict {
  const d = domainView(item);
  if (!d.encryptedAtRest) return nonCompliant(`${d.label} does not have encryption at rest enabled.`);
  return compliant(`${d.label} is encrypted at rest with KMS key ${d.kmsKeyId ?? 'aws/es'}.`);
}

export function checkNodeToNode(item: ConfigItem): Verdict {
  const d = domainView(item);
  if (!d.nodeToNodeEncryption) return nonCompliant(`${d.label} does not have node-to-node encryption enabled.`);
  return compliant(`${d.label} encrypts traffic between its nodes.`);
}

export function checkInVpc(item: ConfigItem): Verdict {
  const d = domainView(item);
  if (d.subnetIds.length === 0) return nonCompliant(`${d.label} has a public endpoint: it is not in a VPC.`);
  return compliant(`${d.label} is in a VPC (subnets ${d.subnetIds.join(', ')}).`);
}

/** Without logTypes any CloudWatch Logs publishing passes; with it, every listed type must be on. */
export function checkLogsToCloudWatch(item: ConfigItem, logTypes: readonly string[]): Verdict {
  const d = domainView(item);
  const enabled = Object.entries(d.logs)
    .filter(([, s]) => s.enabled)
    .map(([type]) => type)
    .sort();
  if (logTypes.length === 0) {
    if (enabled.length === 0) return nonCompliant(`${d.label} does not publish any logs to CloudWatch Logs.`);
    return compliant(`${d.label} publishes ${enabled.join(', ')} to CloudWatch Logs.`);
  }
  const missing = requestedLogTypes(logTypes).filter((t) => !enabled.includes(t));
  if (missing.length > 0) return nonCompliant(`${d.label} does not publish ${missing.join(', ')} to CloudWatch Logs.`);
  return compliant(`${d.label} publishes ${enabled.join(', ')} to CloudWatch Logs.`);
}

export { LOG_TYPES };
