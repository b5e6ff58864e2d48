import { accountPartOfOrganizations } from './account-part-of-organizations.js';
import { organizationsScpGuardrailsAttached } from './organizations-scp-guardrails-attached.js';

export const ORGANIZATIONS_CONTROLS = [accountPartOfOrganizations, organizationsScpGuardrailsAttached];
