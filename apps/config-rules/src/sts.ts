/**
 * STS for cross-account rules, behind a dynamic import: the bundle builds this module as a file of
 * its own beside the handler (scripts/bundle.mjs), so functions that never assume a role never load it.
 */
export { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
