import { type Control, catalog, factType } from '@rampart/core';
import { readDirectly } from './periodic-types.js';
import { isAttestation } from './rules.js';

/** What every rule needs: report, read oversized items, enumerate, clean up, assume a role. */
const BASE_ACTIONS = [
  'config:PutEvaluations',
  'config:GetResourceConfigHistory',
  'config:ListDiscoveredResources',
  'config:BatchGetResourceConfig',
  'config:GetComplianceDetailsByConfigRule',
  'sts:AssumeRole',
  // The collectors resolve the account first (no permission is checked, listed for clarity).
  'sts:GetCallerIdentity',
];

/** The collectors' direct reads of resource types (facts name their APIs in `FactType.source`). */
const DIRECT_RESOURCE_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  'AWS::IAM::User': ['iam:GetAccountAuthorizationDetails'],
  'AWS::IAM::Role': ['iam:GetAccountAuthorizationDetails'],
  'AWS::IAM::Group': ['iam:GetAccountAuthorizationDetails'],
  'AWS::IAM::Policy': ['iam:GetAccountAuthorizationDetails', 'iam:GetPolicy'],
  'AWS::Logs::LogGroup': ['logs:DescribeLogGroups'],
};

/** Service prefixes and action names where an API's name differs from its IAM action. */
const IAM_NAME: Readonly<Record<string, string>> = {
  's3control:GetPublicAccessBlock': 's3:GetAccountPublicAccessBlock',
  's3control:PutPublicAccessBlock': 's3:PutAccountPublicAccessBlock',
};
const IAM_PREFIX: Readonly<Record<string, string>> = { 'sso-admin': 'sso', s3control: 's3', emr: 'elasticmapreduce' };

/** `service:Action` names in a fact's `source` text (`guardduty:ListFindings + GetFindings` counts both). */
export function actionsInSource(source: string): string[] {
  const out: string[] = [];
  const pattern = /([a-z0-9-]+):([A-Z][A-Za-z0-9]+)((?:\s*\+\s*[A-Z][A-Za-z0-9]+)*)/g;
  for (const m of source.matchAll(pattern)) {
    const service = m[1]!;
    const names = [
      m[2]!,
      ...(m[3] ?? '')
        .split('+')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ];
    for (const name of names) {
      const raw = `${service}:${name}`;
      out.push(IAM_NAME[raw] ?? `${IAM_PREFIX[service] ?? service}:${name}`);
    }
  }
  return out;
}

/** The IAM actions the function calls for these controls' rules, sorted; never `*` or `service:*`. */
export function iamActionsFor(controls: readonly Control<unknown>[]): string[] {
  const actions = new Set(BASE_ACTIONS);
  for (const control of controls) {
    if (isAttestation(control)) continue;
    const periodic = control.trigger === 'periodic' || control.accountLevel;
    if (!periodic) continue;
    const types = [...(control.accountLevel ? [] : control.resourceTypes), ...control.needs];
    for (const type of types.filter(readDirectly)) {
      const fact = factType(type);
      if (fact !== undefined) for (const a of actionsInSource(fact.source)) actions.add(a);
      for (const a of DIRECT_RESOURCE_ACTIONS[type] ?? []) actions.add(a);
    }
  }
  return [...actions].sort();
}

/** The IAM actions of the function's role for the whole catalog (what the Pulumi baseline grants). */
export const CONFIG_RULES_IAM_ACTIONS: readonly string[] = iamActionsFor(catalog().all());
