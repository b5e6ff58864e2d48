import { describe, expect, it } from 'vitest';
import { EnvironmentError, readEnv } from '../../src/env.js';

const BASE = { AWS_REGION: 'eu-west-1' };

function failure(source: Record<string, string | undefined>): EnvironmentError {
  try {
    readEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvironmentError);
    return error as EnvironmentError;
  }
  throw new Error('readEnv accepted the environment');
}

describe('readEnv', () => {
  it('applies the defaults and leaves unset variables out', () => {
    expect(readEnv(BASE)).toEqual({
      AWS_REGION: 'eu-west-1',
      RAMPART_DEADLINE_RESERVE_MS: 5_000,
      RAMPART_ROLE_SESSION_NAME: 'rampart-config-rules',
    });
  });

  it('reads every setting it knows and ignores the rest of the environment', () => {
    const env = readEnv({
      AWS_REGION: 'us-gov-west-1',
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_SESSION_TOKEN: 'token',
      AWS_USE_FIPS_ENDPOINT: 'true',
      AWS_USE_DUALSTACK_ENDPOINT: 'false',
      AWS_ENDPOINT_URL: ' http://127.0.0.1:4566 ',
      AWS_ENDPOINT_URL_CONFIG_SERVICE: 'https://config.vpce.example',
      AWS_SDK_UA_APP_ID: 'rampart',
      AWS_DISABLE_CLOCK_SKEW_CORRECTION: 'true',
      RAMPART_DEADLINE_RESERVE_MS: '0',
      RAMPART_ROLE_SESSION_NAME: 'audit@example.com',
      PATH: '/usr/bin',
    });
    expect(env).toEqual({
      AWS_REGION: 'us-gov-west-1',
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_SESSION_TOKEN: 'token',
      AWS_USE_FIPS_ENDPOINT: 'true',
      AWS_USE_DUALSTACK_ENDPOINT: 'false',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:4566',
      AWS_ENDPOINT_URL_CONFIG_SERVICE: 'https://config.vpce.example',
      AWS_SDK_UA_APP_ID: 'rampart',
      AWS_DISABLE_CLOCK_SKEW_CORRECTION: 'true',
      RAMPART_DEADLINE_RESERVE_MS: 0,
      RAMPART_ROLE_SESSION_NAME: 'audit@example.com',
    });
  });

  it('requires an AWS region name', () => {
    expect(failure({}).message).toBe('Invalid environment: AWS_REGION: must be set');
    expect(failure({ AWS_REGION: 'Ireland' }).message).toBe(
      'Invalid environment: AWS_REGION: must be an AWS region name',
    );
  });

  it('names every bad variable at once, without echoing values (they may be credentials)', () => {
    const error = failure({
      AWS_REGION: 'eu-west-1',
      AWS_SECRET_ACCESS_KEY: '',
      AWS_USE_FIPS_ENDPOINT: 'yes',
      AWS_ENDPOINT_URL: '127.0.0.1 secret-token',
      AWS_ENDPOINT_URL_CONFIG_SERVICE: 'config',
      RAMPART_DEADLINE_RESERVE_MS: '1.5',
      RAMPART_ROLE_SESSION_NAME: 'x',
    });
    expect(error.message).toBe(
      'Invalid environment: AWS_SECRET_ACCESS_KEY: must not be empty; AWS_USE_FIPS_ENDPOINT: must be "true" or "false"; ' +
        'AWS_ENDPOINT_URL: must be an absolute URL; AWS_ENDPOINT_URL_CONFIG_SERVICE: must be an absolute URL; ' +
        'RAMPART_DEADLINE_RESERVE_MS: must be a whole number of milliseconds, 0 or more; ' +
        'RAMPART_ROLE_SESSION_NAME: must be 2-64 characters of letters, digits and +=,.@_-',
    );
    expect(error.message).not.toContain('secret-token');
  });

  it('rejects a negative or non-numeric reserve, and reads an empty one as 0 (as Number does)', () => {
    expect(failure({ ...BASE, RAMPART_DEADLINE_RESERVE_MS: '-1' }).message).toContain('RAMPART_DEADLINE_RESERVE_MS');
    expect(failure({ ...BASE, RAMPART_DEADLINE_RESERVE_MS: 'soon' }).message).toContain('RAMPART_DEADLINE_RESERVE_MS');
    expect(readEnv({ ...BASE, RAMPART_DEADLINE_RESERVE_MS: '' }).RAMPART_DEADLINE_RESERVE_MS).toBe(0);
    expect(readEnv({ ...BASE, RAMPART_DEADLINE_RESERVE_MS: '2500' }).RAMPART_DEADLINE_RESERVE_MS).toBe(2500);
  });
});
