import { dmsReplicationNotPublic } from './dms-replication-not-public.js';

export const DMS_CONTROLS = [dmsReplicationNotPublic];
