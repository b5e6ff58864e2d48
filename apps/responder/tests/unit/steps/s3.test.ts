import {
  DeleteBucketPolicyCommand,
  GetBucketAclCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetPublicAccessBlockCommand,
  PutBucketAclCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ResourceNotFoundError, ThrottledError } from '../../../src/index.js';
import { handler as block } from '../../../src/steps/s3/block-public-access.js';
import { splitPublicStatements } from '../../../src/steps/s3/bucket.js';
import { handler as removePublic } from '../../../src/steps/s3/remove-public-statements.js';
import { handler as saveEvidence } from '../../../src/steps/s3/save-bucket-access-evidence.js';
import { awsError, changes, incident, lambdaContext, state, throttled } from '../../fixtures/incidents.js';

const s3 = mockClient(S3Client);
const ctx = lambdaContext();
const BUCKET = 'exposed-bucket';
const OWNER = { ID: 'owner-canonical-id', DisplayName: 'owner' };
const ALL_USERS = { Type: 'Group' as const, URI: 'http://acs.amazonaws.com/groups/global/AllUsers' };

const PUBLIC_READ = {
  Sid: 'PublicRead',
  Effect: 'Allow',
  Principal: '*',
  Action: 's3:GetObject',
  Resource: `arn:aws:s3:::${BUCKET}/*`,
};
const VPCE_ONLY = {
  Sid: 'FromEndpoint',
  Effect: 'Allow',
  Principal: '*',
  Action: 's3:GetObject',
  Resource: `arn:aws:s3:::${BUCKET}/*`,
  Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } },
};
const DENY_HTTP = {
  Sid: 'DenyHttp',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
};

function policy(...statements: unknown[]) {
  return { Policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }) };
}

beforeEach(() => {
  s3.reset();
  s3.on(PutObjectCommand).resolves({});
});

describe('block-public-access', () => {
  it('turns on all four settings', async () => {
    s3.on(GetPublicAccessBlockCommand).rejects(awsError('NoSuchPublicAccessBlockConfiguration'));
    s3.on(PutPublicAccessBlockCommand).resolves({});
    const result = await block(state(incident('public-s3-exposure')), ctx);
    expect(result.status).toBe('completed');
    expect(s3).toHaveReceivedCommandWith(PutPublicAccessBlockCommand, {
      Bucket: BUCKET,
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    });
  });

  it('bucket already private: changes nothing', async () => {
    s3.on(GetPublicAccessBlockCommand).resolves({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    });
    const result = await block(state(incident('public-s3-exposure')), ctx);
    expect(result.status).toBe('no-change');
    expect(s3).not.toHaveReceivedCommand(PutPublicAccessBlockCommand);
  });

  it('dry run: names the settings it would turn on', async () => {
    s3.on(GetPublicAccessBlockCommand).resolves({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true },
    });
    const result = await block(state(incident('public-s3-exposure', { dryRun: true })), ctx);
    expect(result.actions[0]).toMatchObject({
      status: 'planned',
      detail: 'turn on BlockPublicPolicy, RestrictPublicBuckets',
    });
    expect(s3).not.toHaveReceivedCommand(PutPublicAccessBlockCommand);
  });

  it('a deleted bucket is ResourceNotFoundError; throttling (SlowDown) is ThrottledError', async () => {
    s3.on(GetPublicAccessBlockCommand).rejects(awsError('NoSuchBucket'));
    await expect(block(state(incident('public-s3-exposure')), ctx)).rejects.toThrow(ResourceNotFoundError);
    s3.on(GetPublicAccessBlockCommand).rejects(
      Object.assign(new Error('Please reduce your request rate.'), { name: 'SlowDown' }),
    );
    await expect(block(state(incident('public-s3-exposure')), ctx)).rejects.toThrow(ThrottledError);
  });
});

describe('save-bucket-access-evidence', () => {
  it('saves the prior policy, ACL and public access block as three evidence objects', async () => {
    s3.on(GetBucketPolicyCommand).resolves(policy(PUBLIC_READ, DENY_HTTP));
    s3.on(GetBucketAclCommand).resolves({ Owner: OWNER, Grants: [{ Grantee: ALL_USERS, Permission: 'READ' }] });
    s3.on(GetPublicAccessBlockCommand).rejects(awsError('NoSuchPublicAccessBlockConfiguration'));
    s3.on(GetBucketOwnershipControlsCommand).rejects(awsError('OwnershipControlsNotFoundError'));
    const result = await saveEvidence(state(incident('public-s3-exposure')), ctx);
    expect(result.data).toEqual({ hasPolicy: true, publicStatements: 1, publicGrants: 1 });
    const keys = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input.Key);
    expect(keys).toEqual([
      'incidents/f1a2b3c4d5e6/run-1/save-bucket-access-evidence/bucket-policy.json',
      'incidents/f1a2b3c4d5e6/run-1/save-bucket-access-evidence/bucket-acl.json',
      'incidents/f1a2b3c4d5e6/run-1/save-bucket-access-evidence/public-access-block.json',
    ]);
    const saved = JSON.parse(String(s3.commandCalls(PutObjectCommand)[0]!.args[0].input.Body));
    expect(JSON.parse(saved.policy).Statement[0].Sid).toBe('PublicRead');
  });

  it('a bucket without a policy saves policy null', async () => {
    s3.on(GetBucketPolicyCommand).rejects(awsError('NoSuchBucketPolicy'));
    s3.on(GetBucketAclCommand).resolves({ Owner: OWNER, Grants: [] });
    s3.on(GetPublicAccessBlockCommand).rejects(awsError('NoSuchPublicAccessBlockConfiguration'));
    s3.on(GetBucketOwnershipControlsCommand).resolves({
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    await saveEvidence(state(incident('public-s3-exposure')), ctx);
    expect(JSON.parse(String(s3.commandCalls(PutObjectCommand)[0]!.args[0].input.Body)).policy).toBeNull();
  });
});

describe('remove-public-statements', () => {
  it('keeps restricted and Deny statements, removes the public one, and removes AllUsers grants', async () => {
    s3.on(GetBucketPolicyCommand).resolves(policy(PUBLIC_READ, VPCE_ONLY, DENY_HTTP));
    s3.on(PutBucketPolicyCommand).resolves({});
    s3.on(GetBucketAclCommand).resolves({
      Owner: OWNER,
      Grants: [
        { Grantee: { Type: 'CanonicalUser', ID: OWNER.ID }, Permission: 'FULL_CONTROL' },
        { Grantee: ALL_USERS, Permission: 'READ' },
      ],
    });
    s3.on(PutBucketAclCommand).resolves({});
    const result = await removePublic(state(incident('public-s3-exposure')), ctx);
    expect(changes(result)).toEqual(['s3:PutBucketPolicy', 's3:PutBucketAcl']);
    const put = JSON.parse(s3.commandCalls(PutBucketPolicyCommand)[0]!.args[0].input.Policy!);
    expect(put.Statement.map((s: { Sid: string }) => s.Sid)).toEqual(['FromEndpoint', 'DenyHttp']);
    expect(s3).toHaveReceivedCommandWith(PutBucketAclCommand, {
      AccessControlPolicy: {
        Owner: OWNER,
        Grants: [{ Grantee: { Type: 'CanonicalUser', ID: OWNER.ID }, Permission: 'FULL_CONTROL' }],
      },
    });
  });

  it('deletes a policy whose every statement is public', async () => {
    s3.on(GetBucketPolicyCommand).resolves(policy(PUBLIC_READ));
    s3.on(DeleteBucketPolicyCommand).resolves({});
    s3.on(GetBucketAclCommand).resolves({ Owner: OWNER, Grants: [] });
    const result = await removePublic(state(incident('public-s3-exposure')), ctx);
    expect(changes(result)).toEqual(['s3:DeleteBucketPolicy']);
    expect(s3).not.toHaveReceivedCommand(PutBucketPolicyCommand);
  });

  it('bucket already private: changes nothing (idempotent re-run)', async () => {
    s3.on(GetBucketPolicyCommand).resolves(policy(VPCE_ONLY, DENY_HTTP));
    s3.on(GetBucketAclCommand).resolves({ Owner: OWNER, Grants: [] });
    const result = await removePublic(state(incident('public-s3-exposure')), ctx);
    expect(result.status).toBe('no-change');
    expect(s3).not.toHaveReceivedCommand(PutBucketPolicyCommand);
    expect(s3).not.toHaveReceivedCommand(PutBucketAclCommand);
  });

  it('dry run: plans both removals, writes nothing', async () => {
    s3.on(GetBucketPolicyCommand).resolves(policy(PUBLIC_READ));
    s3.on(GetBucketAclCommand).resolves({ Owner: OWNER, Grants: [{ Grantee: ALL_USERS, Permission: 'READ' }] });
    const result = await removePublic(state(incident('public-s3-exposure', { dryRun: true })), ctx);
    expect(result.actions.map((a) => `${a.status} ${a.action}`)).toEqual([
      'planned s3:DeleteBucketPolicy',
      'planned s3:PutBucketAcl',
    ]);
    expect(s3.commandCalls(DeleteBucketPolicyCommand)).toHaveLength(0);
    expect(s3.commandCalls(PutBucketAclCommand)).toHaveLength(0);
  });

  it('throttling is ThrottledError', async () => {
    s3.on(GetBucketPolicyCommand).rejects(throttled());
    await expect(removePublic(state(incident('public-s3-exposure')), ctx)).rejects.toThrow(ThrottledError);
  });
});

describe('splitPublicStatements', () => {
  it('treats NotPrincipal and {"AWS": "*"} as public, an account principal and aws:PrincipalOrgID as not', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: '*' },
        {
          Effect: 'Allow',
          NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' },
          Action: 's3:GetObject',
          Resource: '*',
        },
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:root' },
          Action: 's3:GetObject',
          Resource: '*',
        },
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123def4' } },
        },
      ],
    });
    const { publicStatements, kept } = splitPublicStatements(text);
    expect(publicStatements).toHaveLength(2);
    expect(kept).toHaveLength(2);
  });
});
