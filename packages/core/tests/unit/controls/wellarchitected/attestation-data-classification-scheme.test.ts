import { attestationDataClassificationScheme as control } from '../../../../src/controls/wellarchitected/attestation-data-classification-scheme.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 365);
