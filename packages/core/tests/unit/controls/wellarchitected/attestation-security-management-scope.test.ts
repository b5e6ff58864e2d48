import { attestationSecurityManagementScope as control } from '../../../../src/controls/wellarchitected/attestation-security-management-scope.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 365);
