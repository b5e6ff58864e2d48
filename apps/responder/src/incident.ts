import { createHash } from 'node:crypto';
import * as z from 'zod';
import { IncidentInputError } from './errors.js';

/** The playbooks, by the names the rampart:playbook tag and Rampart's own controls use. */
export const PLAYBOOK_NAMES = ['compromised-access-key', 'public-s3-exposure', 'ec2-compromise'] as const;
export type PlaybookName = (typeof PLAYBOOK_NAMES)[number];

const AccessKeyTargetSchema = z.strictObject({
  type: z.literal('access-key'),
  accessKeyId: z.string().regex(/^(AKIA|ASIA)[A-Z0-9]{12,124}$/, 'must be an access key id'),
  /** The IAM user that owns the key; for temporary keys (ASIA…) the role the session belongs to is `roleName`. */
  userName: z.string().min(1).max(64).optional(),
  roleName: z.string().min(1).max(64).optional(),
});
const BucketTargetSchema = z.strictObject({
  type: z.literal('s3-bucket'),
  bucketName: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name'),
});
const InstanceTargetSchema = z.strictObject({
  type: z.literal('ec2-instance'),
  instanceId: z.string().regex(/^i-[0-9a-f]{8,17}$/, 'must be an instance id'),
});
export const TargetSchema = z.discriminatedUnion('type', [
  AccessKeyTargetSchema,
  BucketTargetSchema,
  InstanceTargetSchema,
]);
export type Target = z.infer<typeof TargetSchema>;

const TARGET_OF: Record<PlaybookName, Target['type']> = {
  'compromised-access-key': 'access-key',
  'public-s3-exposure': 's3-bucket',
  'ec2-compromise': 'ec2-instance',
};

/** What every step receives: the normalized incident, made once by the start-incident step. */
export const IncidentSchema = z.strictObject({
  playbook: z.enum(PLAYBOOK_NAMES),
  /** Stable across runs for one finding: evidence and tags of every run of the finding are found under it. */
  incidentId: z.string().regex(/^[A-Za-z0-9-]{1,80}$/),
  /** The finding as its source names it (GuardDuty id, Security Hub finding ARN or Id, Access Analyzer id). */
  findingId: z.string().min(1).max(512),
  findingType: z.string().max(512).optional(),
  source: z.enum(['guardduty', 'security-hub', 'security-hub-custom-action', 'access-analyzer', 'manual']),
  accountId: z.string().regex(/^\d{12}$/),
  region: z.string().min(1),
  /** One run of the playbook: the execution name, or `manual-<time>`. */
  runId: z.string().regex(/^[A-Za-z0-9_.-]{1,80}$/),
  /** When the run started (ISO 8601); also the revocation time of the deny policy. */
  startedAt: z.iso.datetime({ offset: true }),
  dryRun: z.boolean(),
  /** EC2 playbook: stop the instance after isolating it (never terminate). */
  stopInstance: z.boolean(),
  target: TargetSchema,
});
export type Incident = z.infer<typeof IncidentSchema>;

/** The state every step after start-incident receives: the incident and the results so far. */
export interface PlaybookState {
  incident: Incident;
  steps?: Record<string, unknown>;
  error?: { Error?: string; Cause?: string };
}

/** What the start step is given: the raw execution input plus execution facts from the context object. */
export interface StartRequest {
  input: unknown;
  playbook: PlaybookName;
  executionId?: string;
  executionStartTime?: string;
  /** The definition's default when the input does not say (automatic runs). */
  defaultDryRun?: boolean;
  defaultStopInstance?: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: event payloads are untyped JSON, read defensively.
type Json = any;

interface Found {
  findingId: string;
  findingType?: string | undefined;
  source: Incident['source'];
  accountId?: string | undefined;
  region?: string | undefined;
  target?: unknown;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function bucketFromArn(arn: string | undefined): string | undefined {
  const m = arn === undefined ? null : /^arn:aws[a-z-]*:s3:::([^/]+)$/.exec(arn);
  return m?.[1] ?? (arn !== undefined && !arn.startsWith('arn:') ? arn : undefined);
}

function fromGuardDuty(detail: Json, playbook: PlaybookName): Found {
  const resource = detail?.resource ?? {};
  const found: Found = {
    findingId: str(detail?.id) ?? '',
    findingType: str(detail?.type),
    source: 'guardduty',
    accountId: str(detail?.accountId),
    region: str(detail?.region),
  };
  if (playbook === 'compromised-access-key') {
    const key = resource.accessKeyDetails ?? {};
    const userType = str(key.userType);
    const principal = str(key.userName);
    found.target = {
      type: 'access-key',
      accessKeyId: str(key.accessKeyId),
      ...(userType === 'AssumedRole' || userType === 'Role' ? { roleName: principal } : { userName: principal }),
    };
  } else if (playbook === 'ec2-compromise') {
    found.target = { type: 'ec2-instance', instanceId: str(resource.instanceDetails?.instanceId) };
  }
  return found;
}

/** The Security Hub finding's first resource this playbook acts on. */
function fromSecurityHub(detail: Json, playbook: PlaybookName, source: Incident['source']): Found {
  const findings: Json[] = Array.isArray(detail?.findings) ? detail.findings : [];
  const wanted: Record<PlaybookName, string[]> = {
    'compromised-access-key': ['AwsIamAccessKey'],
    'public-s3-exposure': ['AwsS3Bucket'],
    'ec2-compromise': ['AwsEc2Instance'],
  };
  for (const finding of findings) {
    const resources: Json[] = Array.isArray(finding?.Resources) ? finding.Resources : [];
    const resource = resources.find((r) => wanted[playbook].includes(r?.Type));
    if (resource === undefined) continue;
    const found: Found = {
      findingId: str(finding.Id) ?? '',
      findingType: Array.isArray(finding.Types) ? str(finding.Types[0]) : undefined,
      source,
      accountId: str(finding.AwsAccountId),
      region: str(resource.Region) ?? str(finding.Region),
    };
    if (playbook === 'compromised-access-key') {
      const details = resource.Details?.AwsIamAccessKey ?? {};
      const userType = str(details.PrincipalType);
      const principal = str(details.PrincipalName) ?? str(details.UserName);
      const keyId = str(details.AccessKeyId) ?? str(resource.Id)?.split('/').pop();
      found.target = {
        type: 'access-key',
        accessKeyId: keyId,
        ...(userType === 'AssumedRole' || userType === 'Role' ? { roleName: principal } : { userName: principal }),
      };
    } else if (playbook === 'public-s3-exposure') {
      found.target = { type: 's3-bucket', bucketName: bucketFromArn(str(resource.Id)) };
    } else {
      found.target = { type: 'ec2-instance', instanceId: str(resource.Id)?.split('/').pop() };
    }
    return found;
  }
  throw new IncidentInputError(
    `No ${wanted[playbook].join(' or ')} resource in the ${findings.length} Security Hub finding(s) of the event`,
  );
}

function fromAccessAnalyzer(detail: Json): Found {
  return {
    findingId: str(detail?.id) ?? '',
    findingType: 'AccessAnalyzer/PublicAccess',
    source: 'access-analyzer',
    accountId: str(detail?.accountId),
    region: str(detail?.region),
    target: { type: 's3-bucket', bucketName: bucketFromArn(str(detail?.resource)) },
  };
}

/** A request someone started by hand: `{ "instanceId": "i-…", "findingId": "…", "dryRun": true }`. */
function fromManual(input: Json, playbook: PlaybookName): Found {
  const targets: Record<PlaybookName, unknown> = {
    'compromised-access-key': {
      type: 'access-key',
      accessKeyId: str(input.accessKeyId),
      ...(str(input.userName) ? { userName: input.userName } : {}),
      ...(str(input.roleName) ? { roleName: input.roleName } : {}),
    },
    'public-s3-exposure': { type: 's3-bucket', bucketName: str(input.bucketName) },
    'ec2-compromise': { type: 'ec2-instance', instanceId: str(input.instanceId) },
  };
  return {
    findingId: str(input.findingId) ?? '',
    findingType: str(input.findingType),
    source: 'manual',
    accountId: str(input.accountId),
    region: str(input.region),
    target: targets[playbook],
  };
}

/** A short id that is safe in S3 keys and tag values, the same for every run of one finding. */
export function incidentIdFor(playbook: PlaybookName, findingId: string): string {
  if (/^[A-Za-z0-9-]{1,64}$/.test(findingId)) return findingId;
  return `${playbook}-${createHash('sha256').update(findingId).digest('hex').slice(0, 32)}`;
}

function runIdFrom(executionId: string | undefined, startedAt: string): string {
  const name = executionId?.split(':').pop();
  if (name !== undefined && /^[A-Za-z0-9_.-]{1,80}$/.test(name)) return name;
  return `manual-${startedAt.replace(/[^0-9]/g, '').slice(0, 17)}`;
}

/** Normalizes the execution input (an EventBridge event or a manual request) into the incident. */
export function parseIncident(
  request: StartRequest,
  now: Date,
  defaults: { accountId: string; region: string },
): Incident {
  const input: Json = request.input ?? {};
  const detailType = str(input['detail-type']);
  let found: Found;
  switch (detailType) {
    case 'GuardDuty Finding':
      found = fromGuardDuty(input.detail, request.playbook);
      break;
    case 'Security Hub Findings - Imported':
      found = fromSecurityHub(input.detail, request.playbook, 'security-hub');
      break;
    case 'Security Hub Findings - Custom Action':
      found = fromSecurityHub(input.detail, request.playbook, 'security-hub-custom-action');
      break;
    case 'Access Analyzer Finding':
      found = fromAccessAnalyzer(input.detail);
      break;
    case undefined:
      found = fromManual(input, request.playbook);
      break;
    default:
      throw new IncidentInputError(`Event type "${detailType}" does not start the ${request.playbook} playbook`);
  }
  const startedAt = request.executionStartTime ?? now.toISOString();
  // A manual run without a finding id is keyed by its start time, so it still gets one evidence folder.
  const findingId = found.findingId !== '' ? found.findingId : `manual-${startedAt}`;
  const candidate = {
    playbook: request.playbook,
    incidentId: incidentIdFor(request.playbook, findingId),
    findingId,
    ...(found.findingType !== undefined ? { findingType: found.findingType } : {}),
    source: found.source,
    accountId: found.accountId ?? str(input.account) ?? defaults.accountId,
    region: found.region ?? str(input.region) ?? defaults.region,
    runId: runIdFrom(request.executionId, startedAt),
    startedAt: new Date(startedAt).toISOString(),
    // A Security Hub custom action is a person's decision to respond: it enforces unless told otherwise.
    dryRun:
      typeof input.dryRun === 'boolean'
        ? input.dryRun
        : found.source === 'security-hub-custom-action'
          ? false
          : (request.defaultDryRun ?? false),
    stopInstance: typeof input.stopInstance === 'boolean' ? input.stopInstance : (request.defaultStopInstance ?? false),
    target: found.target,
  };
  const parsed = IncidentSchema.safeParse(candidate);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new IncidentInputError(`Cannot start ${request.playbook} from this input: ${detail}`, {
      cause: parsed.error,
    });
  }
  if (parsed.data.target.type !== TARGET_OF[request.playbook]) {
    throw new IncidentInputError(`The ${request.playbook} playbook acts on ${TARGET_OF[request.playbook]} targets`);
  }
  return parsed.data;
}
