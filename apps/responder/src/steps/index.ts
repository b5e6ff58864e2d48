import type { PlaybookName } from '../incident.js';
import type { ActionGrant, Step } from '../step.js';
import { step as attachDenyPolicy } from './access-key/attach-deny-policy.js';
import { step as collectCloudTrailEvents } from './access-key/collect-cloudtrail-events.js';
import { step as deactivateAccessKey } from './access-key/deactivate-access-key.js';
import { step as recordKeyLastUse } from './access-key/record-key-last-use.js';
import { step as notify } from './common/notify.js';
import { step as recordTimeline } from './common/record-timeline.js';
import { startIncident } from './common/start-incident.js';
import { step as captureInstanceMetadata } from './ec2/capture-instance-metadata.js';
import { step as detachFromLoadBalancing } from './ec2/detach-from-load-balancing.js';
import { step as isolateInstance } from './ec2/isolate-instance.js';
import { step as snapshotVolumes } from './ec2/snapshot-volumes.js';
import { step as stopInstance } from './ec2/stop-instance.js';
import { step as tagInstance } from './ec2/tag-instance.js';
import { step as blockPublicAccess } from './s3/block-public-access.js';
import { step as removePublicStatements } from './s3/remove-public-statements.js';
import { step as saveBucketAccessEvidence } from './s3/save-bucket-access-evidence.js';

/** What the deployer needs of a step: no code, just its id, source file and permissions. */
export interface StepInfo {
  id: string;
  key: string;
  description: string;
  playbooks: readonly PlaybookName[];
  permissions: readonly ActionGrant[];
}

/** Every step that acts (each a Lambda with its own role), in no particular order. */
export const STEPS: readonly Step[] = [
  recordKeyLastUse,
  deactivateAccessKey,
  attachDenyPolicy,
  collectCloudTrailEvents,
  saveBucketAccessEvidence,
  blockPublicAccess,
  removePublicStatements,
  captureInstanceMetadata,
  tagInstance,
  snapshotVolumes,
  detachFromLoadBalancing,
  isolateInstance,
  stopInstance,
  notify,
  recordTimeline,
];

/** Every Lambda of the responder, start-incident included: one function and one role each. */
export const STEP_FUNCTIONS: readonly StepInfo[] = [startIncident, ...STEPS].map(
  ({ id, key, description, playbooks, permissions }) => ({ id, key, description, playbooks, permissions }),
);

/** The source file of each step (the bundle's entry points; the Lambda handler is `<id>.handler`). */
export const STEP_SOURCES: Readonly<Record<string, string>> = {
  'start-incident': 'steps/common/start-incident.ts',
  'record-key-last-use': 'steps/access-key/record-key-last-use.ts',
  'deactivate-access-key': 'steps/access-key/deactivate-access-key.ts',
  'attach-deny-policy': 'steps/access-key/attach-deny-policy.ts',
  'collect-cloudtrail-events': 'steps/access-key/collect-cloudtrail-events.ts',
  'save-bucket-access-evidence': 'steps/s3/save-bucket-access-evidence.ts',
  'block-public-access': 'steps/s3/block-public-access.ts',
  'remove-public-statements': 'steps/s3/remove-public-statements.ts',
  'capture-instance-metadata': 'steps/ec2/capture-instance-metadata.ts',
  'tag-instance': 'steps/ec2/tag-instance.ts',
  'snapshot-volumes': 'steps/ec2/snapshot-volumes.ts',
  'detach-from-load-balancing': 'steps/ec2/detach-from-load-balancing.ts',
  'isolate-instance': 'steps/ec2/isolate-instance.ts',
  'stop-instance': 'steps/ec2/stop-instance.ts',
  notify: 'steps/common/notify.ts',
  'record-timeline': 'steps/common/record-timeline.ts',
};

export function stepById(id: string): Step | undefined {
  return STEPS.find((s) => s.id === id);
}
