import { attestationThirdPartySharing as control } from '../../../../src/controls/wellarchitected/attestation-third-party-sharing.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 365);
