import { attestationThreatModel as control } from '../../../../src/controls/wellarchitected/attestation-threat-model.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 365);
