import {
  type ComplianceItem,
  DescribeDocumentPermissionCommand,
  type InstanceInformation,
  paginateDescribeInstanceInformation,
  paginateDescribeParameters,
  paginateListComplianceItems,
  paginateListDocuments,
  paginateListResourceComplianceSummaries,
  type ResourceComplianceSummaryItem,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { type SsmDocumentSharing, SsmDocumentSharingFact, type SsmParameters, SsmParametersFact } from '@rampart/core';
import type { ReaderContext, ServiceReader } from '../reader.js';

const INVENTORY = 'AWS::SSM::ManagedInstanceInventory';
const ASSOCIATION = 'AWS::SSM::AssociationCompliance';
const PATCH = 'AWS::SSM::PatchCompliance';

const KINDS = { Association: ASSOCIATION, Patch: PATCH } as const;
type Kind = keyof typeof KINDS;

const iso = (d: Date | undefined) => (d === undefined ? null : d.toISOString().replace(/\.\d{3}Z$/, 'Z'));

/** A managed node as AWS Config's inventory item: `AWS:InstanceInformation.Content.<instance id>`. */
function inventoryItem(ctx: ReaderContext, i: InstanceInformation): void {
  const id = i.InstanceId!;
  const status = i.PingStatus === 'Online' ? 'Active' : (i.PingStatus ?? 'Unknown');
  const content: Record<string, unknown> = {
    AgentType: 'amazon-ssm-agent',
    AgentVersion: i.AgentVersion ?? null,
    ComputerName: i.ComputerName ?? null,
    InstanceId: id,
    InstanceStatus: status,
    IpAddress: i.IPAddress ?? null,
    PlatformName: i.PlatformName ?? null,
    PlatformType: i.PlatformType ?? null,
    PlatformVersion: i.PlatformVersion ?? null,
    ResourceType: i.ResourceType ?? null,
  };
  ctx.item({
    resourceType: INVENTORY,
    resourceId: id,
    arn: `arn:${ctx.partition}:ssm:${ctx.region}:${ctx.accountId}:managed-instance-inventory/${id}`,
    configuration: {
      'AWS:InstanceInformation': {
        SchemaVersion: '1.0',
        CaptureTime: iso(i.LastPingDateTime) ?? ctx.capturedAt,
        Content: { [id]: content },
      },
    },
    supplementaryConfiguration: { instanceStatus: status },
    relationships:
      i.ResourceType === 'EC2Instance' || id.startsWith('i-')
        ? [{ resourceType: 'AWS::EC2::Instance', resourceId: id, name: 'Is associated with Instance' }]
        : [],
  });
}

/** One compliance entry as AWS Config records it: the item's details, status, severity and execution. */
function entry(kind: Kind, c: ComplianceItem): Record<string, unknown> {
  return {
    ComplianceType: kind,
    ...(c.Details ?? {}),
    ...(kind === 'Patch' ? { Id: c.Id ?? null } : {}),
    ExecutionId: c.ExecutionSummary?.ExecutionId ?? null,
    ExecutionTime: iso(c.ExecutionSummary?.ExecutionTime),
    ExecutionType: c.ExecutionSummary?.ExecutionType ?? null,
    Severity: c.Severity ?? 'UNSPECIFIED',
    Status: c.Status ?? null,
    Title: c.Title ?? '',
  };
}

async function complianceItem(
  ctx: ReaderContext,
  ssm: SSMClient,
  summary: ResourceComplianceSummaryItem,
  kind: Kind,
): Promise<void> {
  const instance = summary.ResourceId!;
  const content: Record<string, unknown> = {};
  const pages = paginateListComplianceItems(
    { client: ssm },
    {
      ResourceIds: [instance],
      ResourceTypes: ['ManagedInstance'],
      Filters: [{ Key: 'ComplianceType', Values: [kind], Type: 'EQUAL' }],
    },
  );
  for await (const page of pages) {
    for (const c of page.ComplianceItems ?? []) {
      if (c.ComplianceType === kind) content[c.Id ?? `${Object.keys(content).length}`] = entry(kind, c);
    }
  }
  ctx.item({
    resourceType: KINDS[kind],
    resourceId: `${INVENTORY}/${instance}`,
    arn: null,
    configuration: {
      'AWS:ComplianceItem': {
        SchemaVersion: '1.0',
        ComplianceType: kind,
        CaptureTime: iso(summary.ExecutionSummary?.ExecutionTime) ?? ctx.capturedAt,
        Content: { [kind]: content },
      },
    },
    relationships: [
      { resourceType: INVENTORY, resourceId: instance, name: 'Is associated with ManagedInstanceInventory' },
    ],
  });
}

/** Parameter metadata only: DescribeParameters never returns values. */
async function parameters(ssm: SSMClient): Promise<SsmParameters> {
  const out: SsmParameters['parameters'] = [];
  for await (const page of paginateDescribeParameters({ client: ssm }, { MaxResults: 50 })) {
    for (const p of page.Parameters ?? []) {
      out.push({
        name: p.Name!,
        type: (p.Type ?? 'String') as SsmParameters['parameters'][number]['type'],
        keyId: p.KeyId ?? null,
        tier: p.Tier ?? null,
      });
    }
  }
  return { parameters: out };
}

/** The account's own documents and whom each is shared with (`all`: public). */
async function documentSharing(ctx: ReaderContext, ssm: SSMClient): Promise<SsmDocumentSharing> {
  const docs: { name: string; documentType: string | null }[] = [];
  const pages = paginateListDocuments({ client: ssm }, { Filters: [{ Key: 'Owner', Values: ['Self'] }] });
  for await (const page of pages) {
    for (const d of page.DocumentIdentifiers ?? []) docs.push({ name: d.Name!, documentType: d.DocumentType ?? null });
  }
  const documents = await ctx.limiter.map(docs, async (d) => {
    const accountIds: string[] = [];
    let NextToken: string | undefined;
    do {
      const out = await ssm.send(
        new DescribeDocumentPermissionCommand({ Name: d.name, PermissionType: 'Share', NextToken }),
      );
      accountIds.push(...(out.AccountIds ?? []));
      NextToken = out.NextToken;
    } while (NextToken !== undefined);
    return { ...d, accountIds };
  });
  return { documents };
}

/**
 * Systems Manager managed nodes (DescribeInstanceInformation) as ManagedInstanceInventory items, and
 * their association and patch compliance (ListResourceComplianceSummaries, then ListComplianceItems per
 * node and type) in AWS Config's `AWS:ComplianceItem` shape, resource id `AWS::SSM::ManagedInstanceInventory/<id>`.
 */
export const ssmReader: ServiceReader = {
  service: 'ssm',
  scope: 'regional',
  resourceTypes: [INVENTORY, ASSOCIATION, PATCH],
  factTypes: [SsmParametersFact.type, SsmDocumentSharingFact.type],
  async read(ctx) {
    const ssm = ctx.clients.get(SSMClient, 'ssm', ctx.region);
    const kinds = (Object.keys(KINDS) as Kind[]).filter((k) => ctx.wants(KINDS[k]));
    await Promise.all([
      ctx.wants(SsmParametersFact.type) &&
        ctx.attempt('DescribeParameters', [SsmParametersFact.type], async () =>
          ctx.fact(SsmParametersFact, await parameters(ssm)),
        ),
      ctx.wants(SsmDocumentSharingFact.type) &&
        ctx.attempt('DescribeDocumentPermission', [SsmDocumentSharingFact.type], async () =>
          ctx.fact(SsmDocumentSharingFact, await documentSharing(ctx, ssm)),
        ),
      ctx.wants(INVENTORY) &&
        ctx.attempt('DescribeInstanceInformation', [INVENTORY], async () => {
          for await (const page of paginateDescribeInstanceInformation({ client: ssm }, { MaxResults: 50 })) {
            for (const i of page.InstanceInformationList ?? []) inventoryItem(ctx, i);
          }
        }),
      kinds.length > 0 &&
        ctx.attempt(
          'ListResourceComplianceSummaries',
          kinds.map((k) => KINDS[k]),
          async () => {
            const summaries: { summary: ResourceComplianceSummaryItem; kind: Kind }[] = [];
            const pages = paginateListResourceComplianceSummaries(
              { client: ssm },
              { Filters: [{ Key: 'ComplianceType', Values: kinds, Type: 'EQUAL' }] },
            );
            for await (const page of pages) {
              for (const s of page.ResourceComplianceSummaryItems ?? []) {
                const kind = s.ComplianceType as Kind;
                if (s.ResourceType === 'ManagedInstance' && kinds.includes(kind) && s.ResourceId !== undefined)
                  summaries.push({ summary: s, kind });
              }
            }
            await ctx.limiter.map(summaries, async ({ summary, kind }) => {
              try {
                await complianceItem(ctx, ssm, summary, kind);
              } catch (error) {
                ctx.fail(
                  'ListComplianceItems',
                  [KINDS[kind]],
                  error,
                  undefined,
                  `managed instance ${summary.ResourceId}`,
                );
              }
            });
          },
        ),
    ]);
  },
};
