import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ACMClient,
  DescribeCertificateCommand,
  ListCertificatesCommand,
  ListTagsForCertificateCommand,
} from '@aws-sdk/client-acm';
import { APIGatewayClient, GetRestApisCommand, GetStagesCommand } from '@aws-sdk/client-api-gateway';
import {
  ApiGatewayV2Client,
  GetApisCommand,
  GetStagesCommand as GetV2StagesCommand,
} from '@aws-sdk/client-apigatewayv2';
import { AutoScalingClient, DescribeLaunchConfigurationsCommand } from '@aws-sdk/client-auto-scaling';
import {
  CloudFrontClient,
  GetDistributionCommand,
  ListTagsForResourceCommand as ListCfTagsCommand,
  ListDistributionsCommand,
} from '@aws-sdk/client-cloudfront';
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeAddressesCommand, DescribeNetworkAclsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  DescribeRepositoriesCommand,
  ECRClient,
  GetLifecyclePolicyCommand,
  ListTagsForResourceCommand as ListEcrTagsCommand,
} from '@aws-sdk/client-ecr';
import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListClustersCommand,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
} from '@aws-sdk/client-ecs';
import {
  DescribeLoadBalancerAttributesCommand as DescribeClassicAttributesCommand,
  DescribeLoadBalancersCommand as DescribeClassicCommand,
  DescribeTagsCommand as DescribeClassicTagsCommand,
  DescribeLoadBalancerPoliciesCommand,
  ElasticLoadBalancingClient,
} from '@aws-sdk/client-elastic-load-balancing';
import {
  DescribeListenersCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  DescribeTagsCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListKeysCommand,
  ListResourceTagsCommand,
} from '@aws-sdk/client-kms';
import { GetPolicyCommand, LambdaClient, ListFunctionsCommand, ListTagsCommand } from '@aws-sdk/client-lambda';
import {
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeDBClustersCommand,
  DescribeDBSnapshotAttributesCommand,
  DescribeDBSnapshotsCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import {
  DescribeInstanceInformationCommand,
  ListComplianceItemsCommand,
  ListResourceComplianceSummariesCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { GetRuleGroupCommand, ListRuleGroupsCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import type { CollectionError } from '@rampart/core';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acmReader } from '../../src/direct/acm.js';
import { apiGatewayReader, apiGatewayV2Reader } from '../../src/direct/apigateway.js';
import { autoScalingReader } from '../../src/direct/autoscaling.js';
import { cloudFrontReader } from '../../src/direct/cloudfront.js';
import { cloudWatchReader } from '../../src/direct/cloudwatch.js';
import { ec2Reader } from '../../src/direct/ec2.js';
import { ecrReader } from '../../src/direct/ecr.js';
import { ecsReader } from '../../src/direct/ecs.js';
import { elbReader } from '../../src/direct/elb.js';
import { elbv2Reader } from '../../src/direct/elbv2.js';
import { kmsReader } from '../../src/direct/kms.js';
import { lambdaReader } from '../../src/direct/lambda.js';
import { rdsReader } from '../../src/direct/rds.js';
import { ssmReader } from '../../src/direct/ssm.js';
import { wafv2Reader } from '../../src/direct/wafv2.js';
import { type ServiceReader, scan } from '../../src/index.js';

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'core', 'tests', 'fixtures', 'config-items');

const sts = mockClient(STSClient);
const ec2 = mockClient(EC2Client);
const elbv2 = mockClient(ElasticLoadBalancingV2Client);
const elb = mockClient(ElasticLoadBalancingClient);
const acm = mockClient(ACMClient);
const apigw = mockClient(APIGatewayClient);
const apigw2 = mockClient(ApiGatewayV2Client);
const cf = mockClient(CloudFrontClient);
const cw = mockClient(CloudWatchClient);
const lambda = mockClient(LambdaClient);
const ecr = mockClient(ECRClient);
const ecs = mockClient(ECSClient);
const as = mockClient(AutoScalingClient);
const ssm = mockClient(SSMClient);
const kms = mockClient(KMSClient);
const rds = mockClient(RDSClient);
const waf = mockClient(WAFV2Client);
const mocks = [sts, ec2, elbv2, elb, acm, apigw, apigw2, cf, cw, lambda, ecr, ecs, as, ssm, kms, rds, waf];

function awsError(name: string): Error {
  return Object.assign(new Error(`${name}: not authorized`), { name, $metadata: {} });
}

/** The configuration keys of a reference fixture (AWS Config's names for the type). */
function fixtureKeys(type: string, file: string): string[] {
  const item = JSON.parse(readFileSync(join(FIXTURES, type, file), 'utf8')) as { configuration: object };
  return Object.keys(item.configuration).sort();
}

async function run(reader: ServiceReader, types: readonly string[]) {
  const items: Record<string, unknown>[] = [];
  const errors: CollectionError[] = [];
  await scan(
    {
      regions: [REGION],
      source: 'direct',
      credentials: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }),
      now: () => new Date('2026-11-29T08:00:00Z'),
      maxAttempts: 1,
      readers: [reader],
      types: new Set(types),
    },
    { item: (i) => items.push(i as Record<string, unknown>), error: (e) => errors.push(e) },
  );
  const of = (type: string) => items.filter((i) => i['resourceType'] === type);
  return { items, errors, of };
}

const denied = (types: string[], operation: string, service: string) =>
  expect.objectContaining({ region: REGION, service, operation, resourceTypes: types, code: 'AccessDeniedException' });

beforeEach(() => {
  for (const m of mocks) m.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT });
});
afterEach(() => {
  for (const m of mocks) m.reset();
});

describe('EC2 network resources', () => {
  it('reads NACLs with the fixture field names, paging, and Elastic IPs by allocation id', async () => {
    ec2
      .on(DescribeNetworkAclsCommand)
      .resolvesOnce({
        NetworkAcls: [
          {
            NetworkAclId: 'acl-1',
            VpcId: 'vpc-1',
            IsDefault: false,
            OwnerId: ACCOUNT,
            Associations: [{ NetworkAclAssociationId: 'a1', NetworkAclId: 'acl-1', SubnetId: 'subnet-1' }],
            Entries: [{ CidrBlock: '0.0.0.0/0', Egress: false, Protocol: '-1', RuleAction: 'deny', RuleNumber: 32767 }],
            Tags: [{ Key: 'Name', Value: 'private' }],
          },
        ],
        NextToken: 'n',
      })
      .resolvesOnce({ NetworkAcls: [{ NetworkAclId: 'acl-2', VpcId: 'vpc-1', Associations: [], Entries: [] }] });
    ec2.on(DescribeAddressesCommand).resolves({
      Addresses: [{ AllocationId: 'eipalloc-1', PublicIp: '52.0.0.1', Domain: 'vpc', NetworkInterfaceId: 'eni-1' }],
    });
    const { of, errors } = await run(ec2Reader, ['AWS::EC2::NetworkAcl', 'AWS::EC2::EIP']);
    expect(errors).toEqual([]);
    const acls = of('AWS::EC2::NetworkAcl');
    expect(acls.map((a) => a['resourceId'])).toEqual(['acl-1', 'acl-2']);
    expect(Object.keys(acls[0]!['configuration'] as object).sort()).toEqual(
      fixtureKeys('AWS::EC2::NetworkAcl', 'private-subnets.json'),
    );
    expect(acls[0]).toMatchObject({
      ARN: `arn:aws:ec2:${REGION}:${ACCOUNT}:network-acl/acl-1`,
      tags: { Name: 'private' },
      configuration: { tags: [{ key: 'Name', value: 'private' }], associations: [{ subnetId: 'subnet-1' }] },
      relationships: [
        { resourceType: 'AWS::EC2::Subnet', resourceId: 'subnet-1', name: 'Is attached to Subnet' },
        { resourceType: 'AWS::EC2::VPC', resourceId: 'vpc-1', name: 'Is contained in Vpc' },
      ],
    });
    expect(of('AWS::EC2::EIP')[0]).toMatchObject({
      resourceId: 'eipalloc-1',
      ARN: null,
      configuration: { allocationId: 'eipalloc-1', publicIp: '52.0.0.1', networkInterfaceId: 'eni-1' },
    });
  });

  it('AccessDenied on one type leaves only that type unknown', async () => {
    ec2.on(DescribeNetworkAclsCommand).rejects(awsError('UnauthorizedOperation'));
    ec2.on(DescribeAddressesCommand).resolves({ Addresses: [] });
    const { errors } = await run(ec2Reader, ['AWS::EC2::NetworkAcl', 'AWS::EC2::EIP']);
    expect(errors).toEqual([
      expect.objectContaining({
        operation: 'DescribeNetworkAcls',
        resourceTypes: ['AWS::EC2::NetworkAcl'],
        code: 'UnauthorizedOperation',
      }),
    ]);
  });
});

describe('Elastic Load Balancing', () => {
  const lbArn = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/web/1`;
  it('reads ALBs with attributes and tags, and their listeners in PascalCase, paging both', async () => {
    elbv2
      .on(DescribeLoadBalancersCommand)
      .resolvesOnce({
        LoadBalancers: [
          {
            LoadBalancerArn: lbArn,
            LoadBalancerName: 'web',
            DNSName: 'web.elb',
            Scheme: 'internet-facing',
            Type: 'application',
            VpcId: 'vpc-1',
            State: { Code: 'active' },
            SecurityGroups: ['sg-1'],
            AvailabilityZones: [{ ZoneName: 'eu-west-1a', SubnetId: 'subnet-1' }],
          },
        ],
        NextMarker: 'm',
      })
      .resolvesOnce({ LoadBalancers: [] });
    elbv2
      .on(DescribeTagsCommand)
      .resolves({ TagDescriptions: [{ ResourceArn: lbArn, Tags: [{ Key: 'team', Value: 'web' }] }] });
    elbv2.on(DescribeLoadBalancerAttributesCommand).resolves({
      Attributes: [{ Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' }],
    });
    elbv2
      .on(DescribeListenersCommand)
      .resolvesOnce({
        Listeners: [
          {
            ListenerArn: `${lbArn}/l1`,
            LoadBalancerArn: lbArn,
            Port: 80,
            Protocol: 'HTTP',
            DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', StatusCode: 'HTTP_301' } }],
          },
        ],
        NextMarker: 'n',
      })
      .resolvesOnce({ Listeners: [] });
    const { of, errors } = await run(elbv2Reader, [
      'AWS::ElasticLoadBalancingV2::LoadBalancer',
      'AWS::ElasticLoadBalancingV2::Listener',
    ]);
    expect(errors).toEqual([]);
    expect(of('AWS::ElasticLoadBalancingV2::LoadBalancer')[0]).toMatchObject({
      resourceId: lbArn,
      resourceName: 'web',
      tags: { team: 'web' },
      configuration: { loadBalancerArn: lbArn, dNSName: 'web.elb', type: 'application', state: { code: 'active' } },
      supplementaryConfiguration: {
        LoadBalancerAttributes: [{ key: 'routing.http.drop_invalid_header_fields.enabled', value: 'true' }],
        Tags: [{ key: 'team', value: 'web' }],
      },
    });
    const listener = of('AWS::ElasticLoadBalancingV2::Listener')[0]!;
    expect(listener).toMatchObject({
      resourceId: `${lbArn}/l1`,
      configuration: {
        ListenerArn: `${lbArn}/l1`,
        LoadBalancerArn: lbArn,
        Port: 80,
        Protocol: 'HTTP',
        Certificates: [],
      },
    });
    expect(Object.keys(listener['configuration'] as object).sort()).toEqual(
      fixtureKeys('AWS::ElasticLoadBalancingV2::Listener', 'http-redirect.json'),
    );
  });

  it('AccessDenied on DescribeLoadBalancers names both ELBv2 types', async () => {
    elbv2.on(DescribeLoadBalancersCommand).rejects(awsError('AccessDenied'));
    const { errors } = await run(elbv2Reader, [
      'AWS::ElasticLoadBalancingV2::LoadBalancer',
      'AWS::ElasticLoadBalancingV2::Listener',
    ]);
    expect(errors).toEqual([
      expect.objectContaining({
        operation: 'DescribeLoadBalancers',
        resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancingV2::Listener'],
        code: 'AccessDenied',
      }),
    ]);
  });

  it('reads Classic Load Balancers with AWS Config spellings (dnsname, vpcid, sslcertificateId)', async () => {
    elb.on(DescribeClassicCommand).resolves({
      LoadBalancerDescriptions: [
        {
          LoadBalancerName: 'legacy',
          DNSName: 'legacy.elb',
          VPCId: 'vpc-1',
          Scheme: 'internet-facing',
          ListenerDescriptions: [
            {
              Listener: {
                Protocol: 'HTTPS',
                LoadBalancerPort: 443,
                InstanceProtocol: 'HTTP',
                InstancePort: 80,
                SSLCertificateId: 'arn:aws:acm:x',
              },
              PolicyNames: ['p'],
            },
          ],
          Policies: { AppCookieStickinessPolicies: [], LBCookieStickinessPolicies: [], OtherPolicies: ['p'] },
        },
      ],
    });
    elb.on(DescribeClassicTagsCommand).resolves({ TagDescriptions: [{ LoadBalancerName: 'legacy', Tags: [] }] });
    elb.on(DescribeClassicAttributesCommand).resolves({
      LoadBalancerAttributes: { AccessLog: { Enabled: true, S3BucketName: 'logs', EmitInterval: 60 } },
    });
    elb
      .on(DescribeLoadBalancerPoliciesCommand)
      .resolves({ PolicyDescriptions: [{ PolicyName: 'p', PolicyTypeName: 'SSLNegotiationPolicyType' }] });
    const { of, errors } = await run(elbReader, ['AWS::ElasticLoadBalancing::LoadBalancer']);
    expect(errors).toEqual([]);
    expect(of('AWS::ElasticLoadBalancing::LoadBalancer')[0]).toMatchObject({
      resourceId: 'legacy',
      ARN: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/legacy`,
      configuration: {
        dnsname: 'legacy.elb',
        vpcid: 'vpc-1',
        listenerDescriptions: [
          { listener: { protocol: 'HTTPS', sslcertificateId: 'arn:aws:acm:x' }, policyNames: ['p'] },
        ],
        policies: { lbcookieStickinessPolicies: [], otherPolicies: ['p'] },
      },
      supplementaryConfiguration: {
        LoadBalancerAttributes: { accessLog: { enabled: true, s3BucketName: 'logs', emitInterval: 60 } },
        LoadBalancerPolicies: [{ policyName: 'p', policyTypeName: 'SSLNegotiationPolicyType' }],
      },
    });
  });
});

describe('ACM, API Gateway, CloudFront, CloudWatch', () => {
  it('lists every key type of certificate and describes each, paging', async () => {
    const arn = `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/1`;
    acm
      .on(ListCertificatesCommand)
      .resolvesOnce({ CertificateSummaryList: [{ CertificateArn: arn }], NextToken: 'n' })
      .resolvesOnce({ CertificateSummaryList: [] });
    acm.on(DescribeCertificateCommand).resolves({
      Certificate: {
        CertificateArn: arn,
        DomainName: 'example.com',
        NotAfter: new Date('2027-01-01T00:00:00Z'),
        Status: 'ISSUED',
        Type: 'AMAZON_ISSUED',
      },
    });
    acm.on(ListTagsForCertificateCommand).resolves({ Tags: [] });
    const { of, errors } = await run(acmReader, ['AWS::ACM::Certificate']);
    expect(errors).toEqual([]);
    expect(of('AWS::ACM::Certificate')[0]).toMatchObject({
      resourceId: arn,
      configuration: { certificateArn: arn, notAfter: '2027-01-01T00:00:00.000Z', status: 'ISSUED', inUseBy: [] },
    });
    expect(acm.commandCalls(ListCertificatesCommand)[0]!.args[0].input.Includes?.keyTypes).toContain('EC_prime256v1');
  });

  it('reads REST and HTTP/WebSocket stages with AWS Config ids, keeping user-chosen map keys', async () => {
    apigw.on(GetRestApisCommand).resolves({ items: [{ id: 'a1' }] });
    apigw.on(GetStagesCommand).resolves({
      item: [
        { stageName: 'prod', methodSettings: { 'Orders/GET': { loggingLevel: 'INFO' } }, variables: { Env: 'prod' } },
      ],
    });
    apigw2
      .on(GetApisCommand)
      .resolvesOnce({
        Items: [{ ApiId: 'w1', Name: 'ws', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: 'x' }],
        NextToken: 'n',
      })
      .resolvesOnce({ Items: [] });
    apigw2.on(GetV2StagesCommand).resolves({
      Items: [
        {
          StageName: 'prod',
          DefaultRouteSettings: { LoggingLevel: 'ERROR' },
          RouteSettings: { $connect: { LoggingLevel: 'INFO' }, 'GET /Items': { LoggingLevel: 'OFF' } },
          StageVariables: { Mode: 'x' },
        },
      ],
    });
    const rest = await run(apiGatewayReader, ['AWS::ApiGateway::Stage']);
    expect(rest.errors).toEqual([]);
    expect(rest.of('AWS::ApiGateway::Stage')[0]).toMatchObject({
      resourceId: `arn:aws:apigateway:${REGION}::/restapis/a1/stages/prod`,
      resourceName: 'prod',
      configuration: {
        stageName: 'prod',
        methodSettings: { 'Orders/GET': { loggingLevel: 'INFO' } },
        variables: { Env: 'prod' },
        clientCertificateId: null,
      },
    });
    const v2 = await run(apiGatewayV2Reader, ['AWS::ApiGatewayV2::Stage']);
    expect(v2.errors).toEqual([]);
    expect(v2.of('AWS::ApiGatewayV2::Stage')[0]).toMatchObject({
      resourceId: `arn:aws:apigateway:${REGION}::/apis/w1/stages/prod`,
      configuration: {
        stageName: 'prod',
        defaultRouteSettings: { loggingLevel: 'ERROR' },
        routeSettings: { $connect: { loggingLevel: 'INFO' }, 'GET /Items': { loggingLevel: 'OFF' } },
        stageVariables: { Mode: 'x' },
      },
    });
  });

  it('AccessDenied on GetRestApis names the REST stage type', async () => {
    apigw.on(GetRestApisCommand).rejects(awsError('AccessDeniedException'));
    const { errors } = await run(apiGatewayReader, ['AWS::ApiGateway::Stage']);
    expect(errors).toEqual([denied(['AWS::ApiGateway::Stage'], 'GetRestApis', 'api-gateway')]);
  });

  it('reads CloudFront distributions as global items with AWS Config spellings', async () => {
    const arn = `arn:aws:cloudfront::${ACCOUNT}:distribution/E1`;
    cf.on(ListDistributionsCommand).resolves({
      DistributionList: { Items: [{ Id: 'E1' } as never], IsTruncated: false, Marker: '', MaxItems: 100, Quantity: 1 },
    });
    cf.on(GetDistributionCommand).resolves({
      Distribution: {
        Id: 'E1',
        ARN: arn,
        DomainName: 'd1.cloudfront.net',
        Status: 'Deployed',
        DistributionConfig: {
          Enabled: true,
          WebACLId: 'arn:waf',
          ViewerCertificate: {
            ACMCertificateArn: 'arn:acm',
            SSLSupportMethod: 'sni-only',
            MinimumProtocolVersion: 'TLSv1.2_2021',
          },
        } as never,
      } as never,
    });
    cf.on(ListCfTagsCommand).resolves({ Tags: { Items: [{ Key: 'app', Value: 'web' }] } });
    const { of, errors } = await run(cloudFrontReader, ['AWS::CloudFront::Distribution']);
    expect(errors).toEqual([]);
    expect(of('AWS::CloudFront::Distribution')[0]).toMatchObject({
      resourceId: 'E1',
      awsRegion: 'global',
      ARN: arn,
      tags: { app: 'web' },
      configuration: {
        arn,
        id: 'E1',
        distributionConfig: {
          enabled: true,
          webACLId: 'arn:waf',
          viewerCertificate: { acmCertificateArn: 'arn:acm', sslSupportMethod: 'sni-only' },
        },
      },
    });
    expect(await cf.call(0).thisValue.config.region()).toBe('us-east-1');
  });

  it('reads metric alarms with `okactions` and without state fields, paging', async () => {
    cw.on(DescribeAlarmsCommand)
      .resolvesOnce({
        MetricAlarms: [
          {
            AlarmName: 'root-usage',
            AlarmArn: `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:root-usage`,
            OKActions: ['arn:ok'],
            AlarmActions: ['arn:sns'],
            StateValue: 'OK',
            ActionsEnabled: true,
          },
        ],
        NextToken: 'n',
      })
      .resolvesOnce({ MetricAlarms: [] });
    const { of, errors } = await run(cloudWatchReader, ['AWS::CloudWatch::Alarm']);
    expect(errors).toEqual([]);
    const alarm = of('AWS::CloudWatch::Alarm')[0]!;
    expect(alarm).toMatchObject({
      resourceId: 'root-usage',
      configuration: {
        alarmName: 'root-usage',
        okactions: ['arn:ok'],
        alarmActions: ['arn:sns'],
        actionsEnabled: true,
      },
    });
    expect(alarm['configuration']).not.toHaveProperty('stateValue');
    expect(alarm['configuration']).not.toHaveProperty('oKActions');
  });
});

describe('Lambda, ECR, ECS, Auto Scaling', () => {
  it('reads functions with their policy (absent when none), paging ListFunctions', async () => {
    lambda
      .on(ListFunctionsCommand)
      .resolvesOnce({
        Functions: [
          { FunctionName: 'f1', FunctionArn: 'arn:f1', VpcConfig: { SubnetIds: ['subnet-1'], SecurityGroupIds: [] } },
        ],
        NextMarker: 'm',
      })
      .resolvesOnce({ Functions: [{ FunctionName: 'f2', FunctionArn: 'arn:f2' }] });
    lambda.on(GetPolicyCommand, { FunctionName: 'f1' }).resolves({ Policy: '{"Statement":[]}' });
    lambda.on(GetPolicyCommand, { FunctionName: 'f2' }).rejects(awsError('ResourceNotFoundException'));
    lambda.on(ListTagsCommand).resolves({ Tags: { app: 'orders' } });
    const { of, errors } = await run(lambdaReader, ['AWS::Lambda::Function']);
    expect(errors).toEqual([]);
    const [f1, f2] = of('AWS::Lambda::Function');
    expect(f1).toMatchObject({
      resourceId: 'f1',
      tags: { app: 'orders' },
      configuration: { functionName: 'f1', vpcConfig: { subnetIds: ['subnet-1'], securityGroupIds: [] } },
      supplementaryConfiguration: { Policy: '{"Statement":[]}', Tags: { app: 'orders' } },
    });
    expect(f2).toMatchObject({ resourceId: 'f2', configuration: { vpcConfig: null } });
    expect(f2!['supplementaryConfiguration']).not.toHaveProperty('Policy');
  });

  it('a denied GetPolicy names the function it leaves unknown', async () => {
    lambda.on(ListFunctionsCommand).resolves({ Functions: [{ FunctionName: 'f1', FunctionArn: 'arn:f1' }] });
    lambda.on(GetPolicyCommand).rejects(awsError('AccessDeniedException'));
    const { of, errors } = await run(lambdaReader, ['AWS::Lambda::Function']);
    expect(of('AWS::Lambda::Function')).toEqual([]);
    expect(errors).toEqual([
      expect.objectContaining({
        operation: 'GetPolicy',
        resourceTypes: ['AWS::Lambda::Function'],
        message: expect.stringContaining('function f1'),
      }),
    ]);
  });

  it('reads ECR repositories in the CloudFormation shape', async () => {
    ecr
      .on(DescribeRepositoriesCommand)
      .resolvesOnce({
        repositories: [
          {
            repositoryName: 'orders-api',
            repositoryArn: 'arn:repo',
            registryId: ACCOUNT,
            repositoryUri: 'uri',
            imageTagMutability: 'IMMUTABLE',
            imageScanningConfiguration: { scanOnPush: true },
            encryptionConfiguration: { encryptionType: 'KMS' },
          },
        ],
        nextToken: 'n',
      })
      .resolvesOnce({ repositories: [] });
    ecr.on(GetLifecyclePolicyCommand).resolves({ lifecyclePolicyText: '{"rules":[]}', registryId: ACCOUNT });
    ecr.on(ListEcrTagsCommand).resolves({ tags: [] });
    const { of, errors } = await run(ecrReader, ['AWS::ECR::Repository']);
    expect(errors).toEqual([]);
    const repo = of('AWS::ECR::Repository')[0]!;
    expect(Object.keys(repo['configuration'] as object).sort()).toEqual(
      fixtureKeys('AWS::ECR::Repository', 'scan-on-push.json'),
    );
    expect(repo).toMatchObject({
      resourceId: 'orders-api',
      configuration: { ImageScanningConfiguration: { ScanOnPush: true } },
    });
  });

  it('reads ECS clusters, services and task definitions in the CloudFormation shape', async () => {
    const clusterArn = `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/orders`;
    ecs.on(ListClustersCommand).resolves({ clusterArns: [clusterArn] });
    ecs.on(DescribeClustersCommand).resolves({
      clusters: [
        {
          clusterArn,
          clusterName: 'orders',
          settings: [{ name: 'containerInsights', value: 'enabled' }],
          capacityProviders: [],
        },
      ],
    });
    ecs.on(ListServicesCommand).resolves({ serviceArns: ['arn:svc'] });
    ecs.on(DescribeServicesCommand).resolves({
      services: [
        { serviceArn: 'arn:svc', serviceName: 'api', clusterArn, launchType: 'FARGATE', platformVersion: 'LATEST' },
      ],
    });
    ecs
      .on(ListTaskDefinitionsCommand)
      .resolvesOnce({ taskDefinitionArns: ['arn:td:7'], nextToken: 'n' })
      .resolvesOnce({ taskDefinitionArns: [] });
    ecs.on(DescribeTaskDefinitionCommand).resolves({
      taskDefinition: {
        taskDefinitionArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/orders-api:7`,
        family: 'orders-api',
        revision: 7,
        status: 'ACTIVE',
        networkMode: 'awsvpc',
        containerDefinitions: [
          {
            name: 'app',
            privileged: false,
            user: '1000',
            logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/x' } },
          },
        ],
      },
    });
    const { of, errors } = await run(ecsReader, ['AWS::ECS::Cluster', 'AWS::ECS::Service', 'AWS::ECS::TaskDefinition']);
    expect(errors).toEqual([]);
    expect(of('AWS::ECS::Cluster')[0]).toMatchObject({
      resourceId: 'orders',
      configuration: {
        ClusterName: 'orders',
        Arn: clusterArn,
        ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }],
      },
    });
    expect(of('AWS::ECS::Service')[0]).toMatchObject({
      resourceId: 'arn:svc',
      configuration: { ServiceName: 'api', Cluster: clusterArn, LaunchType: 'FARGATE', PlatformVersion: 'LATEST' },
      relationships: [{ resourceType: 'AWS::ECS::Cluster', resourceId: 'orders' }],
    });
    expect(of('AWS::ECS::TaskDefinition')[0]).toMatchObject({
      resourceId: 'orders-api:7',
      configuration: {
        Family: 'orders-api',
        Status: 'ACTIVE',
        ContainerDefinitions: [
          {
            Name: 'app',
            Privileged: false,
            User: '1000',
            LogConfiguration: { LogDriver: 'awslogs', Options: { 'awslogs-group': '/ecs/x' } },
          },
        ],
      },
    });
  });

  it('AccessDenied on ListClusters names the cluster and service types', async () => {
    ecs.on(ListClustersCommand).rejects(awsError('AccessDeniedException'));
    const { errors } = await run(ecsReader, ['AWS::ECS::Cluster', 'AWS::ECS::Service']);
    expect(errors).toEqual([denied(['AWS::ECS::Cluster', 'AWS::ECS::Service'], 'ListClusters', 'ecs')]);
  });

  it('reads launch configurations with AutoScaling names, paging', async () => {
    as.on(DescribeLaunchConfigurationsCommand)
      .resolvesOnce({
        LaunchConfigurations: [
          {
            LaunchConfigurationName: 'lc',
            LaunchConfigurationARN: 'arn:lc',
            ImageId: 'ami',
            InstanceType: 't3.micro',
            CreatedTime: new Date(0),
            AssociatePublicIpAddress: true,
          },
        ],
        NextToken: 'n',
      })
      .resolvesOnce({ LaunchConfigurations: [] });
    const { of } = await run(autoScalingReader, ['AWS::AutoScaling::LaunchConfiguration']);
    expect(of('AWS::AutoScaling::LaunchConfiguration')[0]).toMatchObject({
      resourceId: 'lc',
      configuration: { launchConfigurationARN: 'arn:lc', associatePublicIpAddress: true, securityGroups: [] },
    });
  });
});

describe('SSM, KMS, RDS, WAFv2 rule groups', () => {
  it('reads managed nodes and their patch and association compliance in the AWS:ComplianceItem shape', async () => {
    ssm.on(DescribeInstanceInformationCommand).resolves({
      InstanceInformationList: [
        { InstanceId: 'i-1', PingStatus: 'Online', ResourceType: 'EC2Instance', PlatformType: 'Linux' },
      ],
    });
    ssm
      .on(ListResourceComplianceSummariesCommand)
      .resolvesOnce({
        ResourceComplianceSummaryItems: [
          { ComplianceType: 'Patch', ResourceType: 'ManagedInstance', ResourceId: 'i-1' },
        ],
        NextToken: 'n',
      })
      .resolvesOnce({
        ResourceComplianceSummaryItems: [
          { ComplianceType: 'Association', ResourceType: 'ManagedInstance', ResourceId: 'i-1' },
        ],
      });
    ssm.on(ListComplianceItemsCommand).callsFake((input: { Filters: { Values: string[] }[] }) =>
      input.Filters[0]!.Values[0] === 'Patch'
        ? {
            ComplianceItems: [
              {
                ComplianceType: 'Patch',
                Id: 'KB1',
                Title: 'kernel',
                Status: 'NON_COMPLIANT',
                Severity: 'CRITICAL',
                Details: { PatchState: 'Missing' },
              },
            ],
          }
        : {
            ComplianceItems: [
              { ComplianceType: 'Association', Id: 'assoc-1', Status: 'COMPLIANT', Details: { DocumentName: 'AWS-X' } },
            ],
          },
    );
    const { of, errors } = await run(ssmReader, [
      'AWS::SSM::ManagedInstanceInventory',
      'AWS::SSM::PatchCompliance',
      'AWS::SSM::AssociationCompliance',
    ]);
    expect(errors).toEqual([]);
    expect(of('AWS::SSM::ManagedInstanceInventory')[0]).toMatchObject({
      resourceId: 'i-1',
      relationships: [{ resourceType: 'AWS::EC2::Instance', resourceId: 'i-1' }],
      configuration: {
        'AWS:InstanceInformation': { Content: { 'i-1': { InstanceStatus: 'Active', PlatformType: 'Linux' } } },
      },
    });
    expect(of('AWS::SSM::PatchCompliance')[0]).toMatchObject({
      resourceId: 'AWS::SSM::ManagedInstanceInventory/i-1',
      configuration: {
        'AWS:ComplianceItem': {
          ComplianceType: 'Patch',
          Content: { Patch: { KB1: { Id: 'KB1', Title: 'kernel', Status: 'NON_COMPLIANT', PatchState: 'Missing' } } },
        },
      },
    });
    expect(of('AWS::SSM::AssociationCompliance')[0]).toMatchObject({
      configuration: {
        'AWS:ComplianceItem': {
          Content: { Association: { 'assoc-1': { Status: 'COMPLIANT', DocumentName: 'AWS-X' } } },
        },
      },
    });
  });

  it('adds the key policy to KMS keys as supplementaryConfiguration.Policy', async () => {
    kms.on(ListKeysCommand).resolves({ Keys: [{ KeyId: 'k1' }] });
    kms
      .on(DescribeKeyCommand)
      .resolves({ KeyMetadata: { KeyId: 'k1', KeyManager: 'CUSTOMER', KeyState: 'Enabled', Arn: 'arn:k1' } });
    kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: true });
    kms.on(ListResourceTagsCommand).resolves({ Tags: [] });
    kms.on(GetKeyPolicyCommand).resolves({ Policy: '{"Statement":[]}' });
    const { of, errors } = await run(kmsReader, ['AWS::KMS::Key']);
    expect(errors).toEqual([]);
    expect(of('AWS::KMS::Key')[0]!['supplementaryConfiguration']).toEqual({
      KeyRotationStatus: true,
      Policy: '{"Statement":[]}',
    });
    expect(kms.commandCalls(GetKeyPolicyCommand)[0]!.args[0].input).toEqual({ KeyId: 'k1', PolicyName: 'default' });
  });

  it('a denied GetKeyPolicy leaves that key unknown, named', async () => {
    kms.on(ListKeysCommand).resolves({ Keys: [{ KeyId: 'k1' }] });
    kms.on(DescribeKeyCommand).resolves({ KeyMetadata: { KeyId: 'k1', KeyManager: 'AWS', KeyState: 'Enabled' } });
    kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: true });
    kms.on(GetKeyPolicyCommand).rejects(awsError('AccessDeniedException'));
    const { errors } = await run(kmsReader, ['AWS::KMS::Key']);
    expect(errors).toEqual([
      expect.objectContaining({ resourceTypes: ['AWS::KMS::Key'], message: expect.stringContaining('key k1') }),
    ]);
  });

  it('reads RDS clusters and snapshots with AWS Config names and restore attributes', async () => {
    rds.on(DescribeDBClustersCommand).resolves({
      DBClusters: [
        {
          DBClusterIdentifier: 'aurora',
          DbClusterResourceId: 'cluster-ABC',
          EnabledCloudwatchLogsExports: ['postgresql'],
          MultiAZ: true,
        },
      ],
    });
    rds.on(DescribeDBSnapshotsCommand).resolves({ DBSnapshots: [{ DBSnapshotIdentifier: 'snap', Encrypted: false }] });
    rds.on(DescribeDBSnapshotAttributesCommand).resolves({
      DBSnapshotAttributesResult: { DBSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: ['all'] }] },
    });
    rds
      .on(DescribeDBClusterSnapshotsCommand)
      .resolves({ DBClusterSnapshots: [{ DBClusterSnapshotIdentifier: 'csnap', StorageEncrypted: true }] });
    rds.on(DescribeDBClusterSnapshotAttributesCommand).resolves({
      DBClusterSnapshotAttributesResult: {
        DBClusterSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: [] }],
      },
    });
    const { of, errors } = await run(rdsReader, [
      'AWS::RDS::DBCluster',
      'AWS::RDS::DBSnapshot',
      'AWS::RDS::DBClusterSnapshot',
    ]);
    expect(errors).toEqual([]);
    expect(of('AWS::RDS::DBCluster')[0]).toMatchObject({
      resourceId: 'cluster-ABC',
      configuration: {
        dbclusterIdentifier: 'aurora',
        dbClusterResourceId: 'cluster-ABC',
        enabledCloudwatchLogsExports: ['postgresql'],
        multiAZ: true,
      },
    });
    expect(of('AWS::RDS::DBSnapshot')[0]).toMatchObject({
      resourceId: 'snap',
      configuration: { dBSnapshotIdentifier: 'snap', encrypted: false },
      supplementaryConfiguration: { DBSnapshotAttributes: [{ attributeName: 'restore', attributeValues: ['all'] }] },
    });
    expect(of('AWS::RDS::DBClusterSnapshot')[0]).toMatchObject({
      configuration: { dbclusterSnapshotIdentifier: 'csnap', storageEncrypted: true },
    });
  });

  it('reads WAFv2 rule groups with `<name>|<id>|<scope>` ids, paging with NextMarker', async () => {
    waf
      .on(ListRuleGroupsCommand)
      .resolvesOnce({ RuleGroups: [{ Name: 'geo', Id: 'g1', ARN: 'arn:g1' }], NextMarker: 'm' })
      .resolvesOnce({ RuleGroups: [], NextMarker: 'm' });
    waf.on(GetRuleGroupCommand).resolves({
      RuleGroup: {
        Name: 'geo',
        Id: 'g1',
        ARN: 'arn:g1',
        Capacity: 10,
        Rules: [
          {
            Name: 'r',
            Priority: 0,
            Statement: {
              ByteMatchStatement: {
                SearchString: new TextEncoder().encode('bad'),
                FieldToMatch: {},
                TextTransformations: [],
                PositionalConstraint: 'CONTAINS',
              },
            },
            VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'r' },
          },
        ],
        VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'geo' },
      },
    });
    const { of, errors } = await run(wafv2Reader, ['AWS::WAFv2::RuleGroup']);
    expect(errors).toEqual([]);
    expect(of('AWS::WAFv2::RuleGroup')[0]).toMatchObject({
      resourceId: 'geo|g1|REGIONAL',
      configuration: {
        aRN: 'arn:g1',
        visibilityConfig: { cloudWatchMetricsEnabled: true },
        rules: [{ statement: { byteMatchStatement: { searchString: 'bad' } } }],
      },
    });
    expect(waf.commandCalls(ListRuleGroupsCommand)).toHaveLength(2);
  });
});
