import * as pulumi from '@pulumi/pulumi';

export const ACCOUNT = '123456789012';
export const REGION = 'eu-west-1';

/** A resource registered with the mock engine: its type token, name and the inputs it was given. */
export interface Recorded {
  type: string;
  name: string;
  custom: boolean;
  // biome-ignore lint/suspicious/noExplicitAny: inputs are whatever the provider schema says; tests index into them
  inputs: Record<string, any>;
}

const recorded: Recorded[] = [];

function fakeArn(type: string, name: string): string {
  if (type === 'aws:s3/bucket:Bucket') return `arn:aws:s3:::${name}`;
  const service = type.split(':')[1]?.split('/')[0] ?? 'unknown';
  return `arn:aws:${service}:${REGION}:${ACCOUNT}:${name}`;
}

/** Installs the mocks; call at the top of a test file, before importing the code under test. */
export async function installMocks(): Promise<void> {
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        recorded.push({ type: args.type, name: args.name, custom: args.custom ?? true, inputs: args.inputs });
        const state: Record<string, unknown> = {
          ...args.inputs,
          arn: args.inputs.arn ?? fakeArn(args.type, args.name),
          name: args.inputs.name ?? args.name,
        };
        if (args.type === 'aws:s3/bucket:Bucket') state['bucket'] = args.inputs.bucket ?? args.name;
        if (args.type === 'aws:kms/key:Key') state['keyId'] = `${args.name}-key-id`;
        return { id: `${args.name}-id`, state };
      },
      call(args) {
        switch (args.token) {
          case 'aws:index/getCallerIdentity:getCallerIdentity':
            return { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/test`, userId: 'AIDATEST', id: ACCOUNT };
          case 'aws:index/getRegion:getRegion':
            return { name: REGION, region: REGION, id: REGION, description: 'Europe (Ireland)', endpoint: '' };
          case 'aws:index/getPartition:getPartition':
            return { partition: 'aws', dnsSuffix: 'amazonaws.com', id: 'aws', reverseDnsPrefix: 'com.amazonaws' };
          default:
            throw new Error(`unmocked call ${args.token}`);
        }
      },
    },
    'rampart',
    'test',
    false,
  );
}

/** Waits until no resource has been registered for a while: every Output chain has resolved. */
export async function settle(): Promise<void> {
  let last = -1;
  let quiet = 0;
  while (quiet < 4) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (recorded.length === last) quiet += 1;
    else {
      quiet = 0;
      last = recorded.length;
    }
  }
}

/** Custom resources registered under a component name (children are named `${name}-…`). */
export function resourcesOf(prefix: string): Recorded[] {
  return recorded.filter((r) => r.custom && (r.name === prefix || r.name.startsWith(`${prefix}-`)));
}

export function ofType(resources: Recorded[], type: string): Recorded[] {
  return resources.filter((r) => r.type === type);
}

export function one(resources: Recorded[], type: string): Recorded {
  const found = ofType(resources, type);
  if (found.length !== 1) {
    throw new Error(`expected one ${type}, found ${found.length}: ${found.map((r) => r.name).join(', ')}`);
  }
  return found[0]!;
}

/** Constructs a component and waits until its resources are registered. */
export async function deploy(create: () => unknown): Promise<void> {
  create();
  await settle();
}
