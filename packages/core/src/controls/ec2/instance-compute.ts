import type { InstanceConfiguration } from './instance.js';

/** The further `AWS::EC2::Instance` fields the compute controls read (profile, placement, network interfaces, stop time). */
export interface ComputeInstanceConfiguration extends InstanceConfiguration {
  iamInstanceProfile: { arn?: string | null; id?: string | null } | null;
  vpcId: string | null;
  subnetId: string | null;
  /** "User initiated (2026-10-01 12:34:56 GMT)" for an instance a user stopped; empty while running. */
  stateTransitionReason: string | null;
  networkInterfaces: {
    networkInterfaceId?: string;
    interfaceType?: string | null;
    attachment?: { deviceIndex?: number; networkCardIndex?: number } | null;
  }[];
}
