import { incidentResponseIsolationSecurityGroup } from './incident-response-isolation-security-group.js';
import { incidentResponsePlaybooksDeployed } from './incident-response-playbooks-deployed.js';
import { incidentResponseRoleRestricted } from './incident-response-role-restricted.js';
import { securityAccountInformationProvided } from './security-account-information-provided.js';

export const ACCOUNT_CONTROLS = [
  incidentResponseIsolationSecurityGroup,
  incidentResponsePlaybooksDeployed,
  incidentResponseRoleRestricted,
  securityAccountInformationProvided,
];
