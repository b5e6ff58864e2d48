import type { ConfigItem } from '../../ci/config-item.js';
import { GuardDutyStatusFact } from '../../facts/index.js';
import {
  compliant,
  type EvaluationContext,
  insufficientData,
  nonCompliant,
  notApplicable,
  type Verdict,
} from '../../model/control.js';

/** A GuardDuty protection plan as GetDetector lists it: a detector feature, optionally with an additional configuration. */
export interface ProtectionPlan {
  /** How annotations name the plan: "S3 Protection". */
  label: string;
  /** `DetectorFeature` name: S3_DATA_EVENTS, EKS_AUDIT_LOGS, EBS_MALWARE_PROTECTION, ... */
  feature: string;
}

/**
 * Whether the region's detector has the protection plan enabled. No detector, or a suspended one,
 * protects nothing, so the plan is not enabled. A detector that lists features but not this one is
 * in a region where the plan is not offered; a detector that lists no features at all was read
 * without them (an old collector), which is not evidence either way.
 */
export function protectionPlanVerdict(
  item: ConfigItem,
  ctx: EvaluationContext<unknown>,
  plan: ProtectionPlan,
): Verdict {
  const gd = ctx.require(GuardDutyStatusFact);
  if (gd.detectorId === null || gd.detectorId === undefined) {
    return nonCompliant(
      `GuardDuty has no detector in account ${item.accountId} in ${ctx.region}, so ${plan.label} is off.`,
    );
  }
  if (gd.status !== 'ENABLED') {
    return nonCompliant(
      `GuardDuty detector ${gd.detectorId} in ${ctx.region} is ${gd.status ?? 'not enabled'}, so ${plan.label} is off.`,
    );
  }
  if (gd.features.length === 0) {
    return insufficientData(
      `The GuardDuty status of detector ${gd.detectorId} in ${ctx.region} lists no protection-plan features.`,
    );
  }
  const feature = gd.features.find((f) => f.name === plan.feature);
  if (feature === undefined) {
    return notApplicable(
      `GuardDuty detector ${gd.detectorId} in ${ctx.region} does not offer ${plan.label} (feature ${plan.feature}).`,
    );
  }
  if (feature.status !== 'ENABLED') {
    return nonCompliant(
      `GuardDuty detector ${gd.detectorId} in ${ctx.region} has ${plan.label} (${plan.feature}) ${feature.status}.`,
    );
  }
  return compliant(`GuardDuty detector ${gd.detectorId} in ${ctx.region} has ${plan.label} enabled.`);
}
