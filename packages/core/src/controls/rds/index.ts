export const RDS_CONTROLS = [];
