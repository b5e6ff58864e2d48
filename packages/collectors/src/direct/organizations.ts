import {
  DescribeOrganizationalUnitCommand,
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  ListParentsCommand,
  ListRootsCommand,
  type Organization,
  OrganizationsClient,
  paginateListPoliciesForTarget,
} from '@aws-sdk/client-organizations';
import { type OrganizationsAccount, OrganizationsAccountFact } from '@rampart/core';
import { isNotFound } from '../errors.js';
import type { ReaderContext, ServiceReader } from '../reader.js';

type Parent = OrganizationsAccount['parents'][number];
type Scp = NonNullable<OrganizationsAccount['serviceControlPolicies']>[number];

/** A member account may describe its organization but not walk it: those calls need the management account. */
const DENIED = ['AccessDeniedException', 'AccessDenied', 'AccessDeniedForDependencyException'];

/** The account's parents, nearest first, up to the root (an account has one parent; so has an OU). */
async function parentsOf(org: OrganizationsClient, accountId: string): Promise<Parent[]> {
  const parents: Parent[] = [];
  let child = accountId;
  for (let depth = 0; depth < 10; depth++) {
    const parent = (await org.send(new ListParentsCommand({ ChildId: child }))).Parents?.[0];
    if (parent?.Id === undefined) break;
    const type = parent.Type === 'ROOT' ? 'ROOT' : 'ORGANIZATIONAL_UNIT';
    let name: string | null = null;
    if (type === 'ORGANIZATIONAL_UNIT') {
      const ou = await org.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: parent.Id }));
      name = ou.OrganizationalUnit?.Name ?? null;
    }
    parents.push({ id: parent.Id, type, name });
    if (type === 'ROOT') break;
    child = parent.Id;
  }
  return parents;
}

/** SCPs attached to the account and to each parent, with their documents (one DescribePolicy per policy). */
async function policiesOf(ctx: ReaderContext, org: OrganizationsClient, targets: readonly string[]): Promise<Scp[]> {
  const attached: { id: string; name: string; arn: string | null; awsManaged: boolean; targetId: string }[] = [];
  for (const TargetId of targets) {
    const pages = paginateListPoliciesForTarget({ client: org }, { TargetId, Filter: 'SERVICE_CONTROL_POLICY' });
    for await (const page of pages) {
      for (const p of page.Policies ?? []) {
        attached.push({
          id: p.Id!,
          name: p.Name ?? p.Id!,
          arn: p.Arn ?? null,
          awsManaged: p.AwsManaged === true,
          targetId: TargetId,
        });
      }
    }
  }
  const documents = new Map<string, Promise<string | null>>();
  const content = (id: string) => {
    let doc = documents.get(id);
    if (doc === undefined) {
      doc = (async () => (await org.send(new DescribePolicyCommand({ PolicyId: id }))).Policy?.Content ?? null)();
      documents.set(id, doc);
    }
    return doc;
  };
  return ctx.limiter.map(attached, async (p) => ({ ...p, content: await content(p.id) }));
}

/**
 * Membership from DescribeOrganization (AWSOrganizationsNotInUseException: not a member). Parents and
 * SCPs need the management account or a delegated administrator; when they are denied the fact keeps
 * `parents: []`, `serviceControlPolicies: null` and `serviceControlPoliciesEnabled: null` (as its schema
 * documents), and the denial is recorded as a collection error that leaves no type unknown.
 */
export const organizationsReader: ServiceReader = {
  service: 'organizations',
  scope: 'global',
  resourceTypes: [],
  factTypes: [OrganizationsAccountFact.type],
  async read(ctx) {
    // Organizations is a global service served from us-east-1 (aws), cn-northwest-1, us-gov-west-1.
    const org = ctx.clients.get(OrganizationsClient, 'organizations', ctx.apiRegion);
    await ctx.attempt('DescribeOrganization', [OrganizationsAccountFact.type], async () => {
      let o: Organization;
      try {
        o = (await org.send(new DescribeOrganizationCommand({}))).Organization ?? {};
      } catch (error) {
        if (!isNotFound(error, ['AWSOrganizationsNotInUseException'])) throw error;
        ctx.fact(OrganizationsAccountFact, { member: false, parents: [], serviceControlPolicies: null });
        return;
      }
      const value: OrganizationsAccount = {
        member: true,
        organizationId: o.Id ?? null,
        organizationArn: o.Arn ?? null,
        managementAccountId: o.MasterAccountId ?? null,
        featureSet: o.FeatureSet ?? null,
        serviceControlPoliciesEnabled: null,
        parents: [],
        serviceControlPolicies: null,
      };
      const denied = (operation: string, error: unknown) => {
        if (!isNotFound(error, DENIED)) throw error;
        ctx.fail(operation, [], error);
      };
      try {
        const roots = (await org.send(new ListRootsCommand({}))).Roots ?? [];
        value.serviceControlPoliciesEnabled = roots.some((r) =>
          (r.PolicyTypes ?? []).some((t) => t.Type === 'SERVICE_CONTROL_POLICY' && t.Status === 'ENABLED'),
        );
      } catch (error) {
        denied('ListRoots', error);
      }
      try {
        value.parents = await parentsOf(org, ctx.accountId);
      } catch (error) {
        denied('ListParents', error);
      }
      if (value.parents.length > 0 && value.serviceControlPoliciesEnabled !== false) {
        try {
          value.serviceControlPolicies = await policiesOf(ctx, org, [ctx.accountId, ...value.parents.map((p) => p.id)]);
        } catch (error) {
          denied('ListPoliciesForTarget', error);
        }
      } else if (value.serviceControlPoliciesEnabled === false) {
        value.serviceControlPolicies = [];
      }
      ctx.fact(OrganizationsAccountFact, value);
    });
  },
};
