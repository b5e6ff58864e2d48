import { redshiftClusterConfigurationCheck } from './redshift-cluster-configuration-check.js';
import { redshiftClusterKmsEnabled } from './redshift-cluster-kms-enabled.js';
import { redshiftClusterMaintenancesettingsCheck } from './redshift-cluster-maintenancesettings-check.js';
import { redshiftClusterPublicAccessCheck } from './redshift-cluster-public-access-check.js';
import { redshiftEnhancedVpcRoutingEnabled } from './redshift-enhanced-vpc-routing-enabled.js';
import { redshiftRequireTlsSsl } from './redshift-require-tls-ssl.js';

export const REDSHIFT_CONTROLS = [
  redshiftClusterConfigurationCheck,
  redshiftClusterKmsEnabled,
  redshiftClusterMaintenancesettingsCheck,
  redshiftClusterPublicAccessCheck,
  redshiftEnhancedVpcRoutingEnabled,
  redshiftRequireTlsSsl,
];
