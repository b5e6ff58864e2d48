import { emrKerberosEnabled } from './emr-kerberos-enabled.js';
import { emrMasterNoPublicIp } from './emr-master-no-public-ip.js';

export const EMR_CONTROLS = [emrKerberosEnabled, emrMasterNoPublicIp];
