export {
  BASELINE_COMPONENTS,
  type BaselineComponentName,
  preventiveComponents,
  preventiveEvidence,
} from './baseline/preventive-evidence.js';
export { ConfigItem, ConfigurationDecodeError, decodeDocument, type Relationship } from './ci/config-item.js';
export { type ItemIssue, type NormalizeResult, normalizeItem } from './ci/normalize.js';
export {
  ApiConfigurationItemSchema,
  CollectionErrorSchema,
  EventConfigurationItemSchema,
  type ItemShape,
  SelectResourceConfigRowSchema,
  type SnapshotHeader,
  SnapshotHeaderSchema,
} from './ci/schemas.js';
export { CONTROLS, catalog } from './controls/index.js';
export {
  type AddedAttestations,
  ATTESTATION_FILE_VERSION,
  type AttestationFileEntry,
  AttestationFileEntrySchema,
  type AttestationFileResult,
  AttestationFileSchema,
  addAttestations,
  parseAttestationFile,
} from './engine/attestations.js';
export {
  compareEvaluations,
  describeCollectionError,
  type EvaluateOptions,
  type EvaluationRun,
  type EvaluationScope,
  evaluateSnapshot,
  MissingDataError,
  readsOtherResources,
  toEvaluation,
} from './engine/evaluate.js';
export { formatProblem, type LoadResult, loadInput } from './engine/input.js';
export { accountItem, type InputProblem, type ItemOrigin, Snapshot } from './engine/snapshot.js';
export * from './facts/index.js';
export * from './frameworks/cis.js';
export * from './frameworks/conformance-pack.js';
export * from './iam/policy.js';
export {
  ATTESTATION_FACT_TYPE,
  CONTROL_KINDS,
  type Control,
  type ControlDefinition,
  ControlDefinitionError,
  type ControlKind,
  type ControlMetadata,
  ControlMetadataSchema,
  ControlParameterError,
  type ControlReferences,
  compliant,
  defineControl,
  type EvaluationContext,
  type FactLookup,
  insufficientData,
  nonCompliant,
  notApplicable,
  param,
  RATIONALE_MAX_LENGTH,
  type Trigger,
  type Verdict,
  type Where,
} from './model/control.js';
export { DuplicateControlError, Registry, UnknownControlError } from './model/registry.js';
export * from './model/types.js';
export * from './wellarchitected/best-practices.js';
