import { attestationProgrammaticDeployment as control } from '../../../../src/controls/wellarchitected/attestation-programmatic-deployment.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 365);
