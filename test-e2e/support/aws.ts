import { inject } from 'vitest';

export const ACCOUNT = '123456789012';
export const REGION = 'eu-west-1';

/** Client settings that point a real AWS SDK v3 client at the moto server. */
export function motoClientConfig() {
  return {
    endpoint: inject('motoEndpoint'),
    region: REGION,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    forcePathStyle: true,
  };
}
