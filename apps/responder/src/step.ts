import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { client } from './clients.js';
import { type Env, readEnv, required } from './env.js';
import { errorCode, errorMessage, isThrottling, ThrottledError } from './errors.js';
import { type Incident, IncidentSchema, type PlaybookName, type PlaybookState } from './incident.js';
import { logger } from './logger.js';

/** One IAM statement of a step's role, as data; resources use `{partition}`, `{region}`, `{account}`, `{logGroup}`,
 * `{evidenceBucket}` (bucket ARN), `{evidenceKey}` (KMS key ARN), `{topic}` and `{topicKey}`, filled in at deploy time. */
export interface ActionGrant {
  sid: string;
  actions: readonly `${string}:${string}`[];
  resources: readonly string[];
}

/** What a step did, or in a dry run would do, to one target. */
export interface Action {
  /** The API call, as its IAM action: `iam:UpdateAccessKey`. */
  action: string;
  target: string;
  /** done: performed; planned: a dry run would perform it; skipped: already in the wanted state. */
  status: 'done' | 'planned' | 'skipped';
  detail?: string;
}

/** A step's answer, kept by the state machine under `$.steps.<key>` and written to the timeline. */
export interface StepResult {
  step: string;
  /** completed: changed something; no-change: everything was already done; dry-run: only planned; not-applicable. */
  status: 'completed' | 'no-change' | 'dry-run' | 'not-applicable';
  startedAt: string;
  finishedAt: string;
  actions: Action[];
  /** Keys of the evidence objects written (or, in a dry run, that would be). */
  evidence: string[];
  /** Small facts for later steps and the timeline (never secrets, never large). */
  data?: Record<string, unknown>;
}

/** The parts of the Lambda context the steps use. */
export interface LambdaContext {
  awsRequestId: string;
  functionName: string;
  invokedFunctionArn: string;
  getRemainingTimeInMillis?(): number;
}

/** What a step's `run` gets: the incident, the environment, and the recorder of actions and evidence. */
export class StepContext {
  readonly actions: Action[] = [];
  readonly evidence: string[] = [];
  readonly data: Record<string, unknown> = {};
  #notApplicable = false;

  constructor(
    readonly step: string,
    readonly incident: Incident,
    readonly env: Env,
    readonly state: PlaybookState,
    readonly now: () => Date = () => new Date(),
  ) {}

  get dryRun(): boolean {
    return this.incident.dryRun;
  }

  /** Performs a change, or in a dry run records that it would. */
  async perform<T>(action: Omit<Action, 'status'>, change: () => Promise<T>): Promise<T | undefined> {
    if (this.dryRun) {
      this.actions.push({ ...action, status: 'planned' });
      return undefined;
    }
    const result = await change();
    this.actions.push({ ...action, status: 'done' });
    return result;
  }

  /** Records a change that is not needed because the target is already in the wanted state (idempotent re-runs). */
  skip(action: Omit<Action, 'status'>): void {
    this.actions.push({ ...action, status: 'skipped' });
  }

  /** The step does not apply to this target (for example a temporary key has nothing to deactivate). */
  notApplicable(action: Omit<Action, 'status'>): void {
    this.#notApplicable = true;
    this.skip(action);
  }

  /** The S3 key of an evidence object of this run. */
  evidenceKey(name: string): string {
    const { incidentId, runId } = this.incident;
    return `incidents/${incidentId}/${runId}/${this.step}/${name}`;
  }

  /**
   * Writes a JSON evidence object, SSE-KMS with the evidence key; the bucket's Object Lock default retention
   * protects it. In a dry run, records the write it would make.
   */
  async saveEvidence(name: string, body: unknown): Promise<string> {
    return this.saveEvidenceAt(this.evidenceKey(name), body);
  }

  /** {@link saveEvidence} at a key of the caller's choosing (the run's timeline). */
  async saveEvidenceAt(key: string, body: unknown): Promise<string> {
    const bucket = required(this.env, 'RAMPART_EVIDENCE_BUCKET');
    const kmsKey = required(this.env, 'RAMPART_EVIDENCE_KMS_KEY_ARN');
    await this.perform({ action: 's3:PutObject', target: `s3://${bucket}/${key}`, detail: 'evidence' }, () =>
      putEvidence(this.env, bucket, kmsKey, key, body, this.incident),
    );
    this.evidence.push(key);
    return key;
  }

  result(startedAt: Date): StepResult {
    const changed = this.actions.some((a) => a.status === 'done' && a.detail !== 'evidence');
    const planned = this.actions.some((a) => a.status === 'planned');
    const status: StepResult['status'] = this.#notApplicable
      ? 'not-applicable'
      : this.dryRun && planned
        ? 'dry-run'
        : changed
          ? 'completed'
          : 'no-change';
    return {
      step: this.step,
      status,
      startedAt: startedAt.toISOString(),
      finishedAt: this.now().toISOString(),
      actions: this.actions,
      evidence: this.evidence,
      ...(Object.keys(this.data).length > 0 ? { data: this.data } : {}),
    };
  }
}

export async function putEvidence(
  env: Env,
  bucket: string,
  kmsKey: string,
  key: string,
  body: unknown,
  incident: Incident,
): Promise<void> {
  await client(env, S3Client, 's3').send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: typeof body === 'string' ? body : `${JSON.stringify(body, null, 2)}\n`,
      ContentType: 'application/json',
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: kmsKey,
      BucketKeyEnabled: true,
      // Object Lock needs an integrity checksum on every write.
      ChecksumAlgorithm: 'SHA256',
      Tagging: `rampart:incident=${encodeURIComponent(incident.incidentId)}&rampart:playbook=${incident.playbook}`,
    }),
  );
}

/** A playbook step: its id, which playbooks use it, its IAM statements, and what it does. */
export interface Step {
  /** kebab-case, = file name = the Lambda function's name suffix. */
  id: string;
  /** The key of its result in the state (`$.steps.<key>`): camelCase of the id. */
  key: string;
  description: string;
  playbooks: readonly PlaybookName[];
  /** Least-privilege statements of this step's own role (logs are added by the deployer). */
  permissions: readonly ActionGrant[];
  run(ctx: StepContext): Promise<void>;
}

export function camelCase(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function defineStep(step: Omit<Step, 'key'>): Step {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(step.id)) throw new Error(`step id ${step.id} is not kebab-case`);
  return { ...step, key: camelCase(step.id) };
}

/** The evidence bucket statements every step that saves evidence needs. */
export const EVIDENCE_PERMISSIONS: readonly ActionGrant[] = [
  // Object tags mark each evidence object with its incident and playbook.
  {
    sid: 'WriteEvidence',
    actions: ['s3:PutObject', 's3:PutObjectTagging'],
    resources: ['{evidenceBucket}/incidents/*'],
  },
  { sid: 'EncryptEvidence', actions: ['kms:GenerateDataKey'], resources: ['{evidenceKey}'] },
];

/** Wraps the step as a Lambda handler: validates the state, runs, logs, turns throttling into ThrottledError. */
export function lambdaHandler(step: Step, now: () => Date = () => new Date()) {
  return async (event: PlaybookState, context?: LambdaContext): Promise<StepResult> => {
    const env = readEnv();
    const incident = IncidentSchema.parse(event?.incident);
    logger.appendKeys({
      step: step.id,
      playbook: incident.playbook,
      incidentId: incident.incidentId,
      runId: incident.runId,
      dryRun: incident.dryRun,
      ...(context?.awsRequestId ? { requestId: context.awsRequestId } : {}),
    });
    const startedAt = now();
    const ctx = new StepContext(step.id, incident, env, event, now);
    try {
      await step.run(ctx);
    } catch (error) {
      logger.error('step failed', { error: errorMessage(error), code: errorCode(error), actions: ctx.actions });
      if (isThrottling(error)) {
        throw new ThrottledError(`${step.id}: AWS throttled ${errorCode(error)}: ${errorMessage(error)}`, {
          cause: error,
        });
      }
      throw error;
    }
    const result = ctx.result(startedAt);
    logger.info('step finished', { status: result.status, actions: result.actions });
    return result;
  };
}
