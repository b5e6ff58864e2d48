import * as z from 'zod';
import { type EventsAlertingRules, EventsAlertingRulesFact } from '../../facts/index.js';
import { wildcardMatch } from '../../iam/policy.js';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';

type Rule = EventsAlertingRules['rules'][number];

/** The detail-type each finding source publishes its findings under. */
const FINDING_DETAIL_TYPES: Readonly<Record<string, string>> = {
  'aws.guardduty': 'GuardDuty Finding',
  'aws.securityhub': 'Security Hub Findings - Imported',
  'aws.inspector2': 'Inspector2 Finding',
  'aws.macie': 'Macie Finding',
  'aws.access-analyzer': 'Access Analyzer Finding',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Whether one EventBridge pattern value (a list of literals and content filters) matches `value`. */
function valueMatches(filter: unknown, value: string | undefined): boolean {
  if (filter === undefined) return true; // the field is not constrained
  if (value === undefined) return true; // nothing expected for this field: any constraint will do
  const options = Array.isArray(filter) ? filter : [filter];
  return options.some((option) => {
    if (typeof option === 'string') return option === value;
    if (!isRecord(option)) return false;
    if (typeof option['prefix'] === 'string') return value.startsWith(option['prefix']);
    if (typeof option['suffix'] === 'string') return value.endsWith(option['suffix']);
    if (typeof option['equals-ignore-case'] === 'string') {
      return option['equals-ignore-case'].toLowerCase() === value.toLowerCase();
    }
    if (typeof option['wildcard'] === 'string') return wildcardMatch(option['wildcard'], value);
    if ('anything-but' in option) {
      const but = option['anything-but'];
      if (isRecord(but)) return !valueMatches([but], value);
      return !(Array.isArray(but) ? but : [but]).includes(value);
    }
    return false;
  });
}

function parsePattern(raw: Rule['eventPattern']): Record<string, unknown> | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw !== 'string') return raw;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the rule's event pattern lets the findings of `source` through (`$or` alternatives included). */
function matchesFindings(rule: Rule, source: string): boolean {
  const pattern = parsePattern(rule.eventPattern);
  if (pattern === undefined) return false;
  const { $or, ...rest } = pattern;
  const alternatives = Array.isArray($or) ? $or.filter(isRecord).map((alt) => ({ ...rest, ...alt })) : [pattern];
  return alternatives.some(
    (p) => valueMatches(p['source'], source) && valueMatches(p['detail-type'], FINDING_DETAIL_TYPES[source]),
  );
}

const ENABLED = new Set(['ENABLED', 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS']);
const SNS_ARN = /^arn:aws[a-z-]*:sns:/;

const topicName = (arn: string) => arn.slice(arn.lastIndexOf(':') + 1);

export const securityFindingsAlertingEnabled = defineControl({
  id: 'security-findings-alerting-enabled',
  title: 'GuardDuty and Security Hub findings are sent to people through EventBridge and SNS',
  description:
    'Checks whether, for each finding source (aws.guardduty and aws.securityhub by default), an enabled EventBridge rule on the default bus matches its findings and targets an SNS topic with at least one confirmed subscription.',
  area: 'detection',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC10-BP06'],
  rationale: {
    'SEC10-BP06':
      'GuardDuty and Security Hub findings reach responders through a deployed EventBridge rule and a confirmed SNS subscription.',
  },
  trigger: 'periodic',
  needs: [EventsAlertingRulesFact.type],
  parameters: z.strictObject({ sources: param.csv(['aws.guardduty', 'aws.securityhub']) }),
  remediation: {
    text: 'Create EventBridge rules for GuardDuty and Security Hub findings (the Rampart baseline alerting component does) that publish to an SNS topic, and confirm a subscription that reaches the on-call team.',
    url: 'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings_eventbridge.html',
  },
  evaluate(_item, ctx) {
    const { rules, topics } = ctx.require(EventsAlertingRulesFact);
    const confirmed = new Map(
      topics.map((t) => [
        t.topicArn,
        t.subscriptions.filter((s) => s.subscriptionArn !== 'PendingConfirmation' && s.subscriptionArn !== 'Deleted'),
      ]),
    );
    const live = rules.filter((r) => ENABLED.has(r.state) && r.eventBusName === 'default');
    const gaps: string[] = [];
    const routes: string[] = [];
    for (const source of ctx.params.sources) {
      const matching = live.filter((r) => matchesFindings(r, source));
      if (matching.length === 0) {
        gaps.push(`no enabled rule matches ${source} findings`);
        continue;
      }
      const topicArns = [
        ...new Set(matching.flatMap((r) => r.targets.map((t) => t.arn).filter((a) => SNS_ARN.test(a)))),
      ];
      if (topicArns.length === 0) {
        gaps.push(`rule ${matching[0]!.name} sends ${source} findings to no SNS topic`);
        continue;
      }
      const reached = topicArns.find((arn) => (confirmed.get(arn) ?? []).length > 0);
      if (reached === undefined) {
        gaps.push(`topic ${topicArns.map(topicName).join(', ')} for ${source} findings has no confirmed subscription`);
        continue;
      }
      routes.push(`${source} to ${topicName(reached)}`);
    }
    if (gaps.length > 0)
      return nonCompliant(`Security findings in ${ctx.region} do not all reach people: ${gaps.join('; ')}.`);
    return compliant(`EventBridge sends findings to confirmed SNS subscribers in ${ctx.region}: ${routes.join(', ')}.`);
  },
});
