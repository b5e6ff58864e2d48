export {
  buildFinding,
  type ComplianceStatus,
  complianceStatus,
  defaultHomeRegion,
  type FindingTimes,
  importRegion,
  PRODUCT_FIELDS,
  relatedRequirements,
  TYPE_BEST_PRACTICES,
  TYPE_CIS,
} from './asff/build.js';
export {
  type BuildFindingsOptions,
  type BuiltFindings,
  buildFindings,
  controlMap,
  type FindingProblem,
  groupByFinding,
  type RunLike,
} from './asff/findings.js';
export {
  type FindingKey,
  findingId,
  GENERATOR_PREFIX,
  generatorId,
  type ParsedFindingId,
  parseFindingId,
  partitionOf,
  productArn,
} from './asff/ids.js';
export { LIMITS, SCHEMA_VERSION } from './asff/limits.js';
export { asffResourceType, asffResourceTypes, OTHER_RESOURCE_TYPE, resourceIdentifier } from './asff/resource-types.js';
export { jsonBytes, truncateText } from './asff/truncate.js';
export {
  type AwsErrorInfo,
  describeAwsError,
  EvaluationRunInputError,
  FindingTooLargeError,
  HomeRegionError,
  isRetryableCode,
} from './errors.js';
export { type BatchLimits, batchFindings } from './export/batches.js';
export {
  archived,
  archiveVerdict,
  type ExportFailure,
  type ExportOptions,
  type ExportSummary,
  exportToSecurityHub,
} from './export/exporter.js';
export { isOwnActiveFinding, type Partition, readExistingFindings } from './export/history.js';
export { type ImportFailure, type ImportOptions, type ImportResult, importFindings } from './export/importer.js';
export { type Clock, systemClock, TokenBucket } from './export/rate-limit.js';
export {
  EvaluationRunSchema,
  EvaluationSchema,
  EvaluationScopeSchema,
  parseEvaluationRun,
} from './export/run-input.js';
export {
  type BuiltOcsfEvents,
  buildOcsfEvents,
  OCSF_COMPLIANCE_FINDING,
  OCSF_COMPLIANCE_STATUS,
  OCSF_SEVERITY,
  OCSF_VERSION,
  type OcsfComplianceFinding,
  type OcsfOptions,
  ocsfEvent,
  renderOcsf,
} from './ocsf/compliance-finding.js';
export { type HtmlReportOptions, renderHtmlReport } from './report/html.js';
export { renderJsonReport } from './report/json.js';
export { type MarkdownReportOptions, renderMarkdownReport } from './report/markdown.js';
export {
  type AreaSummary,
  type BestPracticeCoverage,
  buildReport,
  COVERAGE_STATUSES,
  type ControlResult,
  type CoverageStatus,
  emptyTally,
  ReportBuilder,
  type ReportModel,
  type ReportOptions,
  type ReportResource,
  type RunLikeForReport,
  type SeverityGroup,
  scoreOf,
  type Tally,
} from './report/model.js';
