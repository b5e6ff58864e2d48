import { describe, expect, it } from 'vitest';
import { CIS_REQUIREMENTS, CONFORMANCE_PACK_RULES } from '../../../src/index.js';
import { sharedFile } from '../wellarchitected/shared-reference.js';

describe('framework lists', () => {
  it('CIS v3.0.0: the 62 requirements of shared/reference/securityhub-controls.md, in order', () => {
    const ids = sharedFile('reference/securityhub-controls.md')
      .split(/\r?\n/)
      .map((l) => /^\| (\d+(?:\.\d+)+) \| .* \| (?:Manual|Automated) \|/.exec(l.trim())?.[1])
      .filter((id): id is string => id !== undefined);
    expect(ids).toHaveLength(62);
    expect(CIS_REQUIREMENTS.map((r) => r.id)).toEqual(ids);
    expect(CIS_REQUIREMENTS.find((r) => r.id === '2.1.4')?.securityHub).toEqual(['S3.1', 'S3.8']);
  });

  it('conformance pack: the 127 rules of shared/reference/wa-security-pillar-conformance-pack-rules.md', () => {
    const names = sharedFile('reference/wa-security-pillar-conformance-pack-rules.md')
      .split(/\r?\n/)
      .map((l) => /^\|\s*[A-Z0-9_]+\s*\|\s*([a-z0-9-]+)(?:\s*★)?\s*\|$/.exec(l.trim())?.[1])
      .filter((n): n is string => n !== undefined);
    expect(names).toHaveLength(127);
    expect(CONFORMANCE_PACK_RULES.map((r) => r.name)).toEqual(names);
    expect(CONFORMANCE_PACK_RULES.find((r) => r.identifier === 'INCOMING_SSH_DISABLED')?.name).toBe('restricted-ssh');
  });
});
