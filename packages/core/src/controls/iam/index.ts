import { accessKeysRotated } from './access-keys-rotated.js';
import { iamCustomerPolicyBlockedKmsActions } from './iam-customer-policy-blocked-kms-actions.js';
import { iamDelegatedAdminRolePermissionsBoundary } from './iam-delegated-admin-role-permissions-boundary.js';
import { iamExternalAccessAnalyzerEnabled } from './iam-external-access-analyzer-enabled.js';
import { iamGroupHasUsersCheck } from './iam-group-has-users-check.js';
import { iamNoInlinePolicyCheck } from './iam-no-inline-policy-check.js';
import { iamNoUserCredentialsWithIdentityCenter } from './iam-no-user-credentials-with-identity-center.js';
import { iamPasswordPolicy } from './iam-password-policy.js';
import { iamPolicyNoStatementsWithAdminAccess } from './iam-policy-no-statements-with-admin-access.js';
import { iamPolicyNoStatementsWithFullAccess } from './iam-policy-no-statements-with-full-access.js';
import { iamRootAccessKeyCheck } from './iam-root-access-key-check.js';
import { iamUserGroupMembershipCheck } from './iam-user-group-membership-check.js';
import { iamUserMfaEnabled } from './iam-user-mfa-enabled.js';
import { iamUserNoPoliciesCheck } from './iam-user-no-policies-check.js';
import { iamUserUnusedCredentialsCheck } from './iam-user-unused-credentials-check.js';
import { mfaEnabledForIamConsoleAccess } from './mfa-enabled-for-iam-console-access.js';
import { rootAccountHardwareMfaEnabled } from './root-account-hardware-mfa-enabled.js';
import { rootAccountMfaEnabled } from './root-account-mfa-enabled.js';

export const IAM_CONTROLS = [
  iamNoUserCredentialsWithIdentityCenter,
  iamExternalAccessAnalyzerEnabled,
  iamDelegatedAdminRolePermissionsBoundary,
  iamCustomerPolicyBlockedKmsActions,
  accessKeysRotated,
  iamGroupHasUsersCheck,
  iamNoInlinePolicyCheck,
  iamPasswordPolicy,
  iamPolicyNoStatementsWithAdminAccess,
  iamPolicyNoStatementsWithFullAccess,
  iamRootAccessKeyCheck,
  iamUserGroupMembershipCheck,
  iamUserMfaEnabled,
  iamUserNoPoliciesCheck,
  iamUserUnusedCredentialsCheck,
  mfaEnabledForIamConsoleAccess,
  rootAccountHardwareMfaEnabled,
  rootAccountMfaEnabled,
];
