import type { Evaluation as ConfigEvaluation, ConfigServiceClient } from '@aws-sdk/client-config-service';
import type { ScanOptions } from '@rampart/collectors';
import { type Control, ControlParameterError, type Evaluation } from '@rampart/core';
import { evaluateChange } from './change.js';
import type { ClientMiddleware, ClientOptions } from './clients.js';
import { type EvaluationsApi, httpEvaluationsApi } from './config-http.js';
import { loadControl } from './control-source.js';
import { environmentCredentials, readEnv } from './env.js';
import { EvaluationGapError, errorCode, errorMessage, RuleConfigurationError, TimeBudgetError } from './errors.js';
import { putEvaluations, SENDABLE, toConfigEvaluation } from './evaluations.js';
import { type ParsedEvent, parseEvent } from './event.js';
import { Budget, type LambdaContext } from './lambda.js';
import { logger } from './logger.js';
import { assumeRole } from './roles.js';

export type { LambdaContext } from './lambda.js';

export interface HandlerOptions {
  /** Added to every AWS SDK client (tests adapt an emulator's responses with it). */
  middleware?: readonly ClientMiddleware[];
  /** The environment; default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Base delay of the throttling backoff for PutEvaluations. */
  retryBaseMs?: number;
  /** Overrides for the collectors on the periodic path (tests pass their own readers). */
  collectorOptions?: Partial<ScanOptions>;
  /**
   * How PutEvaluations goes out: `auto` (default) signs the request itself where the settings allow
   * (config-http.ts) and uses the SDK client elsewhere; `sdk` always uses the SDK client (tests that
   * mock it).
   */
  transport?: 'auto' | 'sdk';
}

/**
 * AWS Config for one set of settings: PutEvaluations (signed requests, or the SDK) and the SDK
 * client, whose code loads only when something needs it.
 */
class ConfigConnection {
  #sdk: ConfigServiceClient | undefined;
  #api: EvaluationsApi | undefined;

  constructor(
    readonly options: ClientOptions,
    readonly transport: 'auto' | 'sdk',
  ) {}

  async sdk(): Promise<ConfigServiceClient> {
    if (this.#sdk === undefined) {
      const { configClient } = await import('./config-client.js');
      this.#sdk = configClient(this.options);
    }
    return this.#sdk;
  }

  async api(): Promise<EvaluationsApi> {
    if (this.#api === undefined) {
      const http = this.transport === 'auto' ? httpEvaluationsApi(this.options) : undefined;
      if (http !== undefined) this.#api = http;
      else {
        const { sdkEvaluationsApi } = await import('./config-client.js');
        this.#api = sdkEvaluationsApi(await this.sdk());
      }
    }
    return this.#api;
  }

  destroy(): void {
    this.#sdk?.destroy();
  }
}

export interface HandlerResult {
  messageType: string;
  controlId: string;
  /** Evaluations AWS Config accepted. */
  sent: number;
  /** PutEvaluations calls made. */
  calls: number;
  /** INSUFFICIENT_DATA and ERROR verdicts (logged, not sent). */
  gaps: number;
  /** Stale resources marked NOT_APPLICABLE (periodic rules). */
  stale: number;
}

const MAX_LOGGED_GAPS = 50;

/** The role to run as: `ExecutionRoleName` in the evaluated account, or the event's role when the rule lives in another account. */
function roleToAssume(parsed: ParsedEvent, context: LambdaContext): string | undefined {
  const { event, executionRoleName } = parsed;
  if (executionRoleName !== undefined) {
    const prefix = event.executionRoleArn?.split('/')[0];
    const partition = (event.configRuleArn ?? context.invokedFunctionArn ?? '').split(':')[1] || 'aws';
    return prefix?.startsWith('arn:') && prefix.includes(`::${event.accountId}:`)
      ? `${prefix}/${executionRoleName}`
      : `arn:${partition}:iam::${event.accountId}:role/${executionRoleName}`;
  }
  const ownAccount = context.invokedFunctionArn?.split(':')[4];
  if (ownAccount !== undefined && ownAccount !== '' && ownAccount !== event.accountId) {
    if (event.executionRoleArn === undefined || event.executionRoleArn === '') {
      throw new RuleConfigurationError(
        `Rule ${event.configRuleName} of account ${event.accountId} invoked a function of account ${ownAccount} without an executionRoleArn: set ExecutionRoleName in its InputParameters`,
      );
    }
    return event.executionRoleArn;
  }
  return undefined;
}

async function lookUp(parsed: ParsedEvent): Promise<Control<unknown>> {
  const control = await loadControl(parsed.controlId);
  if (control === undefined) {
    throw new RuleConfigurationError(
      `Rule ${parsed.event.configRuleName} names control "${parsed.controlId}", which is not in Rampart's catalog`,
    );
  }
  try {
    control.parseParameters(parsed.controlParameters);
  } catch (error) {
    if (error instanceof ControlParameterError) {
      throw new RuleConfigurationError(`Rule ${parsed.event.configRuleName}: ${error.message}`, { cause: error });
    }
    throw error;
  }
  return control;
}

/** Builds a handler; `handler` below is the one Lambda runs. */
export function createHandler(options: HandlerOptions = {}) {
  // Reused across warm invocations while the settings stay the same (keeps the TLS connection).
  let shared: { key: string; connection: ConfigConnection } | undefined;
  const transport = options.transport ?? 'auto';

  return async function handler(rawEvent: unknown, context: LambdaContext): Promise<HandlerResult> {
    logger.resetKeys();
    try {
      logger.addContext(context);
    } catch {
      // A partial context (local runs) only loses the context keys.
    }
    try {
      const env = readEnv(options.env);
      const budget = new Budget(context, env.RAMPART_DEADLINE_RESERVE_MS);
      const parsed = parseEvent(rawEvent);
      const { event, invoking } = parsed;
      logger.appendKeys({
        configRuleName: event.configRuleName,
        controlId: parsed.controlId,
        accountId: event.accountId,
        messageType: invoking.messageType,
      });
      const control = await lookUp(parsed);

      const clientOptions: ClientOptions = {
        region: env.AWS_REGION,
        endpointUrl: env.AWS_ENDPOINT_URL,
        configEndpointUrl: env.AWS_ENDPOINT_URL_CONFIG_SERVICE,
        credentials: environmentCredentials(options.env),
        middleware: options.middleware,
        useFipsEndpoint: env.AWS_USE_FIPS_ENDPOINT === 'true',
        useDualstackEndpoint: env.AWS_USE_DUALSTACK_ENDPOINT === 'true',
        userAgentAppId: env.AWS_SDK_UA_APP_ID,
        disableClockSkewCorrection: env.AWS_DISABLE_CLOCK_SKEW_CORRECTION === 'true',
      };
      const role = roleToAssume(parsed, context);
      let config: ConfigConnection;
      if (role !== undefined) {
        clientOptions.credentials = await assumeRole(clientOptions, role, env.RAMPART_ROLE_SESSION_NAME);
        logger.info('Assumed the execution role', { roleArn: role });
        config = new ConfigConnection(clientOptions, transport);
      } else {
        const key = `${clientOptions.region}|${clientOptions.endpointUrl ?? ''}|${clientOptions.credentials?.accessKeyId ?? ''}`;
        if (shared?.key !== key) {
          shared?.connection.destroy();
          shared = { key, connection: new ConfigConnection(clientOptions, transport) };
        }
        config = shared.connection;
      }

      let evaluations: Evaluation[];
      let orderingTimestamp: Date;
      let stale: ConfigEvaluation[] = [];
      const left: string[] = [];
      if (invoking.messageType === 'ScheduledNotification') {
        const periodic = await import('./periodic.js');
        // The periodic module has its own SDK (the bundle keeps it out of the change path), so it
        // reads through its own client with the same settings; evaluations go out through `config`.
        const reader = periodic.configClient(clientOptions);
        try {
          orderingTimestamp = new Date(invoking.notificationCreationTime);
          const result = await periodic.runPeriodic({
            control,
            controlParameters: parsed.controlParameters,
            accountId: event.accountId,
            region: env.AWS_REGION,
            now: orderingTimestamp,
            config: reader,
            clientOptions,
            budget,
            logger,
            collectorOptions: options.collectorOptions,
          });
          evaluations = result.evaluations;
          left.push(...result.left);
          if (event.resultToken === 'TESTMODE') {
            logger.info('TestMode: stored evaluations are not cleaned up');
          } else if (!result.complete) {
            logger.warn('Stale-evaluation cleanup skipped: not every resource could be read');
          } else {
            const current = new Set(evaluations.map((e) => periodic.resourceKey(e.resourceType, e.resourceId)));
            const cleanup = await periodic.staleEvaluations({
              config: reader,
              configRuleName: event.configRuleName,
              current,
              orderingTimestamp,
              budget,
            });
            stale = cleanup.stale;
            if (!cleanup.complete) left.push('stale-evaluation cleanup');
          }
        } finally {
          reader.destroy();
        }
      } else {
        const summary =
          invoking.messageType === 'ConfigurationItemChangeNotification'
            ? invoking.configurationItem
            : invoking.configurationItemSummary;
        logger.appendKeys({ resourceType: summary.resourceType, resourceId: summary.resourceId });
        const result = await evaluateChange({
          event,
          invoking,
          control,
          controlParameters: parsed.controlParameters,
          config: () => config.sdk(),
        });
        evaluations = result.evaluations;
        orderingTimestamp = result.orderingTimestamp;
      }

      const sendable: ConfigEvaluation[] = [];
      const gaps: Evaluation[] = [];
      for (const e of evaluations) {
        if (SENDABLE.has(e.compliance)) sendable.push(toConfigEvaluation(e, orderingTimestamp));
        else gaps.push(e);
      }
      for (const g of gaps.slice(0, MAX_LOGGED_GAPS)) {
        logger.error('Verdict AWS Config cannot record', {
          resourceType: g.resourceType,
          resourceId: g.resourceId,
          compliance: g.compliance,
          annotation: g.annotation,
        });
      }
      const toSend = [...sendable, ...stale];
      const sent = await putEvaluations(toSend, {
        api: await config.api(),
        resultToken: event.resultToken,
        budget,
        retryBaseMs: options.retryBaseMs,
      });
      if (role !== undefined) config.destroy();
      const counts: Record<string, number> = {};
      for (const e of evaluations) counts[e.compliance] = (counts[e.compliance] ?? 0) + 1;
      logger.info('Evaluations sent', {
        sent: sent.sent,
        calls: sent.calls,
        stale: stale.length,
        verdicts: counts,
        testMode: event.resultToken === 'TESTMODE',
      });
      if (sent.left.length > 0 || left.length > 0) {
        logger.error('Stopped before the Lambda deadline', {
          remainingMs: budget.remainingMs(),
          notSent: sent.left.length,
          notSentResources: sent.left.slice(0, 20).map((e) => `${e.ComplianceResourceType} ${e.ComplianceResourceId}`),
          notRead: left,
        });
        throw new TimeBudgetError(
          `Stopped before the Lambda deadline: ${sent.left.length} evaluation(s) not sent${left.length > 0 ? `, not read: ${left.join(', ')}` : ''}`,
        );
      }
      if (gaps.length > 0) {
        throw new EvaluationGapError(
          `${gaps.length} verdict(s) of control ${control.id} are INSUFFICIENT_DATA or ERROR; AWS Config cannot record them (see the log)`,
        );
      }
      return {
        messageType: invoking.messageType,
        controlId: control.id,
        sent: sent.sent,
        calls: sent.calls,
        gaps: gaps.length,
        stale: stale.length,
      };
    } catch (error) {
      logger.error('Invocation failed', {
        errorName: error instanceof Error ? error.name : 'Error',
        code: errorCode(error),
        errorMessage: errorMessage(error),
      });
      throw error;
    }
  };
}

/** The Lambda entry point (`dist/handler.mjs`, export `handler`). */
export const handler = createHandler();
