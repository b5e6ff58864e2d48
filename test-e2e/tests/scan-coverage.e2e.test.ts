import { ACMClient, RequestCertificateCommand } from '@aws-sdk/client-acm';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { ConfigServiceClient, PutConfigurationRecorderCommand } from '@aws-sdk/client-config-service';
import {
  AllocateAddressCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateNetworkAclCommand,
  CreateNetworkInterfaceCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  EC2Client,
  ModifySubnetAttributeCommand,
} from '@aws-sdk/client-ec2';
import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import { CreateClusterCommand, ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { AddPermissionCommand, CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { defaultReaders } from '@rampart/collectors';
import { CONTROLS } from '@rampart/core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ACCOUNT, motoClientConfig, REGION } from '../support/aws.js';
import { type EvaluationDoc, scanMoto, verdict } from '../support/cli.js';
import { resetMoto } from '../support/moto.js';

/**
 * `rampart scan --source direct` over the resource types and facts the later catalog issues added:
 * EC2 network resources, ELBv2, ACM, Lambda, ECR, ECS, CloudWatch alarms, EventBridge + SNS,
 * Organizations and Config recorders, created in moto through the real SDK.
 *
 * moto 5.2.1 gaps (the readers are covered by aws-sdk-client-mock tests in packages/collectors/tests
 * instead): no IAM Access Analyzer (ListAnalyzers), no Shield GetSubscriptionState, no SSM
 * DescribeInstanceInformation / ListResourceComplianceSummaries, no Network Firewall policies or rule
 * groups. Those reads fail, are reported as collection errors, and the controls that need them give
 * INSUFFICIENT_DATA naming the failed call; the scan exits 3.
 */

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** An empty ZIP archive (end-of-central-directory record only): enough code for CreateFunction. */
const EMPTY_ZIP = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

interface World {
  publicSubnet: string;
  privateSubnet: string;
  igwRouteTable: string;
  unusedAcl: string;
  eniGroup: string;
  lonelyGroup: string;
  albArn: string;
  certificateArn: string;
}

async function createWorld(): Promise<World> {
  const config = motoClientConfig();
  const ec2 = new EC2Client(config);
  const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.20.0.0/16' }))).Vpc!.VpcId!;
  const publicSubnet = (
    await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: '10.20.0.0/24', AvailabilityZone: `${REGION}a` }))
  ).Subnet!.SubnetId!;
  await ec2.send(new ModifySubnetAttributeCommand({ SubnetId: publicSubnet, MapPublicIpOnLaunch: { Value: true } }));
  const privateSubnet = (
    await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: '10.20.1.0/24', AvailabilityZone: `${REGION}b` }))
  ).Subnet!.SubnetId!;
  const igw = (await ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!;
  await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpc }));
  const igwRouteTable = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpc }))).RouteTable!.RouteTableId!;
  await ec2.send(
    new CreateRouteCommand({ RouteTableId: igwRouteTable, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw }),
  );
  const unusedAcl = (await ec2.send(new CreateNetworkAclCommand({ VpcId: vpc }))).NetworkAcl!.NetworkAclId!;
  const eniGroup = (
    await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'web', Description: 'web', VpcId: vpc }))
  ).GroupId!;
  const lonelyGroup = (
    await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'unused', Description: 'unused', VpcId: vpc }))
  ).GroupId!;
  await ec2.send(new CreateNetworkInterfaceCommand({ SubnetId: privateSubnet, Groups: [eniGroup] }));
  await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));

  const elb = new ElasticLoadBalancingV2Client(config);
  const albArn = (
    await elb.send(
      new CreateLoadBalancerCommand({
        Name: 'web',
        Subnets: [publicSubnet, privateSubnet],
        SecurityGroups: [eniGroup],
        Scheme: 'internet-facing',
        Type: 'application',
      }),
    )
  ).LoadBalancers![0]!.LoadBalancerArn!;
  await elb.send(
    new CreateListenerCommand({
      LoadBalancerArn: albArn,
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [
        { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } },
      ],
    }),
  );

  const certificateArn = (
    await new ACMClient(config).send(new RequestCertificateCommand({ DomainName: 'www.example.com' }))
  ).CertificateArn!;

  const role = (
    await new IAMClient(config).send(new CreateRoleCommand({ RoleName: 'fn', AssumeRolePolicyDocument: TRUST }))
  ).Role!.Arn!;
  const lambda = new LambdaClient(config);
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: 'open-fn',
      Runtime: 'nodejs20.x',
      Role: role,
      Handler: 'index.handler',
      Code: { ZipFile: EMPTY_ZIP },
    }),
  );
  await lambda.send(
    new AddPermissionCommand({
      FunctionName: 'open-fn',
      StatementId: 'anyone',
      Action: 'lambda:InvokeFunction',
      Principal: '*',
    }),
  );

  const ecr = new ECRClient(config);
  await ecr.send(
    new CreateRepositoryCommand({ repositoryName: 'scanned', imageScanningConfiguration: { scanOnPush: true } }),
  );
  await ecr.send(
    new CreateRepositoryCommand({ repositoryName: 'unscanned', imageScanningConfiguration: { scanOnPush: false } }),
  );

  const ecs = new ECSClient(config);
  await ecs.send(
    new CreateClusterCommand({ clusterName: 'insights', settings: [{ name: 'containerInsights', value: 'enabled' }] }),
  );
  await ecs.send(new CreateClusterCommand({ clusterName: 'blind' }));
  await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'root-app',
      containerDefinitions: [{ name: 'app', image: 'nginx', memory: 128, privileged: true }],
    }),
  );

  const sns = new SNSClient(config);
  const topic = (await sns.send(new CreateTopicCommand({ Name: 'security-alerts' }))).TopicArn!;
  await sns.send(
    new SubscribeCommand({ TopicArn: topic, Protocol: 'sqs', Endpoint: `arn:aws:sqs:${REGION}:${ACCOUNT}:soc` }),
  );
  const cw = new CloudWatchClient(config);
  const alarm = {
    MetricName: 'RootAccountUsageCount',
    Namespace: 'CISBenchmark',
    Statistic: 'Sum' as const,
    Period: 300,
    EvaluationPeriods: 1,
    Threshold: 1,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold' as const,
  };
  await cw.send(
    new PutMetricAlarmCommand({
      ...alarm,
      AlarmName: 'root-usage',
      AlarmActions: [topic],
      InsufficientDataActions: [topic],
    }),
  );
  await cw.send(new PutMetricAlarmCommand({ ...alarm, AlarmName: 'silent' }));

  const events = new EventBridgeClient(config);
  for (const [name, source, detailType] of [
    ['guardduty-findings', 'aws.guardduty', 'GuardDuty Finding'],
    ['securityhub-findings', 'aws.securityhub', 'Security Hub Findings - Imported'],
  ] as const) {
    await events.send(
      new PutRuleCommand({
        Name: name,
        EventPattern: JSON.stringify({ source: [source], 'detail-type': [detailType] }),
        State: 'ENABLED',
      }),
    );
    await events.send(new PutTargetsCommand({ Rule: name, Targets: [{ Id: 'sns', Arn: topic }] }));
  }

  await new OrganizationsClient(config).send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  await new ConfigServiceClient(config).send(
    new PutConfigurationRecorderCommand({
      ConfigurationRecorder: {
        name: 'default',
        roleARN: `arn:aws:iam::${ACCOUNT}:role/config`,
        recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
      },
    }),
  );

  return { publicSubnet, privateSubnet, igwRouteTable, unusedAcl, eniGroup, lonelyGroup, albArn, certificateArn };
}

describe('rampart scan against moto: collectors for the grown catalog', () => {
  let world: World;
  let doc: EvaluationDoc;
  let exitCode: number | null;
  let stderr: string;

  beforeAll(async () => {
    const endpoint = inject('motoEndpoint');
    await resetMoto(endpoint);
    world = await createWorld();
    const run = await scanMoto(endpoint, REGION);
    exitCode = run.code;
    stderr = run.stderr;
    doc = run.doc;
  }, 180_000);

  it('judges subnets, route tables, network ACLs and security groups through their ENIs', () => {
    expect(verdict(doc, 'subnet-auto-assign-public-ip-disabled', world.publicSubnet).compliance).toBe('NON_COMPLIANT');
    expect(verdict(doc, 'subnet-auto-assign-public-ip-disabled', world.privateSubnet).compliance).toBe('COMPLIANT');
    const route = verdict(doc, 'no-unrestricted-route-to-igw', world.igwRouteTable);
    expect(route.compliance).toBe('NON_COMPLIANT');
    expect(route.annotation).toContain('0.0.0.0/0');
    expect(verdict(doc, 'vpc-network-acl-unused-check', world.unusedAcl).compliance).toBe('NON_COMPLIANT');
    expect(verdict(doc, 'ec2-security-group-attached-to-eni-periodic', world.eniGroup).compliance).toBe('COMPLIANT');
    expect(verdict(doc, 'ec2-security-group-attached-to-eni-periodic', world.lonelyGroup).compliance).toBe(
      'NON_COMPLIANT',
    );
  });

  it('judges the ALB (listeners, attributes, WAF associations) and the ACM certificate', () => {
    expect(verdict(doc, 'alb-http-to-https-redirection-check', world.albArn).compliance).toBe('COMPLIANT');
    expect(verdict(doc, 'alb-waf-enabled', world.albArn).compliance).toBe('NON_COMPLIANT');
    expect(verdict(doc, 'alb-http-drop-invalid-header-enabled', world.albArn).compliance).toMatch(
      /^(COMPLIANT|NON_COMPLIANT)$/,
    );
    expect(verdict(doc, 'acm-certificate-expiration-check', world.certificateArn).compliance).not.toBe(
      'INSUFFICIENT_DATA',
    );
  });

  it('judges Lambda policies and VPC placement, ECR scanning, ECS clusters and task definitions', () => {
    expect(verdict(doc, 'lambda-function-public-access-prohibited', 'open-fn').compliance).toBe('NON_COMPLIANT');
    expect(verdict(doc, 'lambda-inside-vpc', 'open-fn').compliance).toBe('NON_COMPLIANT');
    expect(verdict(doc, 'ecr-private-image-scanning-enabled', 'scanned').compliance).toBe('COMPLIANT');
    expect(verdict(doc, 'ecr-private-image-scanning-enabled', 'unscanned').compliance).toBe('NON_COMPLIANT');
    expect(verdict(doc, 'ecs-container-insights-enabled', 'insights').compliance).toBe('COMPLIANT');
    expect(verdict(doc, 'ecs-container-insights-enabled', 'blind').compliance).toBe('NON_COMPLIANT');
    expect(verdict(doc, 'ecs-containers-nonprivileged', 'root-app:1').compliance).toBe('NON_COMPLIANT');
  });

  it('judges CloudWatch alarm actions and finding alerting through EventBridge and SNS', () => {
    expect(verdict(doc, 'cloudwatch-alarm-action-check', 'root-usage').compliance).toBe('COMPLIANT');
    expect(verdict(doc, 'cloudwatch-alarm-action-check', 'silent').compliance).toBe('NON_COMPLIANT');
    const alerting = verdict(doc, 'security-findings-alerting-enabled', ACCOUNT);
    expect(alerting.compliance).toBe('COMPLIANT');
    expect(alerting.annotation).toContain('security-alerts');
  });

  it('judges organization membership and the Config recorder from their facts', () => {
    expect(verdict(doc, 'account-part-of-organizations', ACCOUNT).compliance).toBe('COMPLIANT');
    expect(verdict(doc, 'config-enabled-all-resources', ACCOUNT).compliance).not.toBe('INSUFFICIENT_DATA');
  });

  it('reports what moto 5.2.1 cannot serve (Access Analyzer, Shield, SSM inventory) as INSUFFICIENT_DATA with the reason', () => {
    expect(exitCode).toBe(3);
    const analyzer = verdict(doc, 'iam-external-access-analyzer-enabled', ACCOUNT);
    expect(analyzer.compliance).toBe('INSUFFICIENT_DATA');
    expect(analyzer.annotation).toContain('ListAnalyzers');
    expect(verdict(doc, 'shield-advanced-enabled-autorenew', ACCOUNT).compliance).toBe('INSUFFICIENT_DATA');
    expect(stderr).toContain('accessanalyzer ListAnalyzers');
    expect(stderr).toContain('shield GetSubscriptionState');
    expect(stderr).toContain('ssm DescribeInstanceInformation');
    expect(doc.scope.incomplete).toContainEqual(
      expect.objectContaining({
        region: REGION,
        resourceTypes: expect.arrayContaining(['AWS::SSM::ManagedInstanceInventory']),
      }),
    );
  });

  it('gives a real verdict for every control whose types the collectors read, except where moto lacks the API', () => {
    // The catalog keeps growing; controls whose types no collector reads yet are listed in the
    // collectors README and judged here only once a collector exists.
    const collected = new Set(defaultReaders().flatMap((r) => [...r.resourceTypes, ...r.factTypes]));
    const covered = new Set(
      CONTROLS.filter((c) =>
        [...c.resourceTypes, ...c.needs].every((t) => t === 'AWS::::Account' || collected.has(t)),
      ).map((c) => c.id),
    );
    const motoGap = /accessanalyzer|shield|ssm |ListFirewallPolicies|ListRuleGroups|GetEnabledStandards/;
    const unexplained = doc.evaluations.filter(
      (e) => covered.has(e.controlId) && e.compliance === 'INSUFFICIENT_DATA' && !motoGap.test(e.annotation),
    );
    expect(unexplained.map((e) => `${e.controlId} ${e.resourceId}: ${e.annotation}`)).toEqual([]);
    expect(covered.size).toBeGreaterThan(100);
  });
});
