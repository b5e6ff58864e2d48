export {
  type AdaptedItem,
  type AdapterEnv,
  adaptedTokens,
  FACT_ADAPTERS,
  type FactAdapter,
  KNOWN_AFTER_APPLY,
  RESOURCE_ADAPTERS,
  type ResourceAdapter,
} from './adapters/index.js';
export { adaptedResourceTypes, NOT_AT_PREVIEW, PREVIEW_CONTROL_IDS, previewControls } from './controls.js';
export { previewDocsSection, TABLE_BEGIN, TABLE_END, withCurrentSection } from './docs.js';
export { type EnvOptions, evaluateStack, inferEnv, type StackEvaluation, stackItems } from './evaluate.js';
export {
  buildPolicies,
  type EnforcementOptions,
  enforcementFromEnv,
  enforcementLevelFor,
  INSUFFICIENT_DATA_POLICY,
  POLICY_CONFIG_SCHEMA,
  type PolicyOptions,
  PolicyPackConfigError,
  SUPPRESS_TAG_PREFIX,
  SUPPRESSIONS_POLICY,
  suppressionReason,
  violationMessage,
} from './policies.js';
export { type PolicyResourceLike, type Reference, Stack, type StackResource } from './stack.js';
export { checked, isUnknown, plainProps, UNKNOWN_SENTINELS, UnknownInputError, unknownValue } from './unknown.js';
