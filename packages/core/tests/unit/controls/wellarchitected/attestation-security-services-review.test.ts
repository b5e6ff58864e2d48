import { attestationSecurityServicesReview as control } from '../../../../src/controls/wellarchitected/attestation-security-services-review.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 365);
