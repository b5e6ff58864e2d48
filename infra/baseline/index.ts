import * as pulumi from '@pulumi/pulumi';
import { SecurityBaseline, type SecurityBaselineArgs } from '@rampart/pulumi-baseline';

const config = new pulumi.Config('rampart');

const organization = config.getObject<NonNullable<SecurityBaselineArgs['organization']>>('organization');
const shield = config.getObject<NonNullable<SecurityBaselineArgs['shield']>>('shield');
const networkFirewall = config.getObject<NonNullable<SecurityBaselineArgs['networkFirewall']>>('networkFirewall');
const configRulesBundle = config.get('configRulesBundle');
const reportGeneratorBundle = config.get('reportGeneratorBundle');
// Incident response is on when its bundle is given; `incidentResponse` tunes it.
const incidentResponseBundle = config.get('incidentResponseBundle');
const incidentResponse =
  config.getObject<Omit<NonNullable<SecurityBaselineArgs['incidentResponse']>, 'code'>>('incidentResponse') ?? {};
const accessLogRetentionDays = config.getNumber('accessLogRetentionDays');

const baseline = new SecurityBaseline('rampart', {
  ...(organization ? { organization } : {}),
  configRecorder: { includeGlobalResourceTypes: config.getBoolean('includeGlobalResourceTypes') ?? true },
  alerting: { emails: config.getObject<string[]>('alertEmails') ?? [] },
  webAcl: { associations: config.getObject<string[]>('webAclAssociations') ?? [] },
  ...(shield ? { shield } : {}),
  ...(networkFirewall ? { networkFirewall } : {}),
  ...(configRulesBundle ? { configRules: { code: configRulesBundle } } : {}),
  ...(reportGeneratorBundle ? { reportGenerator: { code: reportGeneratorBundle } } : {}),
  ...(incidentResponseBundle ? { incidentResponse: { ...incidentResponse, code: incidentResponseBundle } } : {}),
  ...(accessLogRetentionDays !== undefined ? { accessLogs: { retentionInDays: accessLogRetentionDays } } : {}),
  tags: { 'rampart:stack': pulumi.getStack() },
});

export const keyArns = baseline.keyArns;
export const alertTopicArn = baseline.alertTopicArn;
export const webAclArn = baseline.webAclArn;
export const accessLogBucketName = baseline.accessLogBucketName;
export const playbookStateMachineArns = baseline.incidentResponse?.stateMachineArns;
export const evidenceBucketName = baseline.incidentResponse?.evidenceBucketName;
export const responderRoleArn = baseline.incidentResponse?.responderRoleArn;
