import { describe, expect, it } from 'vitest';
import { SUPPRESS_TAG_PREFIX, suppressionReason } from '../../src/index.js';

describe('suppressions', () => {
  it('reads the reason from the rampart:suppress:<control-id> tag', () => {
    const tags = { [`${SUPPRESS_TAG_PREFIX}s3-bucket-logging-enabled`]: 'Log target: logging into itself loops' };
    expect(suppressionReason(tags, 's3-bucket-logging-enabled')).toBe('Log target: logging into itself loops');
  });

  it('ignores other controls, missing tags and suppressions without a reason', () => {
    const tags = { [`${SUPPRESS_TAG_PREFIX}s3-bucket-logging-enabled`]: '   ' };
    expect(suppressionReason(tags, 's3-bucket-logging-enabled')).toBeUndefined();
    expect(suppressionReason(tags, 'restricted-ssh')).toBeUndefined();
    expect(suppressionReason(undefined, 'restricted-ssh')).toBeUndefined();
    expect(suppressionReason('not tags', 'restricted-ssh')).toBeUndefined();
  });
});
