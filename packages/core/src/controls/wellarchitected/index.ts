import { attestationAccessRequirements } from './attestation-access-requirements.js';
import { attestationAppsecTraining } from './attestation-appsec-training.js';
import { attestationCodeReview } from './attestation-code-review.js';
import { attestationControlObjectives } from './attestation-control-objectives.js';
import { attestationDataClassificationScheme } from './attestation-data-classification-scheme.js';
import { attestationDataDiscovery } from './attestation-data-discovery.js';
import { attestationDataProtectionBySensitivity } from './attestation-data-protection-by-sensitivity.js';
import { attestationEmergencyAccess } from './attestation-emergency-access.js';
import { attestationForensicCapabilities } from './attestation-forensic-capabilities.js';
import { attestationIncidentLessonsLearned } from './attestation-incident-lessons-learned.js';
import { attestationIncidentResponsePlan } from './attestation-incident-response-plan.js';
import { attestationIncidentSimulations } from './attestation-incident-simulations.js';
import { attestationOrgResourceSharing } from './attestation-org-resource-sharing.js';
import { attestationPackageRepositories } from './attestation-package-repositories.js';
import { attestationPenetrationTesting } from './attestation-penetration-testing.js';
import { attestationPermissionReviews } from './attestation-permission-reviews.js';
import { attestationPipelineSecurityAssessment } from './attestation-pipeline-security-assessment.js';
import { attestationProgrammaticDeployment } from './attestation-programmatic-deployment.js';
import { attestationSecurityControlsAsCode } from './attestation-security-controls-as-code.js';
import { attestationSecurityManagementScope } from './attestation-security-management-scope.js';
import { attestationSecurityOwnership } from './attestation-security-ownership.js';
import { attestationSecurityServicesReview } from './attestation-security-services-review.js';
import { attestationSoftwareIntegrity } from './attestation-software-integrity.js';
import { attestationThirdPartySharing } from './attestation-third-party-sharing.js';
import { attestationThreatIntelligence } from './attestation-threat-intelligence.js';
import { attestationThreatModel } from './attestation-threat-model.js';

/** Attestation controls: one per best practice that only people can evidence (see docs/attestations.md). */
export const WELLARCHITECTED_CONTROLS = [
  attestationControlObjectives,
  attestationThreatIntelligence,
  attestationSecurityManagementScope,
  attestationSecurityControlsAsCode,
  attestationThreatModel,
  attestationSecurityServicesReview,
  attestationAccessRequirements,
  attestationEmergencyAccess,
  attestationPermissionReviews,
  attestationOrgResourceSharing,
  attestationThirdPartySharing,
  attestationSoftwareIntegrity,
  attestationDataClassificationScheme,
  attestationDataProtectionBySensitivity,
  attestationDataDiscovery,
  attestationIncidentResponsePlan,
  attestationForensicCapabilities,
  attestationIncidentSimulations,
  attestationIncidentLessonsLearned,
  attestationAppsecTraining,
  attestationPenetrationTesting,
  attestationCodeReview,
  attestationPackageRepositories,
  attestationProgrammaticDeployment,
  attestationPipelineSecurityAssessment,
  attestationSecurityOwnership,
];
