import { attestationDataProtectionBySensitivity as control } from '../../../../src/controls/wellarchitected/attestation-data-protection-by-sensitivity.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 365);
