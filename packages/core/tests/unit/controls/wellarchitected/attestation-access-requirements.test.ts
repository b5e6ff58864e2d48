import { attestationAccessRequirements as control } from '../../../../src/controls/wellarchitected/attestation-access-requirements.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 365);
