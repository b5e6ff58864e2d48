import type { ConfigItem } from '../../ci/config-item.js';
import { type PolicyDocument, parsePolicy } from '../../iam/policy.js';

/**
 * The key policy of an `AWS::KMS::Key` item, or undefined when the item does not carry it. AWS Config
 * does not record key policies in the configuration item; Rampart's collectors add the document
 * kms:GetKeyPolicy returns (a JSON string) as `supplementaryConfiguration.Policy`.
 */
export function keyPolicy(item: ConfigItem): PolicyDocument | undefined {
  const raw = item.supplementary<unknown>('Policy');
  if (raw === undefined || raw === null || raw === '') return undefined;
  return item.derived('kms.keyPolicy', () => parsePolicy(raw, `key policy of KMS key ${item.resourceId}`));
}
