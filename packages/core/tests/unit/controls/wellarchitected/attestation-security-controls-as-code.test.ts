import { attestationSecurityControlsAsCode as control } from '../../../../src/controls/wellarchitected/attestation-security-controls-as-code.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 365);
