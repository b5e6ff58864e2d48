export const SNS_CONTROLS = [];
