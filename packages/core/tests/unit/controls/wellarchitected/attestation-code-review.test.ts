import { attestationCodeReview as control } from '../../../../src/controls/wellarchitected/attestation-code-review.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 365);
