export {
  controlIdOf,
  evaluationRegion,
  listAccountRules,
  listAggregatorRules,
  type ResultSource,
  type RuleListing,
  type RuleTarget,
  readRuleResults,
  toEvaluation,
} from './config-results.js';
export { type Env, EnvironmentError, readEnv } from './env.js';
export { ReportRunError } from './errors.js';
export { createHandler, defaultDependencies, handler, type LambdaContext } from './handler.js';
export { IMPLICIT_IAM_ACTIONS, REPORT_GENERATOR_IAM_ACTIONS } from './iam-actions.js';
export { generateReport, type ReadFailure, type ReportDependencies, type RunSummary } from './run.js';
