import { type IamPolicyDocument, ScanPolicyOptionsError, scanPolicy, scanPolicyGroups } from '@rampart/collectors';
import { type CliIo, EXIT, UsageError } from '../io.js';

export const SCAN_POLICY_FORMATS = ['json', 'markdown'] as const;

export interface ScanPolicyCommandOptions {
  aggregator?: boolean;
  roleArn?: string;
  export?: string;
  format: string;
}

/**
 * `rampart scan-policy`: the least-privilege IAM policy for `rampart scan` with the same options, as
 * JSON on stdout (ready for `aws iam create-policy --policy-document`), or as a Markdown table of
 * the actions and what each service's are for.
 */
export function scanPolicyCommand(io: CliIo, options: ScanPolicyCommandOptions): number {
  if (!(SCAN_POLICY_FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`--format must be one of ${SCAN_POLICY_FORMATS.join(', ')}, got "${options.format}"`);
  }
  if (options.export !== undefined && options.export !== 'securityhub') {
    throw new UsageError(`--export must be securityhub, got "${options.export}"`);
  }
  if (options.roleArn !== undefined && (options.aggregator === true || options.export !== undefined)) {
    const other = options.aggregator === true ? '--aggregator' : '--export';
    const what = options.aggregator === true ? 'reads the aggregator' : 'imports the findings';
    throw new UsageError(
      `${other} and --role-arn describe two policies: the role ${what}, so \`rampart scan-policy ${other === '--export' ? '--export securityhub' : '--aggregator'}\` prints the role's policy, and \`rampart scan-policy --role-arn ARN\` the policy of the identity that assumes the role`,
    );
  }
  const policyOptions = {
    ...(options.aggregator === true ? { aggregator: true } : {}),
    ...(options.roleArn !== undefined ? { roleArn: options.roleArn } : {}),
    ...(options.export === 'securityhub' ? { export: 'securityhub' as const } : {}),
  };
  let policy: IamPolicyDocument;
  try {
    policy = scanPolicy(policyOptions);
  } catch (error) {
    if (error instanceof ScanPolicyOptionsError) throw new UsageError(error.message.replace(/^roleArn/, '--role-arn'));
    throw error;
  }
  if (options.format === 'json') io.stdout(`${JSON.stringify(policy, null, 2)}\n`);
  else io.stdout(permissionsTable(scanPolicyGroups(policyOptions)));
  return EXIT.OK;
}

/** One row per statement and service: its actions and what Rampart reads (or does) with them. */
export function permissionsTable(statements: ReturnType<typeof scanPolicyGroups>): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = statements.flatMap(({ sid, groups }) =>
    groups.map((g) => {
      const actions = g.actions.map((a) => `\`${a.slice(g.service.length + 1)}\``).join(', ');
      return `| ${sid} | \`${g.service}\` | ${actions} | ${cell(g.why)} |`;
    }),
  );
  return ['| statement | service | actions | what for |', '| --- | --- | --- | --- |', ...rows, ''].join('\n');
}
