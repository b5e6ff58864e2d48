import { restrictedSsh } from './restricted-ssh.js';

export const EC2_CONTROLS = [restrictedSsh];
