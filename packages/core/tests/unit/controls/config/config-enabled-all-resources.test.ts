import { describe, expect, it } from 'vitest';
import { configEnabledAllResources as control } from '../../../../src/controls/config/config-enabled-all-resources.js';
import { ConfigRecordersFact } from '../../../../src/index.js';
import { accountVerdict, factFixture, factItem, type Json } from '../../../helpers.js';

const recorders = () => factFixture('config-recorders');
const facts = (value: Json) => [factItem(ConfigRecordersFact, value)];
/** The fixture with its one recorder changed. */
function withRecorder(change: (r: Json) => void): Json[] {
  const value = recorders();
  change(value.recorders[0]);
  return facts(value);
}

describe('config-enabled-all-resources', () => {
  it('compliant: a recording recorder of all supported types with the service-linked role', () => {
    const v = accountVerdict(control, facts(recorders()));
    expect(v).toMatchObject({ compliance: 'COMPLIANT', resourceType: 'AWS::::Account', region: 'eu-west-1' });
    expect(v.annotation).toBe('AWS Config recorder default records all supported resource types in eu-west-1.');
  });

  it('compliant: the ALL_SUPPORTED_RESOURCE_TYPES strategy without allSupported', () => {
    const f = withRecorder((r) => {
      r.recordingGroup.allSupported = false;
    });
    expect(accountVerdict(control, f).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no recorder (service-linked recorders of other services do not count)', () => {
    const value = recorders();
    value.recorders[0].servicePrincipal = 'securityhub.amazonaws.com';
    const v = accountVerdict(control, facts(value));
    expect(v.annotation).toBe('AWS Config has no configuration recorder in account 123456789012 in eu-west-1.');
    expect(accountVerdict(control, facts({ recorders: [] })).compliance).toBe('NON_COMPLIANT');
  });

  it('non-compliant: the recorder is stopped', () => {
    const v = accountVerdict(
      control,
      withRecorder((r) => {
        r.status.recording = false;
      }),
    );
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      'AWS Config in eu-west-1 does not record all resources: recorder default is not recording.',
    );
  });

  it('non-compliant: the last recording failed', () => {
    const f = withRecorder((r) => {
      r.status.lastStatus = 'Failure';
      r.status.lastErrorCode = 'AccessDenied';
    });
    expect(accountVerdict(control, f).annotation).toContain('default last failed with AccessDenied');
  });

  it('non-compliant: selected resource types only', () => {
    const f = withRecorder((r) => {
      r.recordingGroup = {
        allSupported: false,
        includeGlobalResourceTypes: false,
        resourceTypes: ['AWS::S3::Bucket', 'AWS::EC2::SecurityGroup'],
        recordingStrategy: { useOnly: 'INCLUSION_BY_RESOURCE_TYPES' },
      };
    });
    expect(accountVerdict(control, f).annotation).toContain('records only 2 selected resource types');
  });

  it('non-compliant: resource types excluded', () => {
    const f = withRecorder((r) => {
      r.recordingGroup = {
        allSupported: false,
        includeGlobalResourceTypes: false,
        exclusionByResourceTypes: { resourceTypes: ['AWS::EC2::NetworkInterface'] },
        recordingStrategy: { useOnly: 'EXCLUSION_BY_RESOURCE_TYPES' },
      };
    });
    expect(accountVerdict(control, f).annotation).toContain('excludes AWS::EC2::NetworkInterface');
  });

  it('non-compliant: a custom role instead of the service-linked role', () => {
    const f = withRecorder((r) => {
      r.roleArn = 'arn:aws:iam::123456789012:role/aws-controltower-ConfigRecorderRole';
    });
    expect(accountVerdict(control, f).annotation).toContain(
      'uses role arn:aws:iam::123456789012:role/aws-controltower-ConfigRecorderRole instead of the AWS Config service-linked role',
    );
  });

  it('parameters: includeConfigServiceLinkedRoleCheck=false accepts a custom role; globalResourceTypesRegion', () => {
    const f = withRecorder((r) => {
      r.roleArn = 'arn:aws:iam::123456789012:role/aws-controltower-ConfigRecorderRole';
      r.recordingGroup.includeGlobalResourceTypes = false;
    });
    expect(accountVerdict(control, f, { params: { includeConfigServiceLinkedRoleCheck: 'false' } }).compliance).toBe(
      'COMPLIANT',
    );
    const v = accountVerdict(control, f, {
      params: { includeConfigServiceLinkedRoleCheck: false, globalResourceTypesRegion: 'eu-west-1' },
    });
    expect(v.annotation).toContain('default does not record global resource types');
    expect(
      accountVerdict(control, f, {
        params: { includeConfigServiceLinkedRoleCheck: false, globalResourceTypesRegion: 'us-east-1' },
      }).compliance,
    ).toBe('COMPLIANT');
  });

  it('insufficient data: no recorders fact', () => {
    expect(accountVerdict(control, []).compliance).toBe('INSUFFICIENT_DATA');
  });
});
