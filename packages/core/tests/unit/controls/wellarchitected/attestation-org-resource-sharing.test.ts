import { attestationOrgResourceSharing as control } from '../../../../src/controls/wellarchitected/attestation-org-resource-sharing.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 365);
