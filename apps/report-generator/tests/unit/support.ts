import type { EvaluationResult } from '@aws-sdk/client-config-service';

export const ACCOUNT = '123456789012';
export const OTHER = '210987654321';
export const REGION = 'eu-west-1';
export const NOW = new Date('2026-11-29T09:00:00.000Z');

export const ENV = {
  AWS_REGION: REGION,
  RAMPART_REPORT_BUCKET: 'acme-rampart-reports',
  RAMPART_REPORT_KMS_KEY_ID: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
};

export function ruleArn(region: string, account: string, id: string): string {
  return `arn:aws:config:${region}:${account}:config-rule/config-rule-${id}`;
}

export function result(
  rule: string,
  resourceType: string,
  resourceId: string,
  compliance: string,
  annotation?: string,
): EvaluationResult {
  return {
    EvaluationResultIdentifier: {
      EvaluationResultQualifier: { ConfigRuleName: rule, ResourceType: resourceType, ResourceId: resourceId },
      OrderingTimestamp: NOW,
    },
    ComplianceType: compliance as EvaluationResult['ComplianceType'],
    ResultRecordedTime: NOW,
    ConfigRuleInvokedTime: NOW,
    ...(annotation !== undefined ? { Annotation: annotation } : {}),
  };
}

/** The Lambda context fields the handler reads, as the Node.js runtime passes them. */
export const CONTEXT = {
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  functionName: 'rampart-report-generator',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:rampart-report-generator',
  memoryLimitInMB: '512',
  getRemainingTimeInMillis: () => 60_000,
};
