export const KMS_CONTROLS = [];
