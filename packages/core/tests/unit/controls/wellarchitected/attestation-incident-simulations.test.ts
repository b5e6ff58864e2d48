import { attestationIncidentSimulations as control } from '../../../../src/controls/wellarchitected/attestation-incident-simulations.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 365);
