import { attestationThreatIntelligence as control } from '../../../../src/controls/wellarchitected/attestation-threat-intelligence.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 90);
