import type { Stack, StackResource } from '../stack.js';
import { containsUnknown, isUnknown } from '../unknown.js';
import { isStackResource, satelliteOf } from './satellites.js';
import type { AdaptedItem, AdapterEnv, FactAdapter, ResourceAdapter } from './types.js';
import { bool, idOr, list, record, str, strOrUnknown, tags } from './values.js';

export const WEB_ACL_TOKENS = ['aws:wafv2/webAcl:WebAcl'] as const;
const WEB_ACL_LOGGING = ['aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration'];
export const TRAIL_TOKENS = ['aws:cloudtrail/trail:Trail'] as const;
export const DETECTOR_TOKENS = ['aws:guardduty/detector:Detector'] as const;
const DETECTOR_FEATURE = ['aws:guardduty/detectorFeature:DetectorFeature'];

function webAclRules(acl: StackResource): unknown {
  const rules = acl.props['rules'];
  if (isUnknown(rules)) return rules;
  const fromJson = acl.props['ruleJson'];
  if (isUnknown(fromJson)) return fromJson;
  if (typeof fromJson === 'string' && fromJson.trim() !== '') {
    const parsed: unknown = JSON.parse(fromJson);
    return Array.isArray(parsed) ? parsed : [];
  }
  return list(rules);
}

/**
 * `aws.wafv2.WebAcl` and its `aws.wafv2.WebAclLoggingConfiguration`. The logging configuration goes
 * where Rampart's collectors put it, `supplementaryConfiguration.LoggingConfiguration` (null when none).
 */
export const webAclAdapter: ResourceAdapter = {
  resourceType: 'AWS::WAFv2::WebACL',
  tokens: WEB_ACL_TOKENS,
  satellites: WEB_ACL_LOGGING,
  adapt(acl: StackResource, stack: Stack, env: AdapterEnv): AdaptedItem {
    const name = idOr(acl.props['name'], acl.name);
    const id = idOr(acl.props['id'], acl.name);
    const scope = str(acl.props['scope']) ?? 'REGIONAL';
    const arn =
      str(acl.props['arn']) ??
      `arn:${env.partition}:wafv2:${env.region}:${env.accountId}:${scope === 'CLOUDFRONT' ? 'global' : 'regional'}/webacl/${name}/${id}`;
    const logging = satelliteOf(stack, acl, WEB_ACL_TOKENS, WEB_ACL_LOGGING, 'resourceArn', []);
    let loggingConfiguration: unknown = null;
    if (isStackResource(logging)) {
      const destinations = logging.props['logDestinationConfigs'];
      loggingConfiguration = {
        resourceArn: arn,
        logDestinationConfigs: isUnknown(destinations) ? destinations : list(destinations),
      };
    } else if (logging !== undefined) {
      loggingConfiguration = logging;
    }
    return {
      resourceType: 'AWS::WAFv2::WebACL',
      resourceId: `${name}|${id}|${scope}`,
      resourceName: name,
      arn,
      tags: tags(acl.props['tags']),
      configuration: {
        name,
        id,
        aRN: arn,
        defaultAction: acl.props['defaultAction'] ?? null,
        description: str(acl.props['description']) ?? null,
        rules: webAclRules(acl),
        visibilityConfig: acl.props['visibilityConfig'] ?? null,
        preProcessFirewallManagerRuleGroups: [],
        postProcessFirewallManagerRuleGroups: [],
        managedByFirewallManager: false,
      },
      supplementaryConfiguration: { LoggingConfiguration: loggingConfiguration },
    };
  },
};

function trailArn(trail: StackResource, env: AdapterEnv): string {
  const name = idOr(trail.props['name'], trail.name);
  return str(trail.props['arn']) ?? `arn:${env.partition}:cloudtrail:${env.region}:${env.accountId}:trail/${name}`;
}

/** `aws.cloudtrail.Trail`, with the provider's defaults (global service events on, single region, no validation). */
export const trailAdapter: ResourceAdapter = {
  resourceType: 'AWS::CloudTrail::Trail',
  tokens: TRAIL_TOKENS,
  satellites: [],
  adapt(trail: StackResource, _stack: Stack, env: AdapterEnv): AdaptedItem {
    const name = idOr(trail.props['name'], trail.name);
    const arn = trailArn(trail, env);
    return {
      resourceType: 'AWS::CloudTrail::Trail',
      resourceId: name,
      resourceName: name,
      arn,
      tags: tags(trail.props['tags']),
      configuration: {
        name,
        s3BucketName: strOrUnknown(trail.props['s3BucketName']) ?? null,
        s3KeyPrefix: strOrUnknown(trail.props['s3KeyPrefix']) ?? null,
        snsTopicName: strOrUnknown(trail.props['snsTopicName']) ?? null,
        includeGlobalServiceEvents: bool(trail.props['includeGlobalServiceEvents'], true),
        isMultiRegionTrail: bool(trail.props['isMultiRegionTrail'], false),
        homeRegion: env.region,
        trailARN: arn,
        logFileValidationEnabled: bool(trail.props['enableLogFileValidation'], false),
        cloudWatchLogsLogGroupArn: strOrUnknown(trail.props['cloudWatchLogsGroupArn']) ?? null,
        cloudWatchLogsRoleArn: strOrUnknown(trail.props['cloudWatchLogsRoleArn']) ?? null,
        kmsKeyId: strOrUnknown(trail.props['kmsKeyId']) ?? null,
        hasCustomEventSelectors: list(trail.props['eventSelectors']).length > 0,
        isOrganizationTrail: bool(trail.props['isOrganizationTrail'], false),
      },
      supplementaryConfiguration: {},
    };
  },
};

/** Stands for a string the account-level trail controls test only for presence (a new bucket's name). */
export const KNOWN_AFTER_APPLY = '(known after apply)';

function presence(value: unknown): string | null {
  if (isUnknown(value)) return KNOWN_AFTER_APPLY;
  return str(value) ?? null;
}

/**
 * The stack's trails as the `Rampart::CloudTrail::Trails` fact, for the account-level trail controls
 * (multi-region, security trail, S3 data events). Strings whose value is unknown at preview but whose
 * presence is certain (bucket, key, log group) read {@link KNOWN_AFTER_APPLY}; a trail whose flags or
 * selectors are unknown leaves the fact out, so those controls get INSUFFICIENT_DATA.
 */
export const trailsFact: FactAdapter = {
  factType: 'Rampart::CloudTrail::Trails',
  tokens: TRAIL_TOKENS,
  satellites: [],
  build(stack, env) {
    const trails = stack.ofType(TRAIL_TOKENS);
    if (trails.length === 0) return undefined;
    const entries = trails.map((t) => ({
      name: idOr(t.props['name'], t.name),
      trailArn: trailArn(t, env),
      homeRegion: env.region,
      isMultiRegionTrail: bool(t.props['isMultiRegionTrail'], false),
      isOrganizationTrail: bool(t.props['isOrganizationTrail'], false),
      isLogging: bool(t.props['enableLogging'], true),
      includeGlobalServiceEvents: bool(t.props['includeGlobalServiceEvents'], true),
      logFileValidationEnabled: bool(t.props['enableLogFileValidation'], false),
      kmsKeyId: presence(t.props['kmsKeyId']),
      s3BucketName: presence(t.props['s3BucketName']),
      cloudWatchLogsLogGroupArn: presence(t.props['cloudWatchLogsGroupArn']),
      eventSelectors: list(t.props['eventSelectors']),
      advancedEventSelectors: list(t.props['advancedEventSelectors']),
    }));
    if (containsUnknown(entries)) return undefined;
    return { resource: trails[0]!, value: { trails: entries } };
  },
};

/** GuardDuty features as the detector reports them, from the deprecated `datasources` block. */
function datasourceFeatures(detector: StackResource): { name: string; status: string }[] {
  const ds = record(detector.props['datasources']);
  const on = (v: unknown) => (record(v)['enable'] === true ? 'ENABLED' : 'DISABLED');
  const out: { name: string; status: string }[] = [];
  if (ds['s3Logs'] !== undefined) out.push({ name: 'S3_DATA_EVENTS', status: on(ds['s3Logs']) });
  const k8s = record(ds['kubernetes']);
  if (k8s['auditLogs'] !== undefined) out.push({ name: 'EKS_AUDIT_LOGS', status: on(k8s['auditLogs']) });
  const ebs = record(record(record(ds['malwareProtection'])['scanEc2InstanceWithFindings'])['ebsVolumes']);
  if (ebs['enable'] !== undefined) out.push({ name: 'EBS_MALWARE_PROTECTION', status: on(ebs) });
  return out;
}

/**
 * `aws.guardduty.Detector` and its `aws.guardduty.DetectorFeature` resources as the
 * `Rampart::GuardDuty::Status` fact for the region. Features the program does not declare are left
 * out: GuardDuty's own defaults decide them, and the plan controls are then not applicable.
 */
export const guardDutyStatusFact: FactAdapter = {
  factType: 'Rampart::GuardDuty::Status',
  tokens: DETECTOR_TOKENS,
  satellites: DETECTOR_FEATURE,
  build(stack) {
    const detector = stack.ofType(DETECTOR_TOKENS)[0];
    if (detector === undefined) return undefined;
    const features = new Map(datasourceFeatures(detector).map((f) => [f.name, f] as const));
    for (const f of stack.ofType(DETECTOR_FEATURE)) {
      const ref = stack.resolve(f, 'detectorId', DETECTOR_TOKENS, []);
      if (ref.kind === 'external' || (ref.kind === 'resource' && ref.resource !== detector)) continue;
      const name = f.props['name'];
      if (typeof name !== 'string') return undefined;
      const additional = list(f.props['additionalConfigurations']).map((c) => ({
        name: record(c)['name'],
        status: record(c)['status'],
      }));
      features.set(name, {
        name,
        status: f.props['status'] as string,
        ...(additional.length > 0 ? { additionalConfiguration: additional } : {}),
      } as { name: string; status: string });
    }
    const enable = bool(detector.props['enable'], true);
    const value = {
      detectorId: idOr(detector.props['id'], detector.name),
      status: enable === true ? 'ENABLED' : enable === false ? 'DISABLED' : enable,
      findingPublishingFrequency: str(detector.props['findingPublishingFrequency']) ?? 'SIX_HOURS',
      features: [...features.values()],
      administratorAccountId: null,
    };
    if (containsUnknown(value)) return undefined;
    return { resource: detector, value };
  },
};
