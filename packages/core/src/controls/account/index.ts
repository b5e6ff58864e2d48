export const ACCOUNT_CONTROLS = [];
