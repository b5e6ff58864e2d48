import { attestationPenetrationTesting as control } from '../../../../src/controls/wellarchitected/attestation-penetration-testing.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 365);
