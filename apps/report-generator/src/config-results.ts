import {
  type ConfigServiceClient,
  DescribeAggregateComplianceByConfigRulesCommand,
  DescribeConfigRulesCommand,
  type EvaluationResultIdentifier,
  GetAggregateComplianceDetailsByConfigRuleCommand,
  GetComplianceDetailsByConfigRuleCommand,
} from '@aws-sdk/client-config-service';
import { COMPLIANCE_VALUES, type Compliance, type Control, type Evaluation, GLOBAL_REGION } from '@rampart/core';

/** One Rampart rule in one account and region, and the control it runs. */
export interface RuleTarget {
  ruleName: string;
  controlId: string;
  accountId: string;
  region: string;
}

export interface RuleListing {
  targets: RuleTarget[];
  /** `rampart-*` rules whose control is not in this catalog (an older or newer deployment): not read. */
  unknownRules: string[];
}

/** Where results come from: this account's rules, or an aggregator's view of an organization. */
export type ResultSource = { kind: 'account' } | { kind: 'aggregator'; name: string };

/** Results are read in pages of at most 100 (the API maximum). */
const PAGE = 100;

/** `rampart-<control-id>`, or the `controlId` input parameter when the rule has one (DESIGN.md contract). */
export function controlIdOf(ruleName: string, prefix: string, inputParameters?: string): string {
  if (inputParameters !== undefined && inputParameters !== '') {
    try {
      const parsed = JSON.parse(inputParameters) as { controlId?: unknown };
      if (typeof parsed.controlId === 'string' && parsed.controlId !== '') return parsed.controlId;
    } catch {
      // Not JSON: fall back to the name.
    }
  }
  return ruleName.slice(prefix.length);
}

const RULE_ARN = /^arn:[\w-]+:config:([a-z0-9-]+):(\d{12}):config-rule\//;

/** This account's `rampart-*` rules (DescribeConfigRules, paged); the rule ARN names account and region. */
export async function listAccountRules(
  client: ConfigServiceClient,
  prefix: string,
  controls: ReadonlyMap<string, Control<unknown>>,
  fallback: { region: string },
): Promise<RuleListing & { pages: number }> {
  const listing: RuleListing & { pages: number } = { targets: [], unknownRules: [], pages: 0 };
  let token: string | undefined;
  do {
    const page = await client.send(new DescribeConfigRulesCommand({ NextToken: token }));
    listing.pages++;
    for (const rule of page.ConfigRules ?? []) {
      const name = rule.ConfigRuleName;
      if (name === undefined || !name.startsWith(prefix)) continue;
      const controlId = controlIdOf(name, prefix, rule.InputParameters);
      const arn = RULE_ARN.exec(rule.ConfigRuleArn ?? '');
      if (!controls.has(controlId) || arn === null) {
        listing.unknownRules.push(name);
        continue;
      }
      listing.targets.push({ ruleName: name, controlId, accountId: arn[2]!, region: arn[1] ?? fallback.region });
    }
    token = page.NextToken || undefined;
  } while (token !== undefined);
  return listing;
}

/** Every (rule, account, region) of `rampart-*` rules an aggregator knows (DescribeAggregateComplianceByConfigRules, paged). */
export async function listAggregatorRules(
  client: ConfigServiceClient,
  aggregator: string,
  prefix: string,
  controls: ReadonlyMap<string, Control<unknown>>,
): Promise<RuleListing & { pages: number }> {
  const listing: RuleListing & { pages: number } = { targets: [], unknownRules: [], pages: 0 };
  const unknown = new Set<string>();
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await client.send(
      new DescribeAggregateComplianceByConfigRulesCommand({
        ConfigurationAggregatorName: aggregator,
        Limit: 1000,
        NextToken: token,
      }),
    );
    listing.pages++;
    for (const entry of page.AggregateComplianceByConfigRules ?? []) {
      const name = entry.ConfigRuleName;
      if (name === undefined || !name.startsWith(prefix) || !entry.AccountId || !entry.AwsRegion) continue;
      const controlId = controlIdOf(name, prefix);
      if (!controls.has(controlId)) {
        unknown.add(name);
        continue;
      }
      const key = `${name}\u0000${entry.AccountId}\u0000${entry.AwsRegion}`;
      if (seen.has(key)) continue;
      seen.add(key);
      listing.targets.push({ ruleName: name, controlId, accountId: entry.AccountId, region: entry.AwsRegion });
    }
    token = page.NextToken || undefined;
  } while (token !== undefined);
  listing.unknownRules = [...unknown].sort();
  return listing;
}

/** Resource types AWS Config records once per account, with region `global` (DESIGN.md: global resources). */
const GLOBAL_TYPE_PREFIXES = [
  'AWS::IAM::',
  'AWS::CloudFront::',
  'AWS::Route53::',
  'AWS::WAF::',
  'AWS::GlobalAccelerator::',
];

/** The region Rampart gives an evaluation, so finding Ids match those of `rampart scan` for the same resource. */
export function evaluationRegion(resourceType: string, control: Control<unknown>, ruleRegion: string): string {
  if (GLOBAL_TYPE_PREFIXES.some((p) => resourceType.startsWith(p))) return GLOBAL_REGION;
  if (control.accountLevel && control.scope === 'global') return GLOBAL_REGION;
  return ruleRegion;
}

const KNOWN = new Set<string>(COMPLIANCE_VALUES);

/** An AWS Config result as a Rampart evaluation; undefined for results without a resource or with an unknown status. */
export function toEvaluation(
  target: RuleTarget,
  control: Control<unknown>,
  result: {
    EvaluationResultIdentifier?: EvaluationResultIdentifier | undefined;
    ComplianceType?: string | undefined;
    Annotation?: string | undefined;
  },
): Evaluation | undefined {
  const q = result.EvaluationResultIdentifier?.EvaluationResultQualifier;
  const compliance = result.ComplianceType;
  if (!q?.ResourceType || !q.ResourceId || compliance === undefined || !KNOWN.has(compliance)) return undefined;
  return {
    controlId: target.controlId,
    resourceType: q.ResourceType,
    resourceId: q.ResourceId,
    resourceArn: null,
    accountId: target.accountId,
    region: evaluationRegion(q.ResourceType, control, target.region),
    compliance: compliance as Compliance,
    annotation: result.Annotation ?? `AWS Config rule ${target.ruleName} reported ${compliance}.`,
  };
}

/**
 * The results of one rule in one account and region, a page (≤ 100) at a time: GetComplianceDetailsByConfigRule
 * for this account, GetAggregateComplianceDetailsByConfigRule through an aggregator.
 */
export async function* readRuleResults(
  client: ConfigServiceClient,
  source: ResultSource,
  target: RuleTarget,
  control: Control<unknown>,
): AsyncGenerator<{ evaluations: Evaluation[]; skipped: number }> {
  let token: string | undefined;
  do {
    const results =
      source.kind === 'aggregator'
        ? await client
            .send(
              new GetAggregateComplianceDetailsByConfigRuleCommand({
                ConfigurationAggregatorName: source.name,
                ConfigRuleName: target.ruleName,
                AccountId: target.accountId,
                AwsRegion: target.region,
                Limit: PAGE,
                NextToken: token,
              }),
            )
            .then((r) => ({ list: r.AggregateEvaluationResults ?? [], next: r.NextToken }))
        : await client
            .send(
              new GetComplianceDetailsByConfigRuleCommand({
                ConfigRuleName: target.ruleName,
                ComplianceTypes: ['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE'],
                Limit: PAGE,
                NextToken: token,
              }),
            )
            .then((r) => ({ list: r.EvaluationResults ?? [], next: r.NextToken }));
    const evaluations: Evaluation[] = [];
    let skipped = 0;
    for (const result of results.list) {
      const e = toEvaluation(target, control, result);
      if (e === undefined) skipped++;
      else evaluations.push(e);
    }
    yield { evaluations, skipped };
    token = results.next || undefined;
  } while (token !== undefined);
}
