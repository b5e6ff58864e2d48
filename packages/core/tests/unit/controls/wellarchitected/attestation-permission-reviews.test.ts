import { attestationPermissionReviews as control } from '../../../../src/controls/wellarchitected/attestation-permission-reviews.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 90);
