import type { ConfigItem } from '../../ci/config-item.js';

export interface NotebookInstanceConfiguration {
  NotebookInstanceName: string;
  KmsKeyId: string | null;
  DirectInternetAccess: 'Enabled' | 'Disabled' | null;
  SubnetId: string | null;
}

export function notebookName(item: ConfigItem): string {
  return item.config<NotebookInstanceConfiguration>().NotebookInstanceName ?? item.resourceName ?? item.resourceId;
}
