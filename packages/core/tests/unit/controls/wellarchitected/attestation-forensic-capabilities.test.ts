import { attestationForensicCapabilities as control } from '../../../../src/controls/wellarchitected/attestation-forensic-capabilities.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 365);
