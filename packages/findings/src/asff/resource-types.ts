import { ACCOUNT_RESOURCE_TYPE } from '@rampart/core';
import { partitionOf } from './ids.js';

/**
 * AWS Config / CloudFormation resource types → ASFF resource types (the Security Hub "Resources"
 * reference). A type without an ASFF name becomes `Other`, with the Config type kept in the details.
 */
const ASFF_TYPES: Readonly<Record<string, string>> = {
  [ACCOUNT_RESOURCE_TYPE]: 'AwsAccount',
  'AWS::ApiGateway::RestApi': 'AwsApiGatewayRestApi',
  'AWS::ApiGateway::Stage': 'AwsApiGatewayStage',
  'AWS::ApiGatewayV2::Api': 'AwsApiGatewayV2Api',
  'AWS::ApiGatewayV2::Stage': 'AwsApiGatewayV2Stage',
  'AWS::AutoScaling::AutoScalingGroup': 'AwsAutoScalingAutoScalingGroup',
  'AWS::AutoScaling::LaunchConfiguration': 'AwsAutoScalingLaunchConfiguration',
  'AWS::Backup::BackupPlan': 'AwsBackupBackupPlan',
  'AWS::Backup::BackupVault': 'AwsBackupBackupVault',
  'AWS::Backup::RecoveryPoint': 'AwsBackupRecoveryPoint',
  'AWS::CertificateManager::Certificate': 'AwsCertificateManagerCertificate',
  'AWS::CloudFormation::Stack': 'AwsCloudFormationStack',
  'AWS::CloudFront::Distribution': 'AwsCloudFrontDistribution',
  'AWS::CloudTrail::Trail': 'AwsCloudTrailTrail',
  'AWS::CloudWatch::Alarm': 'AwsCloudWatchAlarm',
  'AWS::CodeBuild::Project': 'AwsCodeBuildProject',
  'AWS::DMS::Endpoint': 'AwsDmsEndpoint',
  'AWS::DMS::ReplicationInstance': 'AwsDmsReplicationInstance',
  'AWS::DMS::ReplicationTask': 'AwsDmsReplicationTask',
  'AWS::DynamoDB::Table': 'AwsDynamoDbTable',
  'AWS::EC2::ClientVpnEndpoint': 'AwsEc2ClientVpnEndpoint',
  'AWS::EC2::EIP': 'AwsEc2Eip',
  'AWS::EC2::Instance': 'AwsEc2Instance',
  'AWS::EC2::LaunchTemplate': 'AwsEc2LaunchTemplate',
  'AWS::EC2::NetworkAcl': 'AwsEc2NetworkAcl',
  'AWS::EC2::NetworkInterface': 'AwsEc2NetworkInterface',
  'AWS::EC2::RouteTable': 'AwsEc2RouteTable',
  'AWS::EC2::SecurityGroup': 'AwsEc2SecurityGroup',
  'AWS::EC2::Subnet': 'AwsEc2Subnet',
  'AWS::EC2::TransitGateway': 'AwsEc2TransitGateway',
  'AWS::EC2::VPC': 'AwsEc2Vpc',
  'AWS::EC2::VPCEndpointService': 'AwsEc2VpcEndpointService',
  'AWS::EC2::VPCPeeringConnection': 'AwsEc2VpcPeeringConnection',
  'AWS::EC2::VPNConnection': 'AwsEc2VpnConnection',
  'AWS::EC2::Volume': 'AwsEc2Volume',
  'AWS::ECR::Repository': 'AwsEcrRepository',
  'AWS::ECS::Cluster': 'AwsEcsCluster',
  'AWS::ECS::Service': 'AwsEcsService',
  'AWS::ECS::TaskDefinition': 'AwsEcsTaskDefinition',
  'AWS::EFS::AccessPoint': 'AwsEfsAccessPoint',
  'AWS::EKS::Cluster': 'AwsEksCluster',
  'AWS::ElasticBeanstalk::Environment': 'AwsElasticBeanstalkEnvironment',
  'AWS::ElasticLoadBalancing::LoadBalancer': 'AwsElbLoadBalancer',
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'AwsElbv2LoadBalancer',
  'AWS::Elasticsearch::Domain': 'AwsElasticsearchDomain',
  'AWS::Events::EventBus': 'AwsEventsEventbus',
  'AWS::GuardDuty::Detector': 'AwsGuardDutyDetector',
  'AWS::IAM::AccessKey': 'AwsIamAccessKey',
  'AWS::IAM::Group': 'AwsIamGroup',
  'AWS::IAM::Policy': 'AwsIamPolicy',
  'AWS::IAM::Role': 'AwsIamRole',
  'AWS::IAM::User': 'AwsIamUser',
  'AWS::Kinesis::Stream': 'AwsKinesisStream',
  'AWS::KMS::Key': 'AwsKmsKey',
  'AWS::Lambda::Function': 'AwsLambdaFunction',
  'AWS::MSK::Cluster': 'AwsMskCluster',
  'AWS::NetworkFirewall::Firewall': 'AwsNetworkFirewallFirewall',
  'AWS::NetworkFirewall::FirewallPolicy': 'AwsNetworkFirewallFirewallPolicy',
  'AWS::NetworkFirewall::RuleGroup': 'AwsNetworkFirewallRuleGroup',
  'AWS::OpenSearch::Domain': 'AwsOpenSearchServiceDomain',
  'AWS::RDS::DBCluster': 'AwsRdsDbCluster',
  'AWS::RDS::DBClusterSnapshot': 'AwsRdsDbClusterSnapshot',
  'AWS::RDS::DBInstance': 'AwsRdsDbInstance',
  'AWS::RDS::DBSecurityGroup': 'AwsRdsDbSecurityGroup',
  'AWS::RDS::DBSnapshot': 'AwsRdsDbSnapshot',
  'AWS::RDS::EventSubscription': 'AwsRdsEventSubscription',
  'AWS::Redshift::Cluster': 'AwsRedshiftCluster',
  'AWS::Route53::HostedZone': 'AwsRoute53HostedZone',
  'AWS::S3::AccessPoint': 'AwsS3AccessPoint',
  'AWS::S3::AccountPublicAccessBlock': 'AwsS3AccountPublicAccessBlock',
  'AWS::S3::Bucket': 'AwsS3Bucket',
  'AWS::SageMaker::NotebookInstance': 'AwsSageMakerNotebookInstance',
  'AWS::SecretsManager::Secret': 'AwsSecretsManagerSecret',
  'AWS::SNS::Topic': 'AwsSnsTopic',
  'AWS::SQS::Queue': 'AwsSqsQueue',
  'AWS::SSM::PatchCompliance': 'AwsSsmPatchCompliance',
  'AWS::StepFunctions::StateMachine': 'AwsStepFunctionStateMachine',
  'AWS::WAF::WebACL': 'AwsWafWebAcl',
  'AWS::WAFRegional::WebACL': 'AwsWafRegionalWebAcl',
  'AWS::WAFv2::RuleGroup': 'AwsWafv2RuleGroup',
  'AWS::WAFv2::WebACL': 'AwsWafv2WebAcl',
};

export const OTHER_RESOURCE_TYPE = 'Other';

/** The ASFF resource type for a Config resource type; `Other` when ASFF has none. */
export function asffResourceType(configType: string): string {
  return ASFF_TYPES[configType] ?? OTHER_RESOURCE_TYPE;
}

/** Every mapping, for tests and docs. */
export function asffResourceTypes(): Readonly<Record<string, string>> {
  return ASFF_TYPES;
}

/**
 * The identifier Security Hub expects in `Resources[].Id`: the ARN when known, else one built from
 * the Config resource id where the ARN format is fixed, else the Config resource id itself.
 * Account-level findings use `AWS::::Account:<id>`, as Security Hub's own controls do.
 */
export function resourceIdentifier(input: {
  resourceType: string;
  resourceId: string;
  resourceArn: string | null;
  accountId: string;
  region: string;
}): string {
  if (input.resourceArn) return input.resourceArn;
  const { resourceType: type, resourceId: id, accountId, region } = input;
  if (type === ACCOUNT_RESOURCE_TYPE) return `${ACCOUNT_RESOURCE_TYPE}:${accountId}`;
  const partition = partitionOf(region);
  switch (type) {
    case 'AWS::S3::Bucket':
      return `arn:${partition}:s3:::${id}`;
    case 'AWS::EC2::SecurityGroup':
      return `arn:${partition}:ec2:${region}:${accountId}:security-group/${id}`;
    case 'AWS::EC2::Instance':
      return `arn:${partition}:ec2:${region}:${accountId}:instance/${id}`;
    case 'AWS::EC2::Volume':
      return `arn:${partition}:ec2:${region}:${accountId}:volume/${id}`;
    case 'AWS::EC2::VPC':
      return `arn:${partition}:ec2:${region}:${accountId}:vpc/${id}`;
    case 'AWS::KMS::Key':
      return `arn:${partition}:kms:${region}:${accountId}:key/${id}`;
    default:
      return id;
  }
}
