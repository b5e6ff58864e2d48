/** The parts of an `AWS::EC2::Instance` configuration item the instance controls read. */
export interface InstanceConfiguration {
  instanceId: string;
  state: { code?: number; name?: string } | null;
  publicIpAddress: string | null;
  metadataOptions: { httpTokens?: string | null; httpEndpoint?: string | null; state?: string | null } | null;
}

/** A terminated instance lingers in AWS Config for a while; controls do not judge it. */
export function isTerminated(instance: Partial<InstanceConfiguration>): boolean {
  const state = instance.state?.name;
  return state === 'terminated' || state === 'shutting-down';
}
