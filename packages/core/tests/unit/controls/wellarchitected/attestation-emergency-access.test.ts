import { attestationEmergencyAccess as control } from '../../../../src/controls/wellarchitected/attestation-emergency-access.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 365);
