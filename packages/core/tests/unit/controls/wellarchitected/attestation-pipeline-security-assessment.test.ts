import { attestationPipelineSecurityAssessment as control } from '../../../../src/controls/wellarchitected/attestation-pipeline-security-assessment.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 365);
