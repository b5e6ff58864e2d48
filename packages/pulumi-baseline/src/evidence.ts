/**
 * Preventive evidence lives in `@rampart/core` (plain data the catalog and the CLI read without Pulumi);
 * re-exported here under the names this package has always used.
 */
export {
  BASELINE_COMPONENTS as PREVENTIVE_EVIDENCE,
  type BaselineComponentName,
  preventiveComponents,
  preventiveEvidence,
} from '@rampart/core';
