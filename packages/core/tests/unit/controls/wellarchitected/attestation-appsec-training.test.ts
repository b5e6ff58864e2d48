import { attestationAppsecTraining as control } from '../../../../src/controls/wellarchitected/attestation-appsec-training.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 365);
