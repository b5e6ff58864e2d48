import {
  GenerateCredentialReportCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  GetPolicyCommand,
  IAMClient,
  type PolicyVersion,
  paginateGetAccountAuthorizationDetails,
  paginateListVirtualMFADevices,
} from '@aws-sdk/client-iam';
import {
  type AccountSummary,
  AccountSummaryFact,
  type CredentialReport,
  CredentialReportFact,
  PasswordPolicyFact,
} from '@rampart/core';
import { configObject, iamPolicyDocument, tagMap } from '../ci.js';
import { isNotFound } from '../errors.js';
import type { ReaderContext, ServiceReader } from '../reader.js';

const USER = 'AWS::IAM::User';
const ROLE = 'AWS::IAM::Role';
const GROUP = 'AWS::IAM::Group';
const POLICY = 'AWS::IAM::Policy';

type Inline = { PolicyName?: string; PolicyDocument?: string };

function inlinePolicies(list: readonly Inline[] | undefined) {
  return (list ?? []).map((p) => ({
    policyName: p.PolicyName ?? null,
    policyDocument: iamPolicyDocument(p.PolicyDocument),
  }));
}

function policyVersions(list: readonly PolicyVersion[] | undefined) {
  return (list ?? []).map((v) => ({
    document: iamPolicyDocument(v.Document),
    versionId: v.VersionId ?? null,
    isDefaultVersion: v.IsDefaultVersion ?? false,
    createDate: v.CreateDate?.toISOString() ?? null,
  }));
}

/**
 * Users, roles, groups and customer managed policies in one paged call (GetAccountAuthorizationDetails
 * returns the inline and attached policies and documents that would otherwise cost several calls
 * per principal). AWS Config records IAM in region `global`, ids as resource ids, documents URL-encoded.
 */
async function readAuthorizationDetails(ctx: ReaderContext, iam: IAMClient): Promise<void> {
  const pages = paginateGetAccountAuthorizationDetails(
    { client: iam },
    { Filter: ['User', 'Role', 'Group', 'LocalManagedPolicy'] },
  );
  for await (const page of pages) {
    for (const u of page.UserDetailList ?? []) {
      const configuration = configObject({ ...u, UserPolicyList: undefined, Tags: undefined });
      configuration['userPolicyList'] = inlinePolicies(u.UserPolicyList);
      configuration['groupList'] = u.GroupList ?? [];
      configuration['attachedManagedPolicies'] ??= [];
      configuration['permissionsBoundary'] ??= null;
      configuration['tags'] = configObject({ list: u.Tags ?? [] })['list'];
      ctx.item({
        resourceType: USER,
        resourceId: u.UserId!,
        resourceName: u.UserName,
        arn: u.Arn,
        tags: tagMap(u.Tags),
        configuration,
      });
    }
    for (const r of page.RoleDetailList ?? []) {
      const configuration = configObject({ ...r, RolePolicyList: undefined, Tags: undefined });
      configuration['assumeRolePolicyDocument'] = iamPolicyDocument(r.AssumeRolePolicyDocument);
      configuration['rolePolicyList'] = inlinePolicies(r.RolePolicyList);
      configuration['attachedManagedPolicies'] ??= [];
      configuration['instanceProfileList'] ??= [];
      configuration['permissionsBoundary'] ??= null;
      configuration['tags'] = configObject({ list: r.Tags ?? [] })['list'];
      ctx.item({
        resourceType: ROLE,
        resourceId: r.RoleId!,
        resourceName: r.RoleName,
        arn: r.Arn,
        tags: tagMap(r.Tags),
        configuration,
      });
    }
    for (const g of page.GroupDetailList ?? []) {
      const configuration = configObject({ ...g, GroupPolicyList: undefined });
      configuration['groupPolicyList'] = inlinePolicies(g.GroupPolicyList);
      configuration['attachedManagedPolicies'] ??= [];
      ctx.item({ resourceType: GROUP, resourceId: g.GroupId!, resourceName: g.GroupName, arn: g.Arn, configuration });
    }
    for (const listed of page.Policies ?? []) {
      let p = listed;
      if (p.PolicyId === undefined || p.PolicyName === undefined) {
        // Some implementations (moto 5.2) leave the id and name out here; GetPolicy has them.
        try {
          const policy = (await iam.send(new GetPolicyCommand({ PolicyArn: p.Arn }))).Policy;
          p = { ...p, PolicyId: policy?.PolicyId, PolicyName: policy?.PolicyName };
        } catch (error) {
          ctx.fail('GetPolicy', [POLICY], error, undefined, `policy ${p.Arn}`);
          continue;
        }
        if (p.PolicyId === undefined) {
          ctx.fail('GetPolicy', [POLICY], new Error('no PolicyId returned'), undefined, `policy ${p.Arn}`);
          continue;
        }
      }
      const configuration = configObject({ ...p, PolicyVersionList: undefined });
      configuration['policyVersionList'] = policyVersions(p.PolicyVersionList);
      configuration['permissionsBoundaryUsageCount'] ??= 0;
      configuration['attachmentCount'] ??= 0;
      ctx.item({
        resourceType: POLICY,
        resourceId: p.PolicyId!,
        resourceName: p.PolicyName,
        arn: p.Arn,
        configuration,
      });
    }
  }
}

/** `N/A`, `no_information`, `not_supported` and empty cells say "no date". */
function reportDate(value: string | undefined): string | null {
  if (
    value === undefined ||
    value === '' ||
    value === 'N/A' ||
    value === 'no_information' ||
    value === 'not_supported'
  ) {
    return null;
  }
  return value;
}

/** The credential report's CSV (no quoted fields: user names and ARNs cannot hold commas). */
export function parseCredentialReport(csv: string, generatedAt: string): CredentialReport {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines.shift() ?? '').split(',');
  const users = lines.map((line) => {
    const cells = line.split(',');
    const row = (name: string) => cells[header.indexOf(name)];
    const bool = (name: string) => row(name) === 'true';
    return {
      user: row('user') ?? '',
      arn: row('arn') ?? '',
      userCreationTime: row('user_creation_time') ?? '',
      passwordEnabled: bool('password_enabled'),
      passwordLastUsed: reportDate(row('password_last_used')),
      passwordLastChanged: reportDate(row('password_last_changed')),
      mfaActive: bool('mfa_active'),
      accessKey1Active: bool('access_key_1_active'),
      accessKey1LastRotated: reportDate(row('access_key_1_last_rotated')),
      accessKey1LastUsedDate: reportDate(row('access_key_1_last_used_date')),
      accessKey2Active: bool('access_key_2_active'),
      accessKey2LastRotated: reportDate(row('access_key_2_last_rotated')),
      accessKey2LastUsedDate: reportDate(row('access_key_2_last_used_date')),
    };
  });
  return { generatedAt, users };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Generating the report is asynchronous on AWS's side: ask until it is COMPLETE (about 10 s at most in practice). */
async function credentialReport(iam: IAMClient, pollMs: number): Promise<CredentialReport> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const state = await iam.send(new GenerateCredentialReportCommand({}));
    if (state.State === 'COMPLETE') break;
    await sleep(pollMs);
  }
  const report = await iam.send(new GetCredentialReportCommand({}));
  const content = report.Content === undefined ? '' : new TextDecoder().decode(report.Content);
  return parseCredentialReport(content, (report.GeneratedTime ?? new Date()).toISOString());
}

async function accountSummary(iam: IAMClient): Promise<AccountSummary> {
  const summary = (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap ?? {};
  const accountMfaEnabled = (summary['AccountMFAEnabled'] ?? 0) > 0;
  let rootVirtualMfa: boolean | null = false;
  if (accountMfaEnabled) {
    rootVirtualMfa = false;
    for await (const page of paginateListVirtualMFADevices({ client: iam }, { AssignmentStatus: 'Assigned' })) {
      if ((page.VirtualMFADevices ?? []).some((d) => d.User?.Arn?.endsWith(':root') === true)) rootVirtualMfa = true;
    }
  }
  return {
    accountMfaEnabled,
    accountAccessKeysPresent: (summary['AccountAccessKeysPresent'] ?? 0) > 0,
    accountSigningCertificatesPresent: (summary['AccountSigningCertificatesPresent'] ?? 0) > 0,
    rootVirtualMfa,
    users: summary['Users'],
    roles: summary['Roles'],
    policies: summary['Policies'],
  };
}

export function iamReader(options: { reportPollMs?: number } = {}): ServiceReader {
  return {
    service: 'iam',
    scope: 'global',
    resourceTypes: [USER, ROLE, GROUP, POLICY],
    factTypes: [CredentialReportFact.type, PasswordPolicyFact.type, AccountSummaryFact.type],
    async read(ctx) {
      const iam = ctx.clients.get(IAMClient, 'iam', ctx.apiRegion);
      const reads: Promise<unknown>[] = [
        ctx.attempt('GetCredentialReport', [CredentialReportFact.type], async () => {
          ctx.fact(CredentialReportFact, await credentialReport(iam, options.reportPollMs ?? 2000));
        }),
        ctx.attempt('GetAccountPasswordPolicy', [PasswordPolicyFact.type], async () => {
          try {
            const { PasswordPolicy: p } = await iam.send(new GetAccountPasswordPolicyCommand({}));
            const policy =
              p === undefined
                ? null
                : (configObject(p) as NonNullable<Parameters<typeof PasswordPolicyFact.schema.parse>[0]>);
            ctx.fact(PasswordPolicyFact, { policy } as never);
          } catch (error) {
            // NoSuchEntity is the API's answer for "this account has no password policy".
            if (!isNotFound(error, ['NoSuchEntityException', 'NoSuchEntity'])) throw error;
            ctx.fact(PasswordPolicyFact, { policy: null });
          }
        }),
        ctx.attempt('GetAccountSummary', [AccountSummaryFact.type], async () => {
          ctx.fact(AccountSummaryFact, await accountSummary(iam));
        }),
      ];
      if (ctx.readResources) {
        reads.push(
          ctx.attempt('GetAccountAuthorizationDetails', [USER, ROLE, GROUP, POLICY], () =>
            readAuthorizationDetails(ctx, iam),
          ),
        );
      }
      await Promise.all(reads);
    },
  };
}
