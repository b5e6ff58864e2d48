import { shieldAdvancedEnabledAutorenew } from './shield-advanced-enabled-autorenew.js';
import { shieldAdvancedResourcesProtected } from './shield-advanced-resources-protected.js';
import { shieldDrtAccess } from './shield-drt-access.js';

export const SHIELD_CONTROLS = [shieldAdvancedEnabledAutorenew, shieldAdvancedResourcesProtected, shieldDrtAccess];
