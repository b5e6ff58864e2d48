import { attestationSoftwareIntegrity as control } from '../../../../src/controls/wellarchitected/attestation-software-integrity.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 365);
