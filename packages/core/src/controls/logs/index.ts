export const LOGS_CONTROLS = [];
