// The policy pack's entry point (package.json `main`), run by the Pulumi CLI. Constructing the
// PolicyPack starts the analyzer's gRPC server, so nothing else imports this file, tests included.
import policy from '@pulumi/policy';
import { buildPolicies, enforcementFromEnv } from './policies.js';

new policy.PolicyPack('rampart', {
  description: "Rampart's Security Pillar controls at pulumi preview, from the same catalog AWS Config evaluates.",
  displayName: 'Rampart',
  provider: 'aws',
  tags: ['security', 'well-architected'],
  policies: buildPolicies({
    enforcement: enforcementFromEnv(process.env),
    accountId: process.env['RAMPART_ACCOUNT_ID'],
    region: process.env['RAMPART_REGION'],
  }),
});
