import { type Control, catalog } from '@rampart/core';

/** AWS Config rule names Rampart deploys: `rampart-<control-id>`. */
export const CONFIG_RULE_PREFIX = 'rampart-';

export const CONFIG_RULE_EVENT_SOURCE = 'aws.config';

export interface ConfigRuleSourceDetail {
  eventSource: 'aws.config';
  messageType:
    | 'ConfigurationItemChangeNotification'
    | 'OversizedConfigurationItemChangeNotification'
    | 'ScheduledNotification';
  maximumExecutionFrequency?: 'One_Hour' | 'Three_Hours' | 'Six_Hours' | 'Twelve_Hours' | 'TwentyFour_Hours';
}

/**
 * One AWS Config custom rule, in the shape of Pulumi's `aws.cfg.Rule` arguments minus the Lambda
 * ARN (`source.sourceIdentifier`), which the baseline adds.
 */
export interface ConfigRuleDefinition {
  name: string;
  controlId: string;
  description: string;
  /** JSON: `{"controlId": "<id>", ...the control's parameters by their managed-rule names}`, values as strings. */
  inputParameters: string;
  trigger: 'change' | 'periodic';
  /** Change-triggered rules: the resource types they are scoped to. */
  scope?: { complianceResourceTypes: string[] };
  source: { owner: 'CUSTOM_LAMBDA'; sourceDetails: ConfigRuleSourceDetail[] };
}

/** Controls answered by people (attestations) are evaluated by the CLI and report generator only. */
export function isAttestation(control: Control<unknown>): boolean {
  return [...control.resourceTypes, ...control.needs].some((t) => t.startsWith('Rampart::Attestation'));
}

/** A parameter value as AWS Config passes it: a string (lists comma-separated). */
function parameterString(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(String).join(',');
  // An empty map (no default) is left out: sent as "{}" it would not parse back as the rule's StringMap.
  if (typeof value === 'object') return Object.keys(value).length === 0 ? undefined : JSON.stringify(value);
  return String(value);
}

/** The control's parameters with their documented defaults, by their managed-rule names. */
export function defaultParameters(control: Control<unknown>): Record<string, string> {
  const parsed = control.parseParameters({});
  const out: Record<string, string> = {};
  if (parsed !== null && typeof parsed === 'object') {
    for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
      const text = parameterString(value);
      if (text !== undefined) out[name] = text;
    }
  }
  return out;
}

export function configRuleFor(
  control: Control<unknown>,
  options: { maximumExecutionFrequency?: ConfigRuleSourceDetail['maximumExecutionFrequency'] } = {},
): ConfigRuleDefinition {
  const periodic = control.trigger === 'periodic' || control.accountLevel;
  const base = {
    name: `${CONFIG_RULE_PREFIX}${control.id}`,
    controlId: control.id,
    description: control.description.slice(0, 256),
    inputParameters: JSON.stringify({ controlId: control.id, ...defaultParameters(control) }),
  };
  if (periodic) {
    return {
      ...base,
      trigger: 'periodic',
      source: {
        owner: 'CUSTOM_LAMBDA',
        sourceDetails: [
          {
            eventSource: 'aws.config',
            messageType: 'ScheduledNotification',
            maximumExecutionFrequency: options.maximumExecutionFrequency ?? 'TwentyFour_Hours',
          },
        ],
      },
    };
  }
  return {
    ...base,
    trigger: 'change',
    scope: { complianceResourceTypes: [...control.resourceTypes] },
    source: {
      owner: 'CUSTOM_LAMBDA',
      sourceDetails: [
        { eventSource: 'aws.config', messageType: 'ConfigurationItemChangeNotification' },
        { eventSource: 'aws.config', messageType: 'OversizedConfigurationItemChangeNotification' },
      ],
    },
  };
}

/** Every Config rule the baseline deploys: one per non-attestation control in the catalog, sorted by name. */
export function configRules(
  controls: readonly Control<unknown>[] = catalog().all(),
  options: { maximumExecutionFrequency?: ConfigRuleSourceDetail['maximumExecutionFrequency'] } = {},
): ConfigRuleDefinition[] {
  return controls.filter((c) => !isAttestation(c)).map((c) => configRuleFor(c, options));
}

/** The rules for the whole catalog (what the Pulumi baseline deploys with the default schedule). */
export const CONFIG_RULES: readonly ConfigRuleDefinition[] = configRules();
