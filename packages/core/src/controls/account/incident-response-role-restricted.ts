import type { ConfigItem } from '../../ci/config-item.js';
import { isPublicPrincipal, parsePolicy, type Statement } from '../../iam/policy.js';
import { compliant, defineControl, nonCompliant } from '../../model/control.js';
import { INCIDENT_RESPONSE_TAG, incidentResponseItems, nameList } from './incident-response.js';

const ROLE = 'AWS::IAM::Role';

interface RoleConfiguration {
  roleName: string;
  assumeRolePolicyDocument: string;
}

/** Condition keys that narrow a whole-account principal to named people or roles. */
const CALLER_KEYS = ['aws:principalarn', 'aws:userid', 'aws:username'];

function isCallerKey(key: string): boolean {
  const k = key.toLowerCase();
  return CALLER_KEYS.includes(k) || k.startsWith('aws:principaltag/');
}

/** Positive conditions only: `...IfExists`, negated operators and `Null` do not narrow who may call. */
function positiveConditions(statement: Statement): [string, Record<string, string[]>][] {
  return Object.entries(statement.condition).filter(([operator]) => {
    const op = operator.toLowerCase();
    return !op.includes('ifexists') && !op.startsWith('not') && op !== 'null';
  });
}

function namesCallers(statement: Statement): boolean {
  return positiveConditions(statement).some(([, keys]) =>
    Object.entries(keys).some(
      ([key, values]) => isCallerKey(key) && values.length > 0 && values.every((v) => v !== '*' && !/:\*$/.test(v)),
    ),
  );
}

const ACCOUNT_PRINCIPAL = /^(\d{12})$|^arn:aws[a-z-]*:iam::(\d{12}):root$/;

/** What makes a trust statement broader than named principals, or nothing. */
function trustProblems(statement: Statement): string[] {
  if (statement.effect !== 'Allow') return [];
  if (statement.notPrincipals !== undefined) return ['uses NotPrincipal'];
  if (isPublicPrincipal(statement)) return ['trusts any principal ("*")'];
  const problems: string[] = [];
  for (const principal of statement.principals?.['AWS'] ?? []) {
    const account = ACCOUNT_PRINCIPAL.exec(principal);
    if (account !== null && !namesCallers(statement)) {
      problems.push(`trusts all of account ${account[1] ?? account[2]} without a condition naming the callers`);
    }
  }
  for (const provider of statement.principals?.['Federated'] ?? []) {
    if (positiveConditions(statement).length === 0)
      problems.push(`trusts identity provider ${provider} without conditions`);
  }
  return problems;
}

function roleProblems(role: ConfigItem): string[] {
  const config = role.config<RoleConfiguration>();
  const name = config.roleName ?? role.resourceName ?? role.resourceId;
  const policy = parsePolicy(config.assumeRolePolicyDocument, `trust policy of role ${name}`);
  const problems = [...new Set(policy.statements.flatMap(trustProblems))];
  return problems.map((p) => `${name} ${p}`);
}

export const incidentResponseRoleRestricted = defineControl({
  id: 'incident-response-role-restricted',
  title: 'A pre-provisioned incident response role exists and trusts named principals only',
  description:
    'Checks whether an IAM role tagged rampart:component=incident-response exists and each such role trusts named principals only: no "*" or NotPrincipal, a whole account (root) only with an aws:PrincipalArn, aws:PrincipalTag or aws:userid condition, an identity provider only with conditions on its claims.',
  area: 'incident-response',
  severity: 'HIGH',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC10-BP05'],
  rationale: {
    'SEC10-BP05':
      'A response role is provisioned before it is needed and trusts named principals only, so responders get access without a change during an incident.',
  },
  trigger: 'periodic',
  needs: [ROLE],
  scope: 'global',
  remediation: {
    text: 'Deploy the Rampart incident-response role, or tag your responder role rampart:component=incident-response and list the responder roles or SSO permission sets by ARN in its trust policy.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_incident_response_pre_provision_access.html',
  },
  evaluate(item, ctx) {
    const roles = incidentResponseItems(ctx.items(ROLE));
    if (roles.length === 0) {
      return nonCompliant(`No IAM role tagged ${INCIDENT_RESPONSE_TAG} exists in account ${item.accountId}.`);
    }
    const problems = roles.flatMap(roleProblems);
    if (problems.length > 0) {
      // One problem in full keeps the annotation within AWS Config's 256 characters.
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more trust problem(s))` : '';
      return nonCompliant(`Incident response role ${problems[0]}${more}.`);
    }
    const names = roles.map((r) => r.resourceName ?? r.config<RoleConfiguration>().roleName ?? r.resourceId);
    return compliant(`Incident response role(s) ${nameList(names)} trust named principals only.`);
  },
});
