import { describe, expect, it } from 'vitest';
import { normalizePermission, publicGroup } from '../../../../src/controls/s3/bucket-configuration.js';

describe('S3 ACL helpers', () => {
  it('publicGroup reads every recorded form of the public groups', () => {
    expect(publicGroup('AllUsers')).toBe('AllUsers');
    expect(publicGroup('authenticatedusers')).toBe('AuthenticatedUsers');
    expect(publicGroup({ groupName: 'AllUsers' })).toBe('AllUsers');
    expect(publicGroup({ uri: 'http://acs.amazonaws.com/groups/global/AllUsers' })).toBe('AllUsers');
    expect(publicGroup({ uri: 'https://acs.amazonaws.com/groups/global/AuthenticatedUsers' })).toBe(
      'AuthenticatedUsers',
    );
    expect(publicGroup({ groupName: '', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' })).toBe('AllUsers');
  });

  it('publicGroup: anything else is no public group, names of Object properties included', () => {
    for (const grantee of [
      undefined,
      null,
      'LogDelivery',
      { uri: 'http://acs.amazonaws.com/groups/s3/LogDelivery' },
      { id: 'a1b2', displayName: 'owner' },
      'constructor',
      { uri: 'toString' },
      { groupName: '__proto__' },
      { uri: 'https:constructor' },
    ]) {
      expect(publicGroup(grantee), JSON.stringify(grantee)).toBeUndefined();
    }
  });

  it('normalizePermission spells permissions as AWS Config does, whatever the casing; others are kept', () => {
    expect(normalizePermission('FULL_CONTROL')).toBe('FullControl');
    expect(normalizePermission('read')).toBe('Read');
    expect(normalizePermission('Write')).toBe('Write');
    expect(normalizePermission('READ_ACP')).toBe('ReadAcp');
    expect(normalizePermission('write acp')).toBe('WriteAcp');
    expect(normalizePermission('Delete')).toBe('Delete');
    expect(normalizePermission('constructor')).toBe('constructor');
  });
});
