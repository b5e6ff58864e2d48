import { multiRegionCloudtrailEnabled } from './multi-region-cloudtrail-enabled.js';

export const CLOUDTRAIL_CONTROLS = [multiRegionCloudtrailEnabled];
