import { configEnabledAllResources } from './config-enabled-all-resources.js';

export const CONFIG_CONTROLS = [configEnabledAllResources];
