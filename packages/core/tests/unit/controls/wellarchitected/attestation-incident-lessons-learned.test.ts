import { attestationIncidentLessonsLearned as control } from '../../../../src/controls/wellarchitected/attestation-incident-lessons-learned.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 365);
