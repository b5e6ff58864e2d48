import { attestationSecurityOwnership as control } from '../../../../src/controls/wellarchitected/attestation-security-ownership.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 365);
