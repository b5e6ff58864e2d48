import { attestationDataDiscovery as control } from '../../../../src/controls/wellarchitected/attestation-data-discovery.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 365);
