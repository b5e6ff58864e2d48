/** What the Pulumi baseline needs to deploy the function: its rules and its role's actions. */
export { CONFIG_RULES_IAM_ACTIONS, iamActionsFor } from './iam-actions.js';
export {
  CONFIG_RULE_PREFIX,
  CONFIG_RULES,
  type ConfigRuleDefinition,
  type ConfigRuleSourceDetail,
  configRuleFor,
  configRules,
  defaultParameters,
  isAttestation,
} from './rules.js';
