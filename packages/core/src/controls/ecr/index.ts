import { ecrPrivateImageScanningEnabled } from './ecr-private-image-scanning-enabled.js';

export const ECR_CONTROLS = [ecrPrivateImageScanningEnabled];
