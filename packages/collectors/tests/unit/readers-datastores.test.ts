import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BackupClient, ListBackupVaultsCommand, ListRecoveryPointsByBackupVaultCommand } from '@aws-sdk/client-backup';
import { BatchGetProjectsCommand, CodeBuildClient, ListProjectsCommand } from '@aws-sdk/client-codebuild';
import {
  DatabaseMigrationServiceClient,
  DescribeReplicationInstancesCommand,
  ListTagsForResourceCommand as ListDmsTagsCommand,
} from '@aws-sdk/client-database-migration-service';
import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ListTagsOfResourceCommand,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeAccessPointsCommand,
  DescribeBackupPolicyCommand,
  DescribeFileSystemsCommand,
  DescribeLifecycleConfigurationCommand,
  EFSClient,
} from '@aws-sdk/client-efs';
import {
  DescribeConfigurationSettingsCommand,
  DescribeEnvironmentsCommand,
  ElasticBeanstalkClient,
  ListTagsForResourceCommand as ListEbTagsCommand,
} from '@aws-sdk/client-elastic-beanstalk';
import {
  DescribeElasticsearchDomainsCommand,
  ElasticsearchServiceClient,
  ListDomainNamesCommand as ListEsDomainNamesCommand,
  ListTagsCommand as ListEsTagsCommand,
} from '@aws-sdk/client-elasticsearch-service';
import {
  DescribeClusterCommand,
  DescribeSecurityConfigurationCommand,
  EMRClient,
  ListClustersCommand,
  ListInstancesCommand,
} from '@aws-sdk/client-emr';
import {
  DescribeStreamSummaryCommand,
  KinesisClient,
  ListStreamsCommand,
  ListTagsForStreamCommand,
} from '@aws-sdk/client-kinesis';
import {
  DescribeDomainsCommand,
  ListDomainNamesCommand,
  ListTagsCommand,
  OpenSearchClient,
} from '@aws-sdk/client-opensearch';
import {
  DescribeDBClusterParameterGroupsCommand,
  DescribeDBClusterParametersCommand,
  DescribeDBParameterGroupsCommand,
  DescribeDBParametersCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import {
  DescribeClusterParameterGroupsCommand,
  DescribeClusterParametersCommand,
  DescribeClustersCommand,
  DescribeLoggingStatusCommand,
  RedshiftClient,
} from '@aws-sdk/client-redshift';
import {
  DescribeEndpointConfigCommand,
  DescribeNotebookInstanceCommand,
  ListEndpointConfigsCommand,
  ListNotebookInstancesCommand,
  ListTagsCommand as ListSageMakerTagsCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { type CollectionError, factType } from '@rampart/core';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupReader } from '../../src/direct/backup.js';
import { codeBuildReader } from '../../src/direct/codebuild.js';
import { dmsReader } from '../../src/direct/dms.js';
import { dynamoDbReader } from '../../src/direct/dynamodb.js';
import { efsReader } from '../../src/direct/efs.js';
import { elasticBeanstalkReader } from '../../src/direct/elasticbeanstalk.js';
import { emrReader, kerberosOf, SecurityConfigurationParseError } from '../../src/direct/emr.js';
import { kinesisReader } from '../../src/direct/kinesis.js';
import { elasticsearchReader, openSearchReader } from '../../src/direct/opensearch.js';
import { rdsReader } from '../../src/direct/rds.js';
import { redshiftReader } from '../../src/direct/redshift.js';
import { sageMakerReader } from '../../src/direct/sagemaker.js';
import { defaultReaders, type ServiceReader, scan } from '../../src/index.js';

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'core', 'tests', 'fixtures', 'config-items');

const sts = mockClient(STSClient);
const redshift = mockClient(RedshiftClient);
const os = mockClient(OpenSearchClient);
const es = mockClient(ElasticsearchServiceClient);
const cb = mockClient(CodeBuildClient);
const ddb = mockClient(DynamoDBClient);
const efs = mockClient(EFSClient);
const sm = mockClient(SageMakerClient);
const backup = mockClient(BackupClient);
const kinesis = mockClient(KinesisClient);
const dms = mockClient(DatabaseMigrationServiceClient);
const eb = mockClient(ElasticBeanstalkClient);
const emr = mockClient(EMRClient);
const rds = mockClient(RDSClient);
const mocks: { reset(): unknown }[] = [sts, redshift, os, es, cb, ddb, efs, sm, backup, kinesis, dms, eb, emr, rds];

function awsError(name: string): Error {
  return Object.assign(new Error(`${name}: not authorized`), { name, $metadata: {} });
}

interface Fixture {
  resourceId: string;
  resourceName: string | null;
  ARN: string;
  tags: Record<string, string>;
  relationships: unknown[];
  configuration: Record<string, unknown>;
  supplementaryConfiguration: Record<string, unknown>;
}

function fixture(type: string, file: string): Fixture {
  return JSON.parse(readFileSync(join(FIXTURES, type, file), 'utf8')) as Fixture;
}

/** The parts of a fixture an item read directly must reproduce exactly. */
function expectedItem(f: Fixture) {
  return {
    resourceId: f.resourceId,
    resourceName: f.resourceName,
    ARN: f.ARN,
    tags: f.tags,
    relationships: f.relationships,
    configuration: f.configuration,
    supplementaryConfiguration: f.supplementaryConfiguration,
  };
}

/** An API object from an AWS Config configuration: the first letter of every key in upper case. */
function upper(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(upper);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k[0]!.toUpperCase() + k.slice(1), upper(v)]));
  }
  return value;
}

const apiTags = (tags: Record<string, string>) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

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
  const facts = new Map<string, Record<string, unknown>>();
  for (const item of items) {
    const type = item['resourceType'] as string;
    if (!type.startsWith('Rampart::')) continue;
    // Throws on a value the catalog would reject.
    factType(type)!.schema.parse(item['configuration']);
    facts.set(type, item['configuration'] as Record<string, unknown>);
  }
  // Readers emit as reads finish: sort for stable assertions.
  const of = (type: string) =>
    items
      .filter((i) => i['resourceType'] === type)
      .sort((a, b) => String(a['resourceId']).localeCompare(String(b['resourceId'])));
  return { items, errors, facts, of };
}

const denied = (types: string[], operation: string, service: string, subject?: string) =>
  expect.objectContaining({
    accountId: ACCOUNT,
    region: REGION,
    service,
    operation,
    resourceTypes: types,
    code: 'AccessDeniedException',
    ...(subject !== undefined ? { message: expect.stringContaining(subject) } : {}),
  });

beforeEach(() => {
  for (const m of mocks) m.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT });
});
afterEach(() => {
  for (const m of mocks) m.reset();
});

describe('registration', () => {
  it('the default readers cover every data-store type and fact of the catalog', () => {
    const known = new Set(defaultReaders().flatMap((r) => [...r.resourceTypes, ...r.factTypes]));
    for (const type of [
      'AWS::Redshift::Cluster',
      'AWS::Redshift::ClusterParameterGroup',
      'AWS::OpenSearch::Domain',
      'AWS::Elasticsearch::Domain',
      'AWS::CodeBuild::Project',
      'AWS::DynamoDB::Table',
      'AWS::EFS::FileSystem',
      'AWS::EFS::AccessPoint',
      'AWS::SageMaker::NotebookInstance',
      'AWS::SageMaker::EndpointConfig',
      'AWS::Backup::RecoveryPoint',
      'AWS::Kinesis::Stream',
      'AWS::DMS::ReplicationInstance',
      'AWS::ElasticBeanstalk::Environment',
      'Rampart::EMR::Clusters',
      'Rampart::ElasticBeanstalk::ManagedActions',
      'Rampart::RDS::ParameterGroupTls',
    ]) {
      expect(known.has(type), type).toBe(true);
    }
  });
});

describe('Redshift', () => {
  const cluster = fixture('AWS::Redshift::Cluster', 'encrypted-private.json');
  const group = fixture('AWS::Redshift::ClusterParameterGroup', 'require-ssl.json');

  it('reads clusters with LoggingStatus and parameter groups with their parameters, exactly as the fixtures, paging', async () => {
    const apiCluster = { ...(upper(cluster.configuration) as object), Tags: apiTags(cluster.tags) };
    redshift
      .on(DescribeClustersCommand)
      .resolvesOnce({ Clusters: [apiCluster as never], Marker: 'm' })
      .resolvesOnce({ Clusters: [{ ClusterIdentifier: 'plain', Encrypted: false }] });
    redshift.on(DescribeLoggingStatusCommand, { ClusterIdentifier: 'orders-dw' }).resolves({
      ...(upper(cluster.supplementaryConfiguration['LoggingStatus']) as object),
    });
    redshift.on(DescribeLoggingStatusCommand, { ClusterIdentifier: 'plain' }).resolves({ LoggingEnabled: false });
    redshift.on(DescribeClusterParameterGroupsCommand).resolves({
      ParameterGroups: [{ ...(upper(group.configuration) as object), Tags: [] }],
    });
    const params = (upper(group.supplementaryConfiguration['Parameters']) as object[]).map((p) => ({
      ...p,
      MinimumEngineVersion: 'current',
    }));
    redshift
      .on(DescribeClusterParametersCommand)
      .resolvesOnce({ Parameters: params.slice(0, 1) as never, Marker: 'p2' })
      .resolvesOnce({ Parameters: params.slice(1) as never });

    const { of, errors } = await run(redshiftReader, [
      'AWS::Redshift::Cluster',
      'AWS::Redshift::ClusterParameterGroup',
    ]);
    expect(errors).toEqual([]);
    const clusters = of('AWS::Redshift::Cluster');
    expect(clusters.map((c) => c['resourceId']).sort()).toEqual(['orders-dw', 'plain']);
    expect(clusters.find((c) => c['resourceId'] === 'orders-dw')).toMatchObject(expectedItem(cluster));
    expect(clusters.find((c) => c['resourceId'] === 'plain')).toMatchObject({
      configuration: { encrypted: false, kmsKeyId: null },
      supplementaryConfiguration: { LoggingStatus: { loggingEnabled: false } },
    });
    expect(of('AWS::Redshift::ClusterParameterGroup')).toEqual([expect.objectContaining(expectedItem(group))]);
  });

  it('AccessDenied on DescribeClusters names the cluster type only; a denied parameter read names its group', async () => {
    redshift.on(DescribeClustersCommand).rejects(awsError('AccessDeniedException'));
    redshift.on(DescribeClusterParameterGroupsCommand).resolves({ ParameterGroups: [{ ParameterGroupName: 'g' }] });
    redshift.on(DescribeClusterParametersCommand).rejects(awsError('AccessDeniedException'));
    const { errors, items } = await run(redshiftReader, [
      'AWS::Redshift::Cluster',
      'AWS::Redshift::ClusterParameterGroup',
    ]);
    expect(items).toEqual([]);
    expect(errors).toEqual(
      expect.arrayContaining([
        denied(['AWS::Redshift::Cluster'], 'DescribeClusters', 'redshift'),
        denied(['AWS::Redshift::ClusterParameterGroup'], 'DescribeClusterParameters', 'redshift', 'parameter group g'),
      ]),
    );
    expect(errors).toHaveLength(2);
  });
});

describe('OpenSearch and Elasticsearch', () => {
  const domain = fixture('AWS::OpenSearch::Domain', 'vpc-encrypted.json');
  const legacy = fixture('AWS::Elasticsearch::Domain', 'vpc-encrypted.json');

  it('reads OpenSearch domains in AWS Config PascalCase, leaving out what AWS Config does not record', async () => {
    const c = domain.configuration;
    os.on(ListDomainNamesCommand).resolves({
      DomainNames: [
        { DomainName: 'orders-search', EngineType: 'OpenSearch' },
        { DomainName: 'legacy-logs', EngineType: 'Elasticsearch' },
      ],
    });
    os.on(DescribeDomainsCommand, { DomainNames: ['orders-search'] }).resolves({
      DomainStatusList: [
        {
          DomainId: c['Id'] as string,
          DomainName: 'orders-search',
          ARN: c['Arn'] as string,
          Created: true,
          Deleted: false,
          Endpoints: { vpc: c['DomainEndpoint'] as string },
          Processing: false,
          UpgradeProcessing: false,
          EngineVersion: c['EngineVersion'] as string,
          ClusterConfig: c['ClusterConfig'] as never,
          EBSOptions: c['EBSOptions'] as never,
          AccessPolicies: '{"Version":"2012-10-17","Statement":[]}',
          VPCOptions: {
            VPCId: 'vpc-0f1e2d3c4b5a69788',
            AvailabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
            ...(c['VPCOptions'] as object),
          },
          SnapshotOptions: {},
          CognitoOptions: { Enabled: false },
          EncryptionAtRestOptions: c['EncryptionAtRestOptions'] as never,
          NodeToNodeEncryptionOptions: c['NodeToNodeEncryptionOptions'] as never,
          AdvancedOptions: { 'rest.action.multi.allow_explicit_index': 'true' },
          LogPublishingOptions: c['LogPublishingOptions'] as never,
          ServiceSoftwareOptions: { CurrentVersion: 'OpenSearch_2_13_R20240520', UpdateAvailable: false },
          DomainEndpointOptions: c['DomainEndpointOptions'] as never,
          AdvancedSecurityOptions: c['AdvancedSecurityOptions'] as never,
          AutoTuneOptions: { State: 'ENABLED' },
          ChangeProgressDetails: { ChangeId: 'x' },
          OffPeakWindowOptions: c['OffPeakWindowOptions'] as never,
          SoftwareUpdateOptions: c['SoftwareUpdateOptions'] as never,
          DomainProcessingStatus: 'Active',
          ModifyingProperties: [],
        },
      ],
    });
    os.on(ListTagsCommand).resolves({ TagList: apiTags(domain.tags) });
    const { of, errors } = await run(openSearchReader, ['AWS::OpenSearch::Domain']);
    expect(errors).toEqual([]);
    expect(of('AWS::OpenSearch::Domain')).toEqual([expect.objectContaining(expectedItem(domain))]);
  });

  it('reads Elasticsearch domains in AWS Config bean names (ebsoptions, vpcoptions.vpcid), in batches of 5', async () => {
    const names = ['legacy-logs', 'a1', 'a2', 'a3', 'a4', 'a5'];
    es.on(ListEsDomainNamesCommand).resolves({
      DomainNames: names.map((DomainName) => ({ DomainName, EngineType: 'Elasticsearch' })),
    });
    es.on(DescribeElasticsearchDomainsCommand, { DomainNames: names.slice(0, 5) }).resolves({
      DomainStatusList: [
        {
          DomainId: '123456789012/legacy-logs',
          DomainName: 'legacy-logs',
          ARN: legacy.ARN,
          Created: true,
          Deleted: false,
          Processing: false,
          UpgradeProcessing: false,
          ElasticsearchVersion: '7.10',
          ElasticsearchClusterConfig: upper(legacy.configuration['elasticsearchClusterConfig']) as never,
          EBSOptions: { EBSEnabled: true, VolumeType: 'gp2', VolumeSize: 50 },
          VPCOptions: {
            VPCId: 'vpc-0f1e2d3c4b5a69788',
            SubnetIds: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'],
            AvailabilityZones: ['eu-west-1a', 'eu-west-1b'],
            SecurityGroupIds: ['sg-0c4d5e6f7a8b9c0d3'],
          },
          Endpoints: { vpc: 'vpc-legacy-logs-abcdefghijklmnopqrstuvwx.eu-west-1.es.amazonaws.com' },
          AccessPolicies: '{}',
          CognitoOptions: { Enabled: false },
          AdvancedOptions: {},
          EncryptionAtRestOptions: upper(legacy.configuration['encryptionAtRestOptions']) as never,
          NodeToNodeEncryptionOptions: { Enabled: true },
          DomainEndpointOptions: {
            EnforceHTTPS: true,
            TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07',
            CustomEndpointEnabled: false,
          },
          AdvancedSecurityOptions: { Enabled: false, InternalUserDatabaseEnabled: false },
          LogPublishingOptions: {
            ES_APPLICATION_LOGS: {
              CloudWatchLogsLogGroupArn:
                'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/es/legacy-logs/application',
              Enabled: true,
            },
          },
          SnapshotOptions: { AutomatedSnapshotStartHour: 0 },
          ServiceSoftwareOptions: upper(legacy.configuration['serviceSoftwareOptions']) as never,
          AutoTuneOptions: { State: 'DISABLED' },
          DomainProcessingStatus: 'Active',
        },
        ...names
          .slice(1, 5)
          .map((n) => ({ DomainName: n, DomainId: `x/${n}`, ARN: `arn:${n}`, ElasticsearchVersion: '6.8' })),
      ] as never,
    });
    es.on(DescribeElasticsearchDomainsCommand, { DomainNames: ['a5'] }).resolves({
      DomainStatusList: [{ DomainName: 'a5', DomainId: 'x/a5', ARN: 'arn:a5', ElasticsearchVersion: '6.8' }] as never,
    });
    es.on(ListEsTagsCommand).resolves({ TagList: [] });
    es.on(ListEsTagsCommand, { ARN: legacy.ARN }).resolves({ TagList: apiTags(legacy.tags) });
    const { of, errors } = await run(elasticsearchReader, ['AWS::Elasticsearch::Domain']);
    expect(errors).toEqual([]);
    const domains = of('AWS::Elasticsearch::Domain');
    expect(domains).toHaveLength(6);
    expect(es.commandCalls(DescribeElasticsearchDomainsCommand)).toHaveLength(2);
    expect(domains.find((d) => d['resourceId'] === 'legacy-logs')).toEqual(
      expect.objectContaining(expectedItem(legacy)),
    );
  });

  it('AccessDenied on ListDomainNames names the domain type', async () => {
    os.on(ListDomainNamesCommand).rejects(awsError('AccessDeniedException'));
    const { errors } = await run(openSearchReader, ['AWS::OpenSearch::Domain']);
    expect(errors).toEqual([denied(['AWS::OpenSearch::Domain'], 'ListDomainNames', 'opensearch')]);
    es.on(ListEsDomainNamesCommand).rejects(awsError('AccessDeniedException'));
    const legacyRun = await run(elasticsearchReader, ['AWS::Elasticsearch::Domain']);
    expect(legacyRun.errors).toEqual([
      denied(['AWS::Elasticsearch::Domain'], 'ListDomainNames', 'elasticsearch-service'),
    ]);
  });
});

describe('CodeBuild', () => {
  const project = fixture('AWS::CodeBuild::Project', 'encrypted.json');

  it('reads projects exactly as the fixture (queuedtimeoutInMinutes, the role relationship), paging ListProjects', async () => {
    const { queuedtimeoutInMinutes, ...rest } = project.configuration;
    cb.on(ListProjectsCommand)
      .resolvesOnce({ projects: ['orders-api-build'], nextToken: 'n' })
      .resolvesOnce({ projects: ['gone'] });
    cb.on(BatchGetProjectsCommand).resolves({
      projects: [
        {
          ...rest,
          queuedTimeoutInMinutes: queuedtimeoutInMinutes as number,
          arn: project.ARN,
          tags: Object.entries(project.tags).map(([key, value]) => ({ key, value })),
          created: new Date('2025-06-02T08:10:51.640Z'),
          lastModified: new Date('2026-11-20T10:00:00.000Z'),
          badge: { badgeEnabled: false },
          projectVisibility: 'PRIVATE',
        } as never,
      ],
      projectsNotFound: ['gone'],
    });
    const { of, errors } = await run(codeBuildReader, ['AWS::CodeBuild::Project']);
    expect(cb.commandCalls(BatchGetProjectsCommand)[0]!.args[0].input).toEqual({
      names: ['orders-api-build', 'gone'],
    });
    expect(of('AWS::CodeBuild::Project')).toEqual([expect.objectContaining(expectedItem(project))]);
    // A listed project missing from BatchGetProjects is said, not dropped.
    expect(errors).toEqual([
      expect.objectContaining({
        operation: 'BatchGetProjects',
        resourceTypes: ['AWS::CodeBuild::Project'],
        code: 'ProjectsNotFoundError',
        message: expect.stringContaining('gone'),
      }),
    ]);
  });

  it('AccessDenied on ListProjects names the project type', async () => {
    cb.on(ListProjectsCommand).rejects(awsError('AccessDeniedException'));
    const { errors } = await run(codeBuildReader, ['AWS::CodeBuild::Project']);
    expect(errors).toEqual([denied(['AWS::CodeBuild::Project'], 'ListProjects', 'codebuild')]);
  });
});

describe('DynamoDB', () => {
  const table = fixture('AWS::DynamoDB::Table', 'kms-encrypted.json');

  it('reads tables with bean names (ssedescription.kmsmasterKeyArn) and continuous backups, paging tables and tags', async () => {
    const c = table.configuration;
    ddb
      .on(ListTablesCommand)
      .resolvesOnce({ TableNames: ['orders'], LastEvaluatedTableName: 'orders' })
      .resolvesOnce({ TableNames: [] });
    ddb.on(DescribeTableCommand).resolves({
      Table: {
        AttributeDefinitions: [{ AttributeName: 'orderId', AttributeType: 'S' }],
        TableName: 'orders',
        KeySchema: [{ AttributeName: 'orderId', KeyType: 'HASH' }],
        TableStatus: 'ACTIVE',
        CreationDateTime: new Date(c['creationDateTime'] as string),
        ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
        TableSizeBytes: 48211,
        ItemCount: 312,
        TableArn: table.ARN,
        TableId: c['tableId'] as string,
        BillingModeSummary: {
          BillingMode: 'PAY_PER_REQUEST',
          LastUpdateToPayPerRequestDateTime: new Date('2025-06-02T08:10:51.640Z'),
        },
        SSEDescription: {
          Status: 'ENABLED',
          SSEType: 'KMS',
          KMSMasterKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/7d2c9a41-5e8b-4f36-b1a0-3c6e9d8f2a17',
        },
        TableClassSummary: { TableClass: 'STANDARD' },
        DeletionProtectionEnabled: true,
        WarmThroughput: { ReadUnitsPerSecond: 12000, WriteUnitsPerSecond: 4000, Status: 'ACTIVE' },
      },
    });
    ddb.on(DescribeContinuousBackupsCommand).resolves({
      ContinuousBackupsDescription: {
        ContinuousBackupsStatus: 'ENABLED',
        PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'ENABLED' },
      },
    });
    const tags = apiTags(table.tags);
    ddb
      .on(ListTagsOfResourceCommand)
      .resolvesOnce({ Tags: tags.slice(0, 1), NextToken: 't' })
      .resolvesOnce({ Tags: tags.slice(1) });
    const { of, errors } = await run(dynamoDbReader, ['AWS::DynamoDB::Table']);
    expect(errors).toEqual([]);
    expect(of('AWS::DynamoDB::Table')).toEqual([expect.objectContaining(expectedItem(table))]);
  });

  it('AccessDenied on ListTables names the table type; a denied DescribeTable names the table', async () => {
    ddb.on(ListTablesCommand).rejects(awsError('AccessDeniedException'));
    expect((await run(dynamoDbReader, ['AWS::DynamoDB::Table'])).errors).toEqual([
      denied(['AWS::DynamoDB::Table'], 'ListTables', 'dynamodb'),
    ]);
    ddb.reset();
    ddb.on(ListTablesCommand).resolves({ TableNames: ['t1'] });
    ddb.on(DescribeTableCommand).rejects(awsError('AccessDeniedException'));
    expect((await run(dynamoDbReader, ['AWS::DynamoDB::Table'])).errors).toEqual([
      denied(['AWS::DynamoDB::Table'], 'DescribeTable', 'dynamodb', 'table t1'),
    ]);
  });
});

describe('EFS', () => {
  const fs = fixture('AWS::EFS::FileSystem', 'encrypted.json');
  const ap = fixture('AWS::EFS::AccessPoint', 'posix-user.json');

  it('reads file systems with backup and lifecycle policies and access points in the fixtures shape, paging', async () => {
    const c = fs.configuration;
    efs
      .on(DescribeFileSystemsCommand)
      .resolvesOnce({
        FileSystems: [
          {
            OwnerId: ACCOUNT,
            CreationToken: 'tok',
            FileSystemId: fs.resourceId,
            FileSystemArn: fs.ARN,
            CreationTime: new Date('2025-06-02T08:10:51.640Z'),
            LifeCycleState: 'available',
            Name: 'orders-shared',
            NumberOfMountTargets: 2,
            SizeInBytes: { Value: 6144 },
            PerformanceMode: 'generalPurpose',
            Encrypted: true,
            KmsKeyId: c['KmsKeyId'] as string,
            ThroughputMode: 'elastic',
            Tags: apiTags(fs.tags),
          },
        ],
        NextMarker: 'm',
      })
      .resolvesOnce({
        FileSystems: [
          {
            OwnerId: ACCOUNT,
            CreationToken: 't2',
            FileSystemId: 'fs-2',
            CreationTime: new Date(),
            LifeCycleState: 'available',
            NumberOfMountTargets: 0,
            SizeInBytes: { Value: 0 },
            PerformanceMode: 'generalPurpose',
            Encrypted: false,
            Tags: [],
          },
        ],
      });
    efs
      .on(DescribeBackupPolicyCommand, { FileSystemId: fs.resourceId })
      .resolves({ BackupPolicy: { Status: 'ENABLED' } });
    efs.on(DescribeBackupPolicyCommand, { FileSystemId: 'fs-2' }).rejects(awsError('PolicyNotFound'));
    efs.on(DescribeLifecycleConfigurationCommand).resolves({ LifecyclePolicies: [] });
    efs
      .on(DescribeLifecycleConfigurationCommand, { FileSystemId: fs.resourceId })
      .resolves({ LifecyclePolicies: [{ TransitionToIA: 'AFTER_30_DAYS' }] });
    efs.on(DescribeAccessPointsCommand).resolves({
      AccessPoints: [
        {
          ClientToken: 'c',
          Tags: apiTags(ap.tags),
          AccessPointId: ap.resourceId,
          AccessPointArn: ap.ARN,
          FileSystemId: fs.resourceId,
          PosixUser: { Uid: 1001, Gid: 1001, SecondaryGids: [2001] },
          RootDirectory: { Path: '/orders', CreationInfo: { OwnerUid: 1001, OwnerGid: 1001, Permissions: '750' } },
          OwnerId: ACCOUNT,
          LifeCycleState: 'available',
        },
      ],
    });
    const { of, errors } = await run(efsReader, ['AWS::EFS::FileSystem', 'AWS::EFS::AccessPoint']);
    expect(errors).toEqual([]);
    const [first, second] = of('AWS::EFS::FileSystem');
    // The fixture's FileSystemTags holds only the Name tag while its tags map holds both: the key set, ids and
    // values the controls read are compared.
    expect(Object.keys(first!['configuration'] as object).sort()).toEqual(Object.keys(c).sort());
    expect(first).toMatchObject({
      resourceId: fs.resourceId,
      resourceName: fs.resourceName,
      ARN: fs.ARN,
      tags: fs.tags,
      configuration: { ...c, FileSystemTags: apiTags(fs.tags) },
    });
    expect(second!['configuration']).toEqual({
      FileSystemId: 'fs-2',
      Encrypted: false,
      PerformanceMode: 'generalPurpose',
      LifecyclePolicies: [],
      FileSystemTags: [],
    });
    // The API's numeric POSIX ids become the strings AWS Config records.
    expect(of('AWS::EFS::AccessPoint')).toEqual([expect.objectContaining(expectedItem(ap))]);
  });

  it('AccessDenied on DescribeFileSystems names the file system type only', async () => {
    efs.on(DescribeFileSystemsCommand).rejects(awsError('AccessDeniedException'));
    efs.on(DescribeAccessPointsCommand).resolves({ AccessPoints: [] });
    const { errors } = await run(efsReader, ['AWS::EFS::FileSystem', 'AWS::EFS::AccessPoint']);
    expect(errors).toEqual([denied(['AWS::EFS::FileSystem'], 'DescribeFileSystems', 'efs')]);
  });
});

describe('SageMaker', () => {
  const notebook = fixture('AWS::SageMaker::NotebookInstance', 'private-kms.json');
  const endpointConfig = fixture('AWS::SageMaker::EndpointConfig', 'kms.json');

  it('reads notebook instances and endpoint configurations exactly as the fixtures, paging', async () => {
    const n = notebook.configuration;
    sm.on(ListNotebookInstancesCommand)
      .resolvesOnce({ NotebookInstances: [], NextToken: 'n' })
      .resolvesOnce({
        NotebookInstances: [{ NotebookInstanceName: 'orders-analysis', NotebookInstanceArn: notebook.ARN } as never],
      });
    sm.on(DescribeNotebookInstanceCommand).resolves({
      NotebookInstanceArn: notebook.ARN,
      NotebookInstanceName: 'orders-analysis',
      NotebookInstanceStatus: 'InService',
      Url: 'orders-analysis.notebook.eu-west-1.sagemaker.aws',
      InstanceType: n['InstanceType'] as never,
      SubnetId: n['SubnetId'] as string,
      SecurityGroups: n['SecurityGroupIds'] as string[],
      RoleArn: n['RoleArn'] as string,
      KmsKeyId: n['KmsKeyId'] as string,
      NetworkInterfaceId: 'eni-1',
      LastModifiedTime: new Date(),
      CreationTime: new Date(),
      DirectInternetAccess: 'Disabled',
      VolumeSizeInGB: 20,
      RootAccess: 'Disabled',
      PlatformIdentifier: 'notebook-al2-v2',
      InstanceMetadataServiceConfiguration: { MinimumInstanceMetadataServiceVersion: '2' },
    });
    sm.on(ListSageMakerTagsCommand).resolves({ Tags: [{ Key: 'app', Value: 'orders' }] });
    sm.on(ListEndpointConfigsCommand).resolves({
      EndpointConfigs: [
        { EndpointConfigName: 'orders-ranker-v3', EndpointConfigArn: endpointConfig.ARN, CreationTime: new Date() },
      ],
    });
    sm.on(DescribeEndpointConfigCommand).resolves({
      EndpointConfigName: 'orders-ranker-v3',
      EndpointConfigArn: endpointConfig.ARN,
      ProductionVariants: [
        {
          VariantName: 'AllTraffic',
          ModelName: 'orders-ranker-v3',
          InitialInstanceCount: 2,
          InstanceType: 'ml.m5.large',
          InitialVariantWeight: 1,
          ManagedInstanceScaling: { Status: 'DISABLED' },
        } as never,
      ],
      KmsKeyId: endpointConfig.configuration['KmsKeyId'] as string,
      CreationTime: new Date(),
    });
    const { of, errors } = await run(sageMakerReader, [
      'AWS::SageMaker::NotebookInstance',
      'AWS::SageMaker::EndpointConfig',
    ]);
    expect(errors).toEqual([]);
    expect(of('AWS::SageMaker::NotebookInstance')).toEqual([expect.objectContaining(expectedItem(notebook))]);
    expect(of('AWS::SageMaker::EndpointConfig')).toEqual([expect.objectContaining(expectedItem(endpointConfig))]);
  });

  it('AccessDenied on ListNotebookInstances names the notebook type; a denied describe names the endpoint configuration', async () => {
    sm.on(ListNotebookInstancesCommand).rejects(awsError('AccessDeniedException'));
    sm.on(ListEndpointConfigsCommand).resolves({ EndpointConfigs: [{ EndpointConfigName: 'e1' } as never] });
    sm.on(DescribeEndpointConfigCommand).rejects(awsError('AccessDeniedException'));
    const { errors } = await run(sageMakerReader, [
      'AWS::SageMaker::NotebookInstance',
      'AWS::SageMaker::EndpointConfig',
    ]);
    expect(errors).toEqual(
      expect.arrayContaining([
        denied(['AWS::SageMaker::NotebookInstance'], 'ListNotebookInstances', 'sagemaker'),
        denied(['AWS::SageMaker::EndpointConfig'], 'DescribeEndpointConfig', 'sagemaker', 'endpoint configuration e1'),
      ]),
    );
    expect(errors).toHaveLength(2);
  });
});

describe('Backup, Kinesis, DMS', () => {
  const rp = fixture('AWS::Backup::RecoveryPoint', 'encrypted.json');
  const ri = fixture('AWS::DMS::ReplicationInstance', 'private.json');

  it('reads recovery points of every vault exactly as the fixture, paging vaults and points', async () => {
    const c = rp.configuration;
    backup
      .on(ListBackupVaultsCommand)
      .resolvesOnce({ BackupVaultList: [{ BackupVaultName: 'orders-vault' }], NextToken: 'v' })
      .resolvesOnce({ BackupVaultList: [{ BackupVaultName: 'empty' }] });
    backup.on(ListRecoveryPointsByBackupVaultCommand, { BackupVaultName: 'empty' }).resolves({ RecoveryPoints: [] });
    backup
      .on(ListRecoveryPointsByBackupVaultCommand, { BackupVaultName: 'orders-vault' })
      .resolvesOnce({
        RecoveryPoints: [
          {
            RecoveryPointArn: rp.resourceId,
            BackupVaultName: 'orders-vault',
            BackupVaultArn: c['BackupVaultArn'] as string,
            ResourceArn: c['ResourceArn'] as string,
            ResourceType: 'DynamoDB',
            ResourceName: 'orders',
            CreatedBy: c['CreatedBy'] as never,
            IamRoleArn: c['IamRoleArn'] as string,
            Status: 'COMPLETED',
            CreationDate: new Date(c['CreationDate'] as string),
            InitiationDate: new Date(c['CreationDate'] as string),
            CompletionDate: new Date(c['CompletionDate'] as string),
            BackupSizeInBytes: 734003200,
            Lifecycle: { DeleteAfterDays: 35 },
            CalculatedLifecycle: { DeleteAt: new Date('2026-12-29T03:00:00.000Z') },
            EncryptionKeyArn: c['EncryptionKeyArn'] as string,
            IsEncrypted: true,
            IsParent: false,
            VaultType: 'BACKUP_VAULT',
            EncryptionKeyType: 'CUSTOMER_MANAGED_KMS_KEY',
          },
        ],
        NextToken: 'r',
      })
      .resolvesOnce({
        RecoveryPoints: [
          {
            RecoveryPointArn: 'arn:rp:2',
            Status: 'COMPLETED',
            IsEncrypted: false,
            CalculatedLifecycle: { MoveToColdStorageAt: new Date('2026-01-01T00:00:00Z') },
          },
        ],
      });
    const { of, errors } = await run(backupReader, ['AWS::Backup::RecoveryPoint']);
    expect(errors).toEqual([]);
    const points = of('AWS::Backup::RecoveryPoint');
    expect(points[0]).toEqual(expect.objectContaining(expectedItem(rp)));
    expect(points[1]).toMatchObject({
      resourceId: 'arn:rp:2',
      configuration: { IsEncrypted: false, StorageClass: 'COLD' },
    });
  });

  it('reads Kinesis streams in AWS Config CloudFormation shape (no fixture: the resource schema names), paging tags', async () => {
    kinesis
      .on(ListStreamsCommand)
      .resolvesOnce({
        StreamNames: ['clicks'],
        HasMoreStreams: true,
        NextToken: 'n',
        StreamSummaries: [{ StreamName: 'clicks' } as never],
      })
      .resolvesOnce({
        StreamNames: ['plain'],
        HasMoreStreams: false,
        StreamSummaries: [{ StreamName: 'plain' } as never],
      });
    kinesis.on(DescribeStreamSummaryCommand, { StreamName: 'clicks' }).resolves({
      StreamDescriptionSummary: {
        StreamName: 'clicks',
        StreamARN: `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/clicks`,
        StreamStatus: 'ACTIVE',
        StreamModeDetails: { StreamMode: 'PROVISIONED' },
        RetentionPeriodHours: 24,
        StreamCreationTimestamp: new Date(),
        EnhancedMonitoring: [],
        EncryptionType: 'KMS',
        KeyId: 'alias/aws/kinesis',
        OpenShardCount: 2,
      },
    });
    kinesis.on(DescribeStreamSummaryCommand, { StreamName: 'plain' }).resolves({
      StreamDescriptionSummary: {
        StreamName: 'plain',
        StreamARN: 'arn:plain',
        StreamStatus: 'ACTIVE',
        RetentionPeriodHours: 24,
        StreamCreationTimestamp: new Date(),
        EnhancedMonitoring: [],
        EncryptionType: 'NONE',
        OpenShardCount: 1,
      },
    });
    kinesis
      .on(ListTagsForStreamCommand, { StreamName: 'clicks', ExclusiveStartTagKey: undefined })
      .resolves({ Tags: [{ Key: 'app', Value: 'web' }], HasMoreTags: true });
    kinesis
      .on(ListTagsForStreamCommand, { StreamName: 'clicks', ExclusiveStartTagKey: 'app' })
      .resolves({ Tags: [{ Key: 'data-classification', Value: 'internal' }], HasMoreTags: false });
    kinesis.on(ListTagsForStreamCommand, { StreamName: 'plain' }).resolves({ Tags: [], HasMoreTags: false });
    const { of, errors } = await run(kinesisReader, ['AWS::Kinesis::Stream']);
    expect(errors).toEqual([]);
    expect(of('AWS::Kinesis::Stream')).toEqual([
      expect.objectContaining({
        resourceId: 'clicks',
        resourceName: 'clicks',
        ARN: `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/clicks`,
        tags: { app: 'web', 'data-classification': 'internal' },
        configuration: {
          Name: 'clicks',
          Arn: `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/clicks`,
          RetentionPeriodHours: 24,
          ShardCount: 2,
          StreamEncryption: { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' },
        },
      }),
      expect.objectContaining({
        resourceId: 'plain',
        configuration: { Name: 'plain', Arn: 'arn:plain', RetentionPeriodHours: 24, ShardCount: 1 },
      }),
    ]);
  });

  it('reads DMS replication instances with the ARN suffix as id, exactly as the fixture, paging', async () => {
    const c = ri.configuration;
    dms
      .on(DescribeReplicationInstancesCommand)
      .resolvesOnce({
        ReplicationInstances: [
          {
            ReplicationInstanceIdentifier: 'orders-migration',
            ReplicationInstanceClass: 'dms.t3.medium',
            ReplicationInstanceStatus: 'available',
            AllocatedStorage: 50,
            InstanceCreateTime: new Date(),
            VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-1', Status: 'active' }],
            AvailabilityZone: 'eu-west-1a',
            PreferredMaintenanceWindow: 'sun:04:00-sun:04:30',
            PendingModifiedValues: {},
            MultiAZ: false,
            EngineVersion: '3.5.3',
            AutoMinorVersionUpgrade: true,
            KmsKeyId: c['KmsKeyId'] as string,
            ReplicationInstanceArn: ri.ARN,
            ReplicationInstancePrivateIpAddress: '10.0.12.34',
            ReplicationInstancePrivateIpAddresses: ['10.0.12.34'],
            ReplicationInstancePublicIpAddresses: [],
            PubliclyAccessible: false,
            NetworkType: 'IPV4',
          },
        ],
        Marker: 'm',
      })
      .resolvesOnce({
        ReplicationInstances: [
          {
            ReplicationInstanceIdentifier: 'open',
            ReplicationInstanceArn: `arn:aws:dms:${REGION}:${ACCOUNT}:rep:OPEN`,
            PubliclyAccessible: true,
          },
        ],
      });
    dms.on(ListDmsTagsCommand).resolves({ TagList: [] });
    dms.on(ListDmsTagsCommand, { ResourceArn: ri.ARN }).resolves({ TagList: [{ Key: 'app', Value: 'orders' }] });
    const { of, errors } = await run(dmsReader, ['AWS::DMS::ReplicationInstance']);
    expect(errors).toEqual([]);
    const [first, second] = of('AWS::DMS::ReplicationInstance');
    // Sorted by resource id: 4KQZ… before OPEN.
    expect(first).toEqual(expect.objectContaining(expectedItem(ri)));
    expect(second).toMatchObject({ resourceId: 'OPEN', configuration: { PubliclyAccessible: true, Id: 'open' } });
  });

  it('AccessDenied names the type of each service', async () => {
    backup.on(ListBackupVaultsCommand).rejects(awsError('AccessDeniedException'));
    kinesis.on(ListStreamsCommand).rejects(awsError('AccessDeniedException'));
    dms.on(DescribeReplicationInstancesCommand).rejects(awsError('AccessDeniedException'));
    expect((await run(backupReader, ['AWS::Backup::RecoveryPoint'])).errors).toEqual([
      denied(['AWS::Backup::RecoveryPoint'], 'ListBackupVaults', 'backup'),
    ]);
    expect((await run(kinesisReader, ['AWS::Kinesis::Stream'])).errors).toEqual([
      denied(['AWS::Kinesis::Stream'], 'ListStreams', 'kinesis'),
    ]);
    expect((await run(dmsReader, ['AWS::DMS::ReplicationInstance'])).errors).toEqual([
      denied(['AWS::DMS::ReplicationInstance'], 'DescribeReplicationInstances', 'database-migration-service'),
    ]);
  });
});

describe('Elastic Beanstalk', () => {
  const env = fixture('AWS::ElasticBeanstalk::Environment', 'web.json');

  it('reads environments exactly as the fixture and the managed actions fact, paging, skipping terminated ones', async () => {
    const { endpointURL, cNAME, dateCreated, dateUpdated, ...rest } = env.configuration;
    eb.on(DescribeEnvironmentsCommand)
      .resolvesOnce({
        Environments: [
          {
            ...(upper(rest) as object),
            EndpointURL: endpointURL as string,
            CNAME: cNAME as string,
            DateCreated: new Date(dateCreated as string),
            DateUpdated: new Date(dateUpdated as string),
            Health: 'Green',
            HealthStatus: 'Ok',
            AbortableOperationInProgress: false,
            EnvironmentLinks: [],
          } as never,
        ],
        NextToken: 'n',
      })
      .resolvesOnce({
        Environments: [
          { EnvironmentName: 'old', EnvironmentId: 'e-old', ApplicationName: 'a', Status: 'Terminated' },
          { EnvironmentName: 'worker', EnvironmentId: 'e-2', ApplicationName: 'a', Status: 'Ready' },
        ],
      });
    eb.on(ListEbTagsCommand).resolves({ ResourceTags: [] });
    eb.on(ListEbTagsCommand, { ResourceArn: env.ARN }).resolves({ ResourceTags: [{ Key: 'app', Value: 'orders' }] });
    eb.on(DescribeConfigurationSettingsCommand, { EnvironmentName: 'orders-web-prod' }).resolves({
      ConfigurationSettings: [
        {
          OptionSettings: [
            { Namespace: 'aws:elasticbeanstalk:managedactions', OptionName: 'ManagedActionsEnabled', Value: 'true' },
            {
              Namespace: 'aws:elasticbeanstalk:managedactions:platformupdate',
              OptionName: 'UpdateLevel',
              Value: 'minor',
            },
          ],
        },
      ],
    });
    eb.on(DescribeConfigurationSettingsCommand, { EnvironmentName: 'worker' }).resolves({
      ConfigurationSettings: [
        {
          OptionSettings: [
            { Namespace: 'aws:elasticbeanstalk:managedactions', OptionName: 'ManagedActionsEnabled', Value: 'false' },
          ],
        },
      ],
    });
    const { of, errors, facts } = await run(elasticBeanstalkReader, [
      'AWS::ElasticBeanstalk::Environment',
      'Rampart::ElasticBeanstalk::ManagedActions',
    ]);
    expect(errors).toEqual([]);
    const envs = of('AWS::ElasticBeanstalk::Environment');
    expect(envs.map((e) => e['resourceId'])).toEqual(['e-2', 'e-4kqz7xj2m3']);
    expect(envs[1]).toEqual(expect.objectContaining(expectedItem(env)));
    expect(facts.get('Rampart::ElasticBeanstalk::ManagedActions')).toEqual({
      environments: [
        { environmentId: 'e-2', environmentName: 'worker', managedActionsEnabled: false, updateLevel: null },
        {
          environmentId: 'e-4kqz7xj2m3',
          environmentName: 'orders-web-prod',
          managedActionsEnabled: true,
          updateLevel: 'minor',
        },
      ],
    });
  });

  it('AccessDenied on DescribeEnvironments names both types; a denied settings read names the fact and environment', async () => {
    eb.on(DescribeEnvironmentsCommand).rejects(awsError('AccessDeniedException'));
    const first = await run(elasticBeanstalkReader, [
      'AWS::ElasticBeanstalk::Environment',
      'Rampart::ElasticBeanstalk::ManagedActions',
    ]);
    expect(first.errors).toEqual([
      denied(
        ['AWS::ElasticBeanstalk::Environment', 'Rampart::ElasticBeanstalk::ManagedActions'],
        'DescribeEnvironments',
        'elastic-beanstalk',
      ),
    ]);
    expect(first.items).toEqual([]);
    eb.reset();
    eb.on(DescribeEnvironmentsCommand).resolves({
      Environments: [{ EnvironmentName: 'w', EnvironmentId: 'e-1', ApplicationName: 'a', Status: 'Ready' }],
    });
    eb.on(DescribeConfigurationSettingsCommand).rejects(awsError('AccessDeniedException'));
    const second = await run(elasticBeanstalkReader, ['Rampart::ElasticBeanstalk::ManagedActions']);
    expect(second.errors).toEqual([
      denied(
        ['Rampart::ElasticBeanstalk::ManagedActions'],
        'DescribeConfigurationSettings',
        'elastic-beanstalk',
        'environment w',
      ),
    ]);
  });
});

describe('EMR', () => {
  it('reads active clusters with Kerberos settings and primary-node public IPs (groups and fleets), paging', async () => {
    emr
      .on(ListClustersCommand)
      .resolvesOnce({ Clusters: [{ Id: 'j-1' }], Marker: 'm' })
      .resolvesOnce({ Clusters: [{ Id: 'j-2' }] });
    emr.on(DescribeClusterCommand, { ClusterId: 'j-1' }).resolves({
      Cluster: {
        Id: 'j-1',
        Name: 'etl',
        ClusterArn: `arn:aws:elasticmapreduce:${REGION}:${ACCOUNT}:cluster/j-1`,
        Status: { State: 'WAITING' },
        SecurityConfiguration: 'kerberos',
        InstanceCollectionType: 'INSTANCE_GROUP',
      },
    });
    emr.on(DescribeClusterCommand, { ClusterId: 'j-2' }).resolves({
      Cluster: { Id: 'j-2', Name: 'adhoc', Status: { State: 'RUNNING' }, InstanceCollectionType: 'INSTANCE_FLEET' },
    });
    emr.on(DescribeSecurityConfigurationCommand).resolves({
      Name: 'kerberos',
      SecurityConfiguration: JSON.stringify({
        AuthenticationConfiguration: {
          KerberosConfiguration: {
            Provider: 'ClusterDedicatedKdc',
            ClusterDedicatedKdcConfiguration: { TicketLifetimeInHours: 24 },
          },
        },
      }),
    });
    emr
      .on(ListInstancesCommand, { ClusterId: 'j-1', InstanceGroupTypes: ['MASTER'] })
      .resolvesOnce({ Instances: [{ Id: 'ci-1', PrivateIpAddress: '10.0.0.1' }], Marker: 'x' })
      .resolvesOnce({ Instances: [] });
    emr
      .on(ListInstancesCommand, { ClusterId: 'j-2', InstanceFleetType: 'MASTER' })
      .resolves({ Instances: [{ Id: 'ci-2', PublicIpAddress: '54.1.2.3' }] });
    const { facts, errors } = await run(emrReader, ['Rampart::EMR::Clusters']);
    expect(errors).toEqual([]);
    expect(emr.commandCalls(ListClustersCommand)[0]!.args[0].input).toMatchObject({
      ClusterStates: ['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING'],
    });
    expect(facts.get('Rampart::EMR::Clusters')).toEqual({
      clusters: [
        {
          id: 'j-1',
          name: 'etl',
          arn: `arn:aws:elasticmapreduce:${REGION}:${ACCOUNT}:cluster/j-1`,
          state: 'WAITING',
          securityConfiguration: 'kerberos',
          kerberosConfiguration: {
            Provider: 'ClusterDedicatedKdc',
            ClusterDedicatedKdcConfiguration: { TicketLifetimeInHours: 24 },
          },
          masterPublicIpAddresses: [],
        },
        {
          id: 'j-2',
          name: 'adhoc',
          arn: null,
          state: 'RUNNING',
          securityConfiguration: null,
          kerberosConfiguration: null,
          masterPublicIpAddresses: ['54.1.2.3'],
        },
      ],
    });
  });

  it('AccessDenied on ListClusters names the fact; a denied ListInstances names the cluster', async () => {
    emr.on(ListClustersCommand).rejects(awsError('AccessDeniedException'));
    const first = await run(emrReader, ['Rampart::EMR::Clusters']);
    expect(first.errors).toEqual([denied(['Rampart::EMR::Clusters'], 'ListClusters', 'emr')]);
    expect(first.items).toEqual([]);
    emr.reset();
    emr.on(ListClustersCommand).resolves({ Clusters: [{ Id: 'j-9' }] });
    emr.on(DescribeClusterCommand).resolves({ Cluster: { Id: 'j-9', Status: { State: 'RUNNING' } } });
    emr.on(ListInstancesCommand).rejects(awsError('AccessDeniedException'));
    const second = await run(emrReader, ['Rampart::EMR::Clusters']);
    expect(second.errors).toEqual([denied(['Rampart::EMR::Clusters'], 'ListInstances', 'emr', 'cluster j-9')]);
  });

  it('a security configuration that is not JSON is a named error', () => {
    expect(() => kerberosOf('bad', '{')).toThrow(SecurityConfigurationParseError);
    expect(kerberosOf('none', JSON.stringify({ EncryptionConfiguration: {} }))).toBeNull();
  });
});

describe('RDS parameter group TLS', () => {
  it('reads the TLS parameters of instance and cluster parameter groups, engine defaults included, paging', async () => {
    rds
      .on(DescribeDBParameterGroupsCommand)
      .resolvesOnce({
        DBParameterGroups: [{ DBParameterGroupName: 'default.postgres16', DBParameterGroupFamily: 'postgres16' }],
        Marker: 'm',
      })
      .resolvesOnce({ DBParameterGroups: [{ DBParameterGroupName: 'mysql-tls', DBParameterGroupFamily: 'mysql8.0' }] });
    rds
      .on(DescribeDBParametersCommand, { DBParameterGroupName: 'default.postgres16' })
      .resolvesOnce({
        Parameters: [{ ParameterName: 'autovacuum', ParameterValue: '1', Source: 'engine-default' }],
        Marker: 'p',
      })
      .resolvesOnce({
        Parameters: [{ ParameterName: 'rds.force_ssl', ParameterValue: '1', Source: 'engine-default' }],
      });
    rds.on(DescribeDBParametersCommand, { DBParameterGroupName: 'mysql-tls' }).resolves({
      Parameters: [{ ParameterName: 'require_secure_transport', ParameterValue: 'ON', Source: 'user' }],
    });
    rds.on(DescribeDBClusterParameterGroupsCommand).resolves({
      DBClusterParameterGroups: [
        { DBClusterParameterGroupName: 'default.aurora-mysql8.0', DBParameterGroupFamily: 'aurora-mysql8.0' },
      ],
    });
    rds.on(DescribeDBClusterParametersCommand).resolves({
      Parameters: [{ ParameterName: 'require_secure_transport', Source: 'engine-default' }],
    });
    const { facts, errors } = await run(rdsReader, ['Rampart::RDS::ParameterGroupTls']);
    expect(errors).toEqual([]);
    expect(facts.get('Rampart::RDS::ParameterGroupTls')).toEqual({
      parameterGroups: [
        {
          name: 'default.aurora-mysql8.0',
          kind: 'cluster',
          family: 'aurora-mysql8.0',
          parameters: { require_secure_transport: null },
        },
        { name: 'default.postgres16', kind: 'instance', family: 'postgres16', parameters: { 'rds.force_ssl': '1' } },
        { name: 'mysql-tls', kind: 'instance', family: 'mysql8.0', parameters: { require_secure_transport: 'ON' } },
      ],
    });
  });

  it('AccessDenied on a listing writes no partial fact; a denied group read names the group', async () => {
    rds.on(DescribeDBParameterGroupsCommand).rejects(awsError('AccessDeniedException'));
    rds.on(DescribeDBClusterParameterGroupsCommand).resolves({ DBClusterParameterGroups: [] });
    const first = await run(rdsReader, ['Rampart::RDS::ParameterGroupTls']);
    expect(first.errors).toEqual([denied(['Rampart::RDS::ParameterGroupTls'], 'DescribeDBParameterGroups', 'rds')]);
    expect(first.facts.size).toBe(0);
    rds.reset();
    rds.on(DescribeDBParameterGroupsCommand).resolves({ DBParameterGroups: [{ DBParameterGroupName: 'g1' }] });
    rds.on(DescribeDBParametersCommand).rejects(awsError('AccessDeniedException'));
    rds.on(DescribeDBClusterParameterGroupsCommand).resolves({ DBClusterParameterGroups: [] });
    const second = await run(rdsReader, ['Rampart::RDS::ParameterGroupTls']);
    expect(second.errors).toEqual([
      denied(['Rampart::RDS::ParameterGroupTls'], 'DescribeDBParameters', 'rds', 'parameter group g1'),
    ]);
    expect(second.facts.get('Rampart::RDS::ParameterGroupTls')).toEqual({ parameterGroups: [] });
  });
});
