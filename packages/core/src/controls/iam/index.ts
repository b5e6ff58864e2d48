export const IAM_CONTROLS = [];
