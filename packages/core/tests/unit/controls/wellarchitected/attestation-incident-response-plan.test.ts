import { attestationIncidentResponsePlan as control } from '../../../../src/controls/wellarchitected/attestation-incident-response-plan.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 365);
