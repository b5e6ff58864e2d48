import { attestationPackageRepositories as control } from '../../../../src/controls/wellarchitected/attestation-package-repositories.js';
import { attestationCases } from './attestation-cases.js';

attestationCases(control, 365);
