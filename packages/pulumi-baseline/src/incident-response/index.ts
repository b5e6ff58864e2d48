export { evidenceBucket } from './evidence-bucket.js';
export {
  IncidentResponse,
  type IncidentResponseArgs,
  IncidentResponseArgsSchema,
  ISOLATION_GROUP_TAGS,
  incidentResponseKeyUserRoleNames,
  PLAYBOOK_TAG,
  responderRoleName,
} from './incident-response.js';
export {
  CUSTOM_ACTIONS,
  customActionPattern,
  PUBLIC_BUCKET_RAMPART_CONTROLS,
  PUBLIC_BUCKET_SECURITY_CONTROLS,
  type TriggerRule,
  triggerRules,
} from './patterns.js';
