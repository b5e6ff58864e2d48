import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  AGGREGATOR_PERMISSIONS,
  ASSUME_ROLE_PERMISSIONS,
  actionsOf,
  PERMISSIONLESS_CALLS,
  SCAN_PERMISSIONS,
  type ScanPolicyOptions,
  ScanPolicyOptionsError,
  SECURITY_HUB_EXPORT_PERMISSIONS,
  scanPolicy,
  scanPolicyGroups,
} from '../../src/permissions.js';

/**
 * The IAM service prefix of each AWS SDK v3 client package (the `<prefix>:` of its actions). A package
 * missing here fails the scan below: look its prefix up in the Service Authorization Reference.
 */
const SERVICE_PREFIXES: Readonly<Record<string, string>> = {
  '@aws-sdk/client-accessanalyzer': 'access-analyzer',
  '@aws-sdk/client-account': 'account',
  '@aws-sdk/client-acm': 'acm',
  '@aws-sdk/client-api-gateway': 'apigateway',
  '@aws-sdk/client-apigatewayv2': 'apigateway',
  '@aws-sdk/client-auto-scaling': 'autoscaling',
  '@aws-sdk/client-backup': 'backup',
  '@aws-sdk/client-cloudfront': 'cloudfront',
  '@aws-sdk/client-cloudtrail': 'cloudtrail',
  '@aws-sdk/client-cloudwatch': 'cloudwatch',
  '@aws-sdk/client-cloudwatch-events': 'events',
  '@aws-sdk/client-cloudwatch-logs': 'logs',
  '@aws-sdk/client-codebuild': 'codebuild',
  '@aws-sdk/client-config-service': 'config',
  '@aws-sdk/client-database-migration-service': 'dms',
  '@aws-sdk/client-dynamodb': 'dynamodb',
  '@aws-sdk/client-ec2': 'ec2',
  '@aws-sdk/client-ecr': 'ecr',
  '@aws-sdk/client-ecs': 'ecs',
  '@aws-sdk/client-efs': 'elasticfilesystem',
  '@aws-sdk/client-elastic-beanstalk': 'elasticbeanstalk',
  '@aws-sdk/client-elastic-load-balancing': 'elasticloadbalancing',
  '@aws-sdk/client-elastic-load-balancing-v2': 'elasticloadbalancing',
  '@aws-sdk/client-elasticsearch-service': 'es',
  '@aws-sdk/client-emr': 'elasticmapreduce',
  '@aws-sdk/client-eventbridge': 'events',
  '@aws-sdk/client-guardduty': 'guardduty',
  '@aws-sdk/client-iam': 'iam',
  '@aws-sdk/client-kinesis': 'kinesis',
  '@aws-sdk/client-kms': 'kms',
  '@aws-sdk/client-lambda': 'lambda',
  '@aws-sdk/client-network-firewall': 'network-firewall',
  '@aws-sdk/client-opensearch': 'es',
  '@aws-sdk/client-organizations': 'organizations',
  '@aws-sdk/client-rds': 'rds',
  '@aws-sdk/client-redshift': 'redshift',
  '@aws-sdk/client-resource-groups-tagging-api': 'tag',
  '@aws-sdk/client-s3': 's3',
  // S3 Control's operations are authorized by `s3:` actions (there is no `s3control:` prefix).
  '@aws-sdk/client-s3-control': 's3',
  '@aws-sdk/client-sagemaker': 'sagemaker',
  '@aws-sdk/client-secrets-manager': 'secretsmanager',
  '@aws-sdk/client-securityhub': 'securityhub',
  '@aws-sdk/client-sfn': 'states',
  '@aws-sdk/client-shield': 'shield',
  '@aws-sdk/client-sns': 'sns',
  '@aws-sdk/client-ssm': 'ssm',
  '@aws-sdk/client-sso-admin': 'sso',
  '@aws-sdk/client-sts': 'sts',
  '@aws-sdk/client-wafv2': 'wafv2',
};

/**
 * Operations authorized by an action of another name than `<prefix>:<Operation>`, keyed
 * `<package> <Operation>`, each checked against the AWS Service Authorization Reference and the
 * operation's API reference ("To use this operation, you must have the … permission").
 */
const ACTION_EXCEPTIONS: Readonly<Record<string, string>> = {
  // S3: "To use this operation, you must have the s3:ListAllMyBuckets permission."
  '@aws-sdk/client-s3 ListBuckets': 's3:ListAllMyBuckets',
  // S3: HeadBucket needs s3:ListBucket.
  '@aws-sdk/client-s3 HeadBucket': 's3:ListBucket',
  // S3: "you must have permission to perform the s3:GetEncryptionConfiguration action."
  '@aws-sdk/client-s3 GetBucketEncryption': 's3:GetEncryptionConfiguration',
  // S3 (bucket level): "you must have the s3:GetBucketPublicAccessBlock permission."
  '@aws-sdk/client-s3 GetPublicAccessBlock': 's3:GetBucketPublicAccessBlock',
  // S3 (same name, listed because every S3 operation must be: see EXPLICIT_ONLY).
  '@aws-sdk/client-s3 GetBucketAcl': 's3:GetBucketAcl',
  '@aws-sdk/client-s3 GetBucketLocation': 's3:GetBucketLocation',
  '@aws-sdk/client-s3 GetBucketLogging': 's3:GetBucketLogging',
  '@aws-sdk/client-s3 GetBucketPolicy': 's3:GetBucketPolicy',
  '@aws-sdk/client-s3 GetBucketPolicyStatus': 's3:GetBucketPolicyStatus',
  '@aws-sdk/client-s3 GetBucketTagging': 's3:GetBucketTagging',
  '@aws-sdk/client-s3 GetBucketVersioning': 's3:GetBucketVersioning',
  // S3 Control (account level): s3:GetAccountPublicAccessBlock.
  '@aws-sdk/client-s3-control GetPublicAccessBlock': 's3:GetAccountPublicAccessBlock',
  // API Gateway (v1 and v2) authorizes management calls by HTTP verb: every read is apigateway:GET
  // (the managed SecurityAudit policy grants exactly apigateway:GET on /restapis, /restapis/*/stages,
  // /apis and /apis/*/stages for these reads).
  '@aws-sdk/client-api-gateway GetRestApis': 'apigateway:GET',
  '@aws-sdk/client-api-gateway GetStages': 'apigateway:GET',
  '@aws-sdk/client-apigatewayv2 GetApis': 'apigateway:GET',
  '@aws-sdk/client-apigatewayv2 GetStages': 'apigateway:GET',
};

/** Clients whose action names often differ from the operation names: each operation must be in ACTION_EXCEPTIONS. */
const EXPLICIT_ONLY: ReadonlySet<string> = new Set([
  '@aws-sdk/client-s3',
  '@aws-sdk/client-s3-control',
  '@aws-sdk/client-api-gateway',
  '@aws-sdk/client-apigatewayv2',
]);

/**
 * Credential providers that call AWS themselves. `fromTemporaryCredentials` (behind `--role-arn`) calls
 * sts:AssumeRole; the default chain reads local configuration, and any role a profile assumes is the
 * user's own set-up, outside Rampart's policy.
 */
const CREDENTIAL_PROVIDER_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  fromTemporaryCredentials: ['sts:AssumeRole'],
  fromNodeProviderChain: [],
};

interface SdkCall {
  file: string;
  line: number;
  module: string;
  /** The exported name (`GetBucketPolicyCommand`, `paginateListKeys`, `fromTemporaryCredentials`). */
  name: string;
}

const isSdkClient = (module: string) => module.startsWith('@aws-sdk/client-');

/**
 * The AWS calls a source file makes: `new XxxCommand(` and `paginateXxx(` of names imported from an
 * SDK client package (aliases followed), and calls of credential providers. A Command or paginator
 * imported and then used any other way (passed around, re-exported) fails: this scan could not
 * follow it.
 */
function sdkCalls(file: string, text: string): SdkCall[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const imported = new Map<string, { module: string; name: string }>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || statement.importClause === undefined) continue;
    const module = (statement.moduleSpecifier as ts.StringLiteral).text;
    if (!module.startsWith('@aws-sdk/')) continue;
    const clause = statement.importClause;
    if (clause.isTypeOnly) continue;
    const bindings = clause.namedBindings;
    if (clause.name !== undefined || (bindings !== undefined && !ts.isNamedImports(bindings))) {
      throw new Error(
        `${file}: a default or namespace import of ${module} hides its calls from this scan; import names`,
      );
    }
    for (const element of bindings?.elements ?? []) {
      if (element.isTypeOnly) continue;
      imported.set(element.name.text, { module, name: (element.propertyName ?? element.name).text });
    }
  }
  const calls: SdkCall[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const callee = new Set<ts.Node>();
  const visit = (node: ts.Node): void => {
    if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression)) {
      const local = node.expression.text;
      const origin = imported.get(local);
      const isCommand = /^[A-Z]\w*Command$/.test(local);
      const isPaginator = /^paginate[A-Z]\w*$/.test(local);
      if (
        origin === undefined &&
        ((ts.isNewExpression(node) && isCommand) || (ts.isCallExpression(node) && isPaginator))
      ) {
        throw new Error(`${file}:${lineOf(node)}: ${local} is not imported from an @aws-sdk client package`);
      }
      if (origin !== undefined) {
        const sdkOperation = /Command$/.test(origin.name) || origin.name.startsWith('paginate');
        if (isSdkClient(origin.module) && sdkOperation) {
          const expected = origin.name.endsWith('Command') ? ts.isNewExpression(node) : ts.isCallExpression(node);
          if (!expected)
            throw new Error(`${file}:${lineOf(node)}: ${local} is used in a way this scan does not follow`);
          calls.push({ file, line: lineOf(node), module: origin.module, name: origin.name });
          callee.add(node.expression);
        } else if (origin.module === '@aws-sdk/credential-providers' && ts.isCallExpression(node)) {
          calls.push({ file, line: lineOf(node), module: origin.module, name: origin.name });
          callee.add(node.expression);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  // Every imported Command, paginator or credential provider must have been seen called.
  const seen = new Set([...callee].map((n) => (n as ts.Identifier).text));
  for (const [local, origin] of imported) {
    const tracked =
      (isSdkClient(origin.module) && (origin.name.endsWith('Command') || origin.name.startsWith('paginate'))) ||
      origin.module === '@aws-sdk/credential-providers';
    if (tracked && !seen.has(local)) {
      throw new Error(`${file}: ${local} (${origin.module}) is imported but never called in a way this scan follows`);
    }
  }
  return calls;
}

/** The IAM actions of one call (`<prefix>:<Operation>`, or the documented exception). */
function actionsFor(call: SdkCall): readonly string[] {
  const where = `${call.file}:${call.line}`;
  if (call.module === '@aws-sdk/credential-providers') {
    const actions = CREDENTIAL_PROVIDER_ACTIONS[call.name];
    if (actions === undefined)
      throw new Error(`${where}: unknown credential provider ${call.name}: what does it call?`);
    return actions;
  }
  const prefix = SERVICE_PREFIXES[call.module];
  if (prefix === undefined) {
    throw new Error(
      `${where}: unknown AWS SDK client package ${call.module}: add its IAM service prefix to SERVICE_PREFIXES (see the Service Authorization Reference)`,
    );
  }
  const operation = call.name.endsWith('Command')
    ? call.name.slice(0, -'Command'.length)
    : call.name.slice('paginate'.length);
  const exception = ACTION_EXCEPTIONS[`${call.module} ${operation}`];
  if (exception !== undefined) return [exception];
  if (EXPLICIT_ONLY.has(call.module)) {
    throw new Error(
      `${where}: ${call.module} ${operation}: this client's actions often differ from its operations; add the action to ACTION_EXCEPTIONS after checking the Service Authorization Reference`,
    );
  }
  return [`${prefix}:${operation}`];
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) throw new Error(`no source directory at ${dir}`);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f))
    .sort();
}

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

/** Every action the sources of these directories call, with where each is called. */
function calledActions(dirs: readonly string[]): Map<string, string[]> {
  const actions = new Map<string, string[]>();
  for (const dir of dirs) {
    for (const file of sourceFiles(dir)) {
      for (const call of sdkCalls(relative(ROOT, file), readFileSync(file, 'utf8'))) {
        for (const action of actionsFor(call)) {
          const sites = actions.get(action) ?? [];
          sites.push(`${call.file}:${call.line}`);
          actions.set(action, sites);
        }
      }
    }
  }
  return actions;
}

/** The differences between the actions called and those documented, one line each (empty: they agree). */
function drift(called: ReadonlyMap<string, readonly string[]>, documented: readonly string[]): string[] {
  const lines: string[] = [];
  for (const [action, sites] of [...called].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!documented.includes(action))
      lines.push(`called but not in src/permissions.ts: ${action} (${sites.join(', ')})`);
  }
  for (const action of documented) {
    if (!called.has(action)) lines.push(`in src/permissions.ts but never called: ${action}`);
  }
  return lines;
}

const COLLECTORS_SRC = join(ROOT, 'packages', 'collectors', 'src');
const FINDINGS_SRC = join(ROOT, 'packages', 'findings', 'src');

describe('the documented permissions match the SDK calls', () => {
  it('collectors: every action a scan calls is documented, and every documented one is called', () => {
    const documented = actionsOf([...SCAN_PERMISSIONS, ...AGGREGATOR_PERMISSIONS, ...ASSUME_ROLE_PERMISSIONS]);
    const called = calledActions([COLLECTORS_SRC]);
    for (const action of PERMISSIONLESS_CALLS) {
      expect(called.has(action), `${action} is listed as permissionless but never called`).toBe(true);
      called.delete(action);
    }
    expect(drift(called, documented)).toEqual([]);
    // The scan really calls a lot: a scan that found nothing would make the comparison empty.
    expect(called.size).toBeGreaterThan(150);
  });

  it('findings: the Security Hub exporter calls exactly the export actions', () => {
    const called = calledActions([FINDINGS_SRC]);
    expect(drift(called, actionsOf(SECURITY_HUB_EXPORT_PERMISSIONS))).toEqual([]);
  });

  it('reports a call that is not documented, and a documented action never called', () => {
    const called = new Map([
      ['s3:ListAllMyBuckets', ['src/direct/s3.ts:3']],
      ['kms:ListAliases', ['src/direct/kms.ts:9']],
    ]);
    expect(drift(called, ['s3:ListAllMyBuckets', 'kms:ListKeys'])).toEqual([
      'called but not in src/permissions.ts: kms:ListAliases (src/direct/kms.ts:9)',
      'in src/permissions.ts but never called: kms:ListKeys',
    ]);
  });
});

describe('sdkCalls and actionsFor (the scan the drift check relies on)', () => {
  const actionsOfSource = (text: string) => sdkCalls('x.ts', text).flatMap((c) => [...actionsFor(c)]);

  it('maps commands and paginators, following aliases, to <prefix>:<Operation>', () => {
    const text = [
      "import { GetStagesCommand as GetV2StagesCommand, ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';",
      "import { DescribeLoadBalancersCommand, paginateDescribeListeners } from '@aws-sdk/client-elastic-load-balancing-v2';",
      "import { type ListKeysCommandOutput, paginateListKeys } from '@aws-sdk/client-kms';",
      "import type { Trail } from '@aws-sdk/client-cloudtrail';",
      'async function f(c: ApiGatewayV2Client) {',
      "  await c.send(new GetV2StagesCommand({ ApiId: 'a' }));",
      '  await elb.send(new DescribeLoadBalancersCommand({}));',
      '  for await (const p of paginateDescribeListeners({ client: elb }, {})) {}',
      '  for await (const p of paginateListKeys({ client: kms }, {})) {}',
      '}',
    ].join('\n');
    expect(actionsOfSource(text)).toEqual([
      'apigateway:GET',
      'elasticloadbalancing:DescribeLoadBalancers',
      'elasticloadbalancing:DescribeListeners',
      'kms:ListKeys',
    ]);
  });

  it('applies the exception map (S3, S3 Control) and maps the role assumption to sts:AssumeRole', () => {
    const text = [
      "import { ListBucketsCommand, GetBucketEncryptionCommand } from '@aws-sdk/client-s3';",
      "import { GetPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';",
      "import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';",
      'new ListBucketsCommand({}); new GetBucketEncryptionCommand({}); new GetPublicAccessBlockCommand({});',
      'fromTemporaryCredentials({ params: {} });',
    ].join('\n');
    expect(actionsOfSource(text)).toEqual([
      's3:ListAllMyBuckets',
      's3:GetEncryptionConfiguration',
      's3:GetAccountPublicAccessBlock',
      'sts:AssumeRole',
    ]);
  });

  it('fails with the file and package for a client package of unknown prefix', () => {
    const text = "import { ListQueuesCommand } from '@aws-sdk/client-sqs';\nnew ListQueuesCommand({});";
    expect(() => actionsOfSource(text)).toThrow(
      'x.ts:2: unknown AWS SDK client package @aws-sdk/client-sqs: add its IAM service prefix to SERVICE_PREFIXES',
    );
  });

  it('fails for an S3 operation without an explicit action', () => {
    const text = "import { GetBucketCorsCommand } from '@aws-sdk/client-s3';\nnew GetBucketCorsCommand({});";
    expect(() => actionsOfSource(text)).toThrow('@aws-sdk/client-s3 GetBucketCors');
  });

  it('fails for uses it cannot follow: commands passed around, namespace imports, local command classes', () => {
    expect(() =>
      sdkCalls('x.ts', "import { ListKeysCommand } from '@aws-sdk/client-kms';\nconst C = ListKeysCommand;"),
    ).toThrow('x.ts: ListKeysCommand (@aws-sdk/client-kms) is imported but never called');
    expect(() => sdkCalls('x.ts', "import * as kms from '@aws-sdk/client-kms';")).toThrow('namespace import');
    expect(() => sdkCalls('x.ts', "import { ListKeysCommand } from './kms.js';\nnew ListKeysCommand({});")).toThrow(
      'x.ts:2: ListKeysCommand is not imported from an @aws-sdk client package',
    );
  });
});

describe('the permission lists', () => {
  const all = [
    ...SCAN_PERMISSIONS,
    ...AGGREGATOR_PERMISSIONS,
    ...ASSUME_ROLE_PERMISSIONS,
    ...SECURITY_HUB_EXPORT_PERMISSIONS,
  ];

  it('name actions exactly: no wildcards, the group service as prefix, sorted and distinct', () => {
    for (const group of all) {
      expect(group.why.length, group.service).toBeGreaterThan(10);
      for (const action of group.actions) {
        expect(action).toMatch(/^[a-z0-9-]+:[A-Za-z0-9]+$/);
        expect(action.split(':')[0], action).toBe(group.service);
      }
      expect([...group.actions], group.service).toEqual([...new Set(group.actions)].sort());
    }
    const services = SCAN_PERMISSIONS.map((g) => g.service);
    expect(services).toEqual([...new Set(services)].sort());
  });

  it('a scan only reads: List, Get, Describe, Select and BatchGet calls, the credential report, apigateway:GET', () => {
    // GenerateCredentialReport starts the report the credential controls read; it changes no configuration.
    const allowed = new Set(['iam:GenerateCredentialReport', 'apigateway:GET']);
    for (const action of actionsOf([...SCAN_PERMISSIONS, ...AGGREGATOR_PERMISSIONS])) {
      if (allowed.has(action)) continue;
      expect(action).toMatch(/^[a-z0-9-]+:(List|Get|Describe|Select|BatchGet)[A-Z]/);
    }
  });

  it('keeps the aggregator and the export out of the base read list', () => {
    const base = actionsOf(SCAN_PERMISSIONS);
    for (const action of actionsOf([...AGGREGATOR_PERMISSIONS, ...SECURITY_HUB_EXPORT_PERMISSIONS])) {
      expect(base).not.toContain(action);
    }
  });
});

describe('scanPolicy', () => {
  it('a scan of the account: one read statement on every resource', () => {
    const policy = scanPolicy();
    expect(policy.Version).toBe('2012-10-17');
    expect(policy.Statement).toEqual([
      { Sid: 'RampartScanRead', Effect: 'Allow', Action: actionsOf(SCAN_PERMISSIONS), Resource: '*' },
    ]);
    expect(policy.Statement[0]!.Action).toContain('s3:ListAllMyBuckets');
    expect(policy.Statement[0]!.Action).not.toContain('config:SelectAggregateResourceConfig');
  });

  it('--aggregator adds the aggregator query, --export securityhub the exporter', () => {
    const policy = scanPolicy({ aggregator: true, export: 'securityhub' });
    expect(policy.Statement.map((s) => s.Sid)).toEqual([
      'RampartScanRead',
      'RampartAggregatorRead',
      'RampartSecurityHubExport',
    ]);
    expect(policy.Statement[1]!.Action).toEqual(['config:SelectAggregateResourceConfig']);
    expect(policy.Statement[2]!.Action).toEqual(['securityhub:BatchImportFindings', 'securityhub:GetFindings']);
  });

  it('--role-arn: the caller may assume that role only (the role reads, and imports the findings)', () => {
    const roleArn = 'arn:aws:iam::210987654321:role/rampart-scan';
    expect(scanPolicy({ roleArn })).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'RampartAssumeScanRole', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: roleArn }],
    });
    expect(() => scanPolicy({ roleArn, export: 'securityhub' })).toThrow('the findings are imported by the role');
  });

  it('rejects a malformed role ARN, a role with an aggregator (the role reads it) and an unknown export', () => {
    expect(() => scanPolicy({ roleArn: 'rampart-scan' })).toThrow(ScanPolicyOptionsError);
    expect(() => scanPolicy({ roleArn: 'arn:aws:iam::123:role/x' })).toThrow('roleArn must be an IAM role ARN');
    expect(() => scanPolicy({ roleArn: 'arn:aws:iam::210987654321:role/r', aggregator: true })).toThrow(
      'the aggregator is read by the role',
    );
    expect(() => scanPolicy({ export: 'splunk' } as unknown as ScanPolicyOptions)).toThrow(
      'export must be securityhub, got "splunk"',
    );
  });

  it('scanPolicyGroups gives the permission groups behind each statement, whose actions they are', () => {
    for (const options of [
      {},
      { aggregator: true, export: 'securityhub' as const },
      { roleArn: 'arn:aws:iam::210987654321:role/r' },
    ]) {
      const statements = scanPolicy(options).Statement;
      const groups = scanPolicyGroups(options);
      expect(groups.map((g) => g.sid)).toEqual(statements.map((s) => s.Sid));
      for (const [i, g] of groups.entries()) expect(actionsOf(g.groups)).toEqual(statements[i]!.Action);
    }
    expect(scanPolicyGroups({ aggregator: true })[1]!.groups).toBe(AGGREGATOR_PERMISSIONS);
  });
});
