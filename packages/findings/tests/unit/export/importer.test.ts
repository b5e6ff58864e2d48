import {
  BatchImportFindingsCommand,
  type BatchImportFindingsCommandInput,
  InternalException,
  InvalidAccessException,
  InvalidInputException,
  LimitExceededException,
  SecurityHubClient,
  ThrottlingException,
} from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { importFindings, TokenBucket } from '../../../src/index.js';
import { fakeClock, sizedFinding } from '../../support/fixtures.js';

const hub = mockClient(SecurityHubClient);
const client = new SecurityHubClient({ region: 'eu-west-1' });
const findings = (n: number) =>
  Array.from({ length: n }, (_, i) => sizedFinding(`f-${String(i).padStart(4, '0')}`, 500));
const ok = (input: BatchImportFindingsCommandInput) => ({
  FailedCount: 0,
  SuccessCount: input.Findings!.length,
  FailedFindings: [],
});
const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode }, message: 'boom' });

function setup() {
  const clock = fakeClock();
  return { clock, options: { bucket: new TokenBucket(10, 30, clock), clock, random: () => 0.5 } };
}

/** Every finding ends in exactly one place: accepted or failed. */
function expectAccounted(result: Awaited<ReturnType<typeof importFindings>>, n: number) {
  const failed = result.failures.map((f) => f.id);
  expect(new Set([...result.accepted, ...failed]).size).toBe(n);
  expect(result.accepted.size + failed.length).toBe(n);
}

describe('importFindings', () => {
  beforeEach(() => hub.reset());

  it('sends batches of 100 and accepts them all', async () => {
    hub.on(BatchImportFindingsCommand).callsFake(ok);
    const { options } = setup();
    const result = await importFindings(client, findings(250), options);
    expect(result.accepted.size).toBe(250);
    expect(result.failures).toEqual([]);
    expect(hub.commandCalls(BatchImportFindingsCommand).map((c) => c.args[0].input.Findings!.length)).toEqual([
      100, 100, 50,
    ]);
  });

  it('retries a throttled request (ThrottlingException) and loses nothing', async () => {
    hub
      .on(BatchImportFindingsCommand)
      .rejectsOnce(new ThrottlingException(meta(400)))
      .callsFake(ok);
    const { options, clock } = setup();
    const result = await importFindings(client, findings(150), options);
    expect(result.accepted.size).toBe(150);
    expect(result.retried).toBe(1);
    expect(clock.sleeps.length).toBeGreaterThan(0);
    expectAccounted(result, 150);
  });

  it('retries HTTP 429 (LimitExceededException) and 5xx (InternalException)', async () => {
    hub
      .on(BatchImportFindingsCommand)
      .rejectsOnce(new LimitExceededException(meta(429)))
      .rejectsOnce(new InternalException(meta(500)))
      .rejectsOnce(Object.assign(new Error('Service Unavailable'), { name: 'ServiceUnavailable', ...meta(503) }))
      .callsFake(ok);
    const { options } = setup();
    const result = await importFindings(client, findings(300), options);
    expect(result.accepted.size).toBe(300);
    expect(result.failures).toEqual([]);
  });

  it('retries the retryable FailedFindings entries only, and names the others by Id and code', async () => {
    let call = 0;
    hub.on(BatchImportFindingsCommand).callsFake((input: BatchImportFindingsCommandInput) => {
      call++;
      const sent = input.Findings!.map((f) => f.Id!);
      if (call === 1) {
        return {
          FailedCount: 3,
          SuccessCount: sent.length - 3,
          FailedFindings: [
            { Id: sent[0], ErrorCode: 'InternalException', ErrorMessage: 'try again' },
            { Id: sent[1], ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' },
            { Id: sent[2], ErrorCode: 'InvalidInput', ErrorMessage: 'Finding does not adhere to ASFF' },
          ],
        };
      }
      return ok(input);
    });
    const { options } = setup();
    const result = await importFindings(client, findings(100), options);
    expect(result.failures).toEqual([
      { id: 'f-0002', code: 'InvalidInput', message: 'Finding does not adhere to ASFF' },
    ]);
    expect(result.accepted.size).toBe(99);
    const second = hub.commandCalls(BatchImportFindingsCommand)[1]!.args[0].input.Findings!.map((f) => f.Id);
    expect(second).toEqual(['f-0000', 'f-0001']);
    expectAccounted(result, 100);
  });

  it('gives up on persistent throttling after the retry rounds, naming every finding with the last code', async () => {
    hub.on(BatchImportFindingsCommand).rejects(new ThrottlingException(meta(400)));
    const { options } = setup();
    const result = await importFindings(client, findings(120), { ...options, maxRounds: 3 });
    expect(result.accepted.size).toBe(0);
    expect(result.failures).toHaveLength(120);
    for (const f of result.failures) expect(f.code).toBe('ThrottlingException');
    expect(hub.commandCalls(BatchImportFindingsCommand)).toHaveLength(8); // 2 batches x 4 attempts
    expectAccounted(result, 120);
  });

  it('fails a whole batch on a non-retryable error, naming each finding', async () => {
    hub.on(BatchImportFindingsCommand).rejects(new InvalidAccessException(meta(401)));
    const { options } = setup();
    const result = await importFindings(client, findings(5), options);
    expect(result.failures.map((f) => [f.id, f.code])).toEqual(
      ['f-0000', 'f-0001', 'f-0002', 'f-0003', 'f-0004'].map((id) => [id, 'InvalidAccessException']),
    );
  });

  it('halves a batch rejected as invalid input until the bad finding stands alone', async () => {
    hub.on(BatchImportFindingsCommand).callsFake((input: BatchImportFindingsCommandInput) => {
      if (input.Findings!.some((f) => f.Id === 'f-0037')) throw new InvalidInputException(meta(400));
      return ok(input);
    });
    const { options } = setup();
    const result = await importFindings(client, findings(100), options);
    expect(result.failures.map((f) => [f.id, f.code])).toEqual([['f-0037', 'InvalidInputException']]);
    expect(result.accepted.size).toBe(99);
  });

  it('re-sends findings a response counted as failed without naming them', async () => {
    let call = 0;
    hub.on(BatchImportFindingsCommand).callsFake((input: BatchImportFindingsCommandInput) => {
      call++;
      if (call === 1) return { FailedCount: 2, SuccessCount: input.Findings!.length - 2, FailedFindings: [] };
      return ok(input);
    });
    const { options } = setup();
    const result = await importFindings(client, findings(10), options);
    expect(result.accepted.size).toBe(10);
    expect(hub.commandCalls(BatchImportFindingsCommand)).toHaveLength(2);
  });

  it('stays within the rate limit: 40 requests take at least 1 s after a burst of 30', async () => {
    hub.on(BatchImportFindingsCommand).callsFake(ok);
    const { options, clock } = setup();
    await importFindings(client, findings(4000), options);
    expect(hub.commandCalls(BatchImportFindingsCommand)).toHaveLength(40);
    expect(clock.now()).toBe(1000);
  });
});
