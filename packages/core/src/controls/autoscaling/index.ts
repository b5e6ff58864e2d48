import { autoscalingLaunchConfigPublicIpDisabled } from './autoscaling-launch-config-public-ip-disabled.js';

export const AUTOSCALING_CONTROLS = [autoscalingLaunchConfigPublicIpDisabled];
