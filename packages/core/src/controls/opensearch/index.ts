import { elasticsearchEncryptedAtRest } from './elasticsearch-encrypted-at-rest.js';
import { elasticsearchInVpcOnly } from './elasticsearch-in-vpc-only.js';
import { elasticsearchLogsToCloudwatch } from './elasticsearch-logs-to-cloudwatch.js';
import { elasticsearchNodeToNodeEncryptionCheck } from './elasticsearch-node-to-node-encryption-check.js';
import { opensearchAuditLoggingEnabled } from './opensearch-audit-logging-enabled.js';
import { opensearchEncryptedAtRest } from './opensearch-encrypted-at-rest.js';
import { opensearchHttpsRequired } from './opensearch-https-required.js';
import { opensearchInVpcOnly } from './opensearch-in-vpc-only.js';
import { opensearchLogsToCloudwatch } from './opensearch-logs-to-cloudwatch.js';
import { opensearchNodeToNodeEncryptionCheck } from './opensearch-node-to-node-encryption-check.js';

export const OPENSEARCH_CONTROLS = [
  elasticsearchEncryptedAtRest,
  elasticsearchInVpcOnly,
  elasticsearchLogsToCloudwatch,
  elasticsearchNodeToNodeEncryptionCheck,
  opensearchAuditLoggingEnabled,
  opensearchEncryptedAtRest,
  opensearchHttpsRequired,
  opensearchInVpcOnly,
  opensearchLogsToCloudwatch,
  opensearchNodeToNodeEncryptionCheck,
];
