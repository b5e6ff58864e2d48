export {
  ALERT_RULES,
  Alerting,
  type AlertingArgs,
  AlertingArgsSchema,
  type AlertRule,
  alertPatterns,
} from './alerting.js';
export { SecurityBaseline, type SecurityBaselineArgs, SecurityBaselineArgsSchema } from './baseline.js';
export { CloudTrail, type CloudTrailArgs, CloudTrailArgsSchema } from './cloudtrail.js';
export { BaselineArgsError, COMPONENT_TAG, componentTags, type RampartComponent } from './common.js';
export { ConfigRecorder, type ConfigRecorderArgs, ConfigRecorderArgsSchema } from './config-recorder.js';
export {
  ATTESTATION_TYPE,
  ConfigRules,
  type ConfigRulesArgs,
  ConfigRulesArgsSchema,
  isRuleEvaluable,
  ruleDefinition,
  ruleInput,
} from './config-rules.js';
export {
  type BaselineComponentName,
  PREVENTIVE_EVIDENCE,
  preventiveComponents,
  preventiveEvidence,
} from './evidence.js';
export { GUARDDUTY_FEATURES, GuardDuty, type GuardDutyArgs, GuardDutyArgsSchema } from './guardduty.js';
export { AccountGuardrails, type AccountGuardrailsArgs, AccountGuardrailsArgsSchema } from './guardrails.js';
export {
  CUSTOM_ACTIONS,
  IncidentResponse,
  type IncidentResponseArgs,
  IncidentResponseArgsSchema,
  ISOLATION_GROUP_TAGS,
  PLAYBOOK_TAG,
  triggerRules,
} from './incident-response/index.js';
export { KmsKeys, type KmsKeysArgs, KmsKeysArgsSchema } from './kms.js';
export { LAMBDA_RUNTIME } from './lambda.js';
export { NetworkFirewall, type NetworkFirewallArgs, NetworkFirewallArgsSchema } from './network-firewall.js';
export {
  ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS,
  type ActionGrant,
  CONFIG_RULES_LAMBDA_PERMISSIONS,
  configRulesPermissions,
  grantsFor,
  iamActionName,
  REPORT_GENERATOR_LAMBDA_PERMISSIONS,
  WRITE_OWN_LOGS,
} from './permissions.js';
export {
  REPORT_PREFIX,
  ReportGenerator,
  type ReportGeneratorArgs,
  ReportGeneratorArgsSchema,
} from './report-generator.js';
export { SECURITY_HUB_STANDARDS, SecurityHub, type SecurityHubArgs, SecurityHubArgsSchema } from './security-hub.js';
export { ShieldAdvanced, type ShieldAdvancedArgs, ShieldAdvancedArgsSchema } from './shield.js';
export {
  DEFAULT_MANAGED_RULE_GROUPS,
  MANAGED_RULE_GROUP_WCU,
  WebAcl,
  type WebAclArgs,
  WebAclArgsSchema,
  WebAclCapacityError,
  webAclCapacity,
} from './waf.js';
