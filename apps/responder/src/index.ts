export { clientConfig, resetClients } from './clients.js';
export { type Env, readEnv } from './env.js';
export {
  EnvironmentError,
  IncidentInputError,
  IsolationGroupMissingError,
  ResourceNotFoundError,
  ThrottledError,
} from './errors.js';
export {
  type Incident,
  IncidentSchema,
  incidentIdFor,
  PLAYBOOK_NAMES,
  type PlaybookName,
  type PlaybookState,
  parseIncident,
  type StartRequest,
} from './incident.js';
export type { Catcher, ChoiceState, Retrier, State, StateMachineDefinition, TaskState } from './playbooks/asl.js';
export {
  type DefinitionOptions,
  PLAYBOOKS,
  type Playbook,
  type PlaybookStep,
  playbookDefinition,
  playbookStepIds,
  stateName,
  TASK_RETRY,
} from './playbooks/definitions.js';
export { validateStateMachine } from './playbooks/validate.js';
export {
  type Action,
  type ActionGrant,
  EVIDENCE_PERMISSIONS,
  type LambdaContext,
  lambdaHandler,
  type Step,
  StepContext,
  type StepResult,
} from './step.js';
export { DENY_POLICY_NAME, denyPolicy } from './steps/access-key/attach-deny-policy.js';
export { handler as startIncidentHandler } from './steps/common/start-incident.js';
export { FINDING_TAG, INCIDENT_TAG } from './steps/ec2/instance.js';
export { ISOLATION_TAGS } from './steps/ec2/isolate-instance.js';
export { STEP_FUNCTIONS, STEP_SOURCES, STEPS, type StepInfo, stepById } from './steps/index.js';
