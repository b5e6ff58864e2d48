import { attestationControlObjectives as control } from '../../../../src/controls/wellarchitected/attestation-control-objectives.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 365);
