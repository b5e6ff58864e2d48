import { CodeBuildClient, CreateProjectCommand } from '@aws-sdk/client-codebuild';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateAccessPointCommand, CreateFileSystemCommand, EFSClient } from '@aws-sdk/client-efs';
import { CreateElasticsearchDomainCommand, ElasticsearchServiceClient } from '@aws-sdk/client-elasticsearch-service';
import { CreateSecurityConfigurationCommand, EMRClient, RunJobFlowCommand } from '@aws-sdk/client-emr';
import { AddTagsToStreamCommand, CreateStreamCommand, KinesisClient } from '@aws-sdk/client-kinesis';
import { CreateDomainCommand, OpenSearchClient } from '@aws-sdk/client-opensearch';
import {
  CreateDBClusterCommand,
  CreateDBClusterParameterGroupCommand,
  CreateDBInstanceCommand,
  CreateDBParameterGroupCommand,
  ModifyDBParameterGroupCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import { CreateClusterCommand, CreateClusterParameterGroupCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import {
  CreateEndpointConfigCommand,
  CreateModelCommand,
  CreateNotebookInstanceCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ACCOUNT, motoClientConfig, REGION } from '../support/aws.js';
import { type EvaluationDoc, scanMoto, verdict } from '../support/cli.js';
import { resetMoto } from '../support/moto.js';

/**
 * `rampart scan --source direct` over the data-store types and facts of the Well-Architected conformance
 * pack (Redshift, OpenSearch and Elasticsearch, CodeBuild, DynamoDB, EFS, SageMaker, Kinesis, EMR, RDS
 * parameter groups), created in moto through the real SDK.
 *
 * moto 5.2.1 gaps (the readers are covered by aws-sdk-client-mock tests in
 * packages/collectors/tests/unit/readers-datastores.test.ts instead):
 * - Redshift ModifyClusterParameterGroup is not served, so no group can set require_ssl=true here;
 * - AWS Backup ListRecoveryPointsByBackupVault is not served (and nothing can create a recovery point);
 * - DMS CreateReplicationInstance / DescribeReplicationInstances answer with a non-numeric field the SDK rejects;
 * - Elastic Beanstalk DescribeConfigurationSettings is not served, and environments get an empty EnvironmentId;
 * - RDS DescribeDBParameterGroups lists no `default.*` groups, so instances on a default group cannot be judged.
 */

const KMS_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/7d2c9a41-5e8b-4f36-b1a0-3c6e9d8f2a17`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/service`;

interface World {
  fileSystems: { encrypted: string; plain: string };
  accessPoints: { posix: string; open: string };
  endpointConfigs: { kms: string; plain: string };
  emr: { kerberos: string; plain: string };
  rds: { tls: string; plain: string };
}

async function createWorld(): Promise<World> {
  const config = motoClientConfig();

  const redshift = new RedshiftClient(config);
  await redshift.send(
    new CreateClusterParameterGroupCommand({
      ParameterGroupName: 'dw-params',
      ParameterGroupFamily: 'redshift-1.0',
      Description: 'dw',
    }),
  );
  const cluster = {
    NodeType: 'ra3.xlplus',
    MasterUsername: 'admin',
    MasterUserPassword: 'Passw0rd-123',
    ClusterParameterGroupName: 'dw-params',
  };
  await redshift.send(
    new CreateClusterCommand({
      ...cluster,
      ClusterIdentifier: 'dw-private',
      Encrypted: true,
      KmsKeyId: KMS_KEY,
      PubliclyAccessible: false,
      Tags: [{ Key: 'data-classification', Value: 'confidential' }],
    }),
  );
  await redshift.send(
    new CreateClusterCommand({
      ...cluster,
      ClusterIdentifier: 'dw-public',
      Encrypted: false,
      PubliclyAccessible: true,
    }),
  );

  const opensearch = new OpenSearchClient(config);
  await opensearch.send(
    new CreateDomainCommand({
      DomainName: 'search-secure',
      EngineVersion: 'OpenSearch_2.11',
      EncryptionAtRestOptions: { Enabled: true, KmsKeyId: KMS_KEY },
      NodeToNodeEncryptionOptions: { Enabled: true },
      DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' },
    }),
  );
  await opensearch.send(new CreateDomainCommand({ DomainName: 'search-open', EngineVersion: 'OpenSearch_2.11' }));
  await new ElasticsearchServiceClient(config).send(
    new CreateElasticsearchDomainCommand({ DomainName: 'legacy-plain', ElasticsearchVersion: '7.10' }),
  );

  const codebuild = new CodeBuildClient(config);
  const project = {
    source: { type: 'S3' as const, location: 'sources/app.zip' },
    environment: {
      type: 'LINUX_CONTAINER' as const,
      image: 'aws/codebuild/standard:7.0',
      computeType: 'BUILD_GENERAL1_SMALL' as const,
    },
    serviceRole: ROLE,
  };
  await codebuild.send(
    new CreateProjectCommand({
      ...project,
      name: 'build_clean',
      artifacts: { type: 'S3', location: 'artifacts' },
      environment: {
        ...project.environment,
        environmentVariables: [{ name: 'STAGE', value: 'prod', type: 'PLAINTEXT' }],
      },
    }),
  );
  await codebuild.send(
    new CreateProjectCommand({
      ...project,
      name: 'build_leaky',
      artifacts: { type: 'S3', location: 'artifacts', encryptionDisabled: true },
      environment: {
        ...project.environment,
        environmentVariables: [{ name: 'AWS_SECRET_ACCESS_KEY', value: 'secret', type: 'PLAINTEXT' }],
      },
    }),
  );

  const dynamodb = new DynamoDBClient(config);
  const table = {
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' as const }],
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' as const }],
    BillingMode: 'PAY_PER_REQUEST' as const,
  };
  await dynamodb.send(
    new CreateTableCommand({
      ...table,
      TableName: 'orders',
      SSESpecification: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: KMS_KEY },
      Tags: [{ Key: 'data-classification', Value: 'confidential' }],
    }),
  );
  await dynamodb.send(new CreateTableCommand({ ...table, TableName: 'scratch' }));

  const efs = new EFSClient(config);
  const encrypted = (
    await efs.send(new CreateFileSystemCommand({ CreationToken: 'enc', Encrypted: true, KmsKeyId: KMS_KEY }))
  ).FileSystemId!;
  const plain = (await efs.send(new CreateFileSystemCommand({ CreationToken: 'plain', Encrypted: false })))
    .FileSystemId!;
  const posix = (
    await efs.send(new CreateAccessPointCommand({ FileSystemId: encrypted, PosixUser: { Uid: 1001, Gid: 1001 } }))
  ).AccessPointId!;
  const open = (await efs.send(new CreateAccessPointCommand({ FileSystemId: encrypted }))).AccessPointId!;

  const sagemaker = new SageMakerClient(config);
  await sagemaker.send(
    new CreateNotebookInstanceCommand({
      NotebookInstanceName: 'nb-private',
      InstanceType: 'ml.t3.medium',
      RoleArn: ROLE,
      KmsKeyId: KMS_KEY,
      SubnetId: 'subnet-0a1b2c3d4e5f60001',
      SecurityGroupIds: ['sg-0c4d5e6f7a8b9c0d5'],
      DirectInternetAccess: 'Disabled',
    }),
  );
  await sagemaker.send(
    new CreateNotebookInstanceCommand({
      NotebookInstanceName: 'nb-open',
      InstanceType: 'ml.t3.medium',
      RoleArn: ROLE,
      DirectInternetAccess: 'Enabled',
    }),
  );
  await sagemaker.send(
    new CreateModelCommand({ ModelName: 'ranker', ExecutionRoleArn: ROLE, PrimaryContainer: { Image: 'ranker' } }),
  );
  const variant = {
    VariantName: 'all',
    ModelName: 'ranker',
    InitialInstanceCount: 1,
    InstanceType: 'ml.m5.large' as const,
  };
  const kms = (
    await sagemaker.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: 'ranker-kms',
        ProductionVariants: [variant],
        KmsKeyId: KMS_KEY,
      }),
    )
  ).EndpointConfigArn!;
  const plainConfig = (
    await sagemaker.send(
      new CreateEndpointConfigCommand({ EndpointConfigName: 'ranker-plain', ProductionVariants: [variant] }),
    )
  ).EndpointConfigArn!;

  // Kinesis clients default to HTTP/2, which moto does not speak.
  const kinesis = new KinesisClient({ ...config, requestHandler: new NodeHttpHandler() });
  await kinesis.send(new CreateStreamCommand({ StreamName: 'clicks', ShardCount: 1 }));
  await kinesis.send(new AddTagsToStreamCommand({ StreamName: 'clicks', Tags: { 'data-classification': 'internal' } }));
  await kinesis.send(new CreateStreamCommand({ StreamName: 'untagged', ShardCount: 1 }));

  const emr = new EMRClient(config);
  await emr.send(
    new CreateSecurityConfigurationCommand({
      Name: 'kerberos',
      SecurityConfiguration: JSON.stringify({
        AuthenticationConfiguration: {
          KerberosConfiguration: {
            Provider: 'ClusterDedicatedKdc',
            ClusterDedicatedKdcConfiguration: { TicketLifetimeInHours: 24 },
          },
        },
      }),
    }),
  );
  const jobFlow = {
    ReleaseLabel: 'emr-6.15.0',
    Instances: {
      MasterInstanceType: 'm5.xlarge',
      SlaveInstanceType: 'm5.xlarge',
      InstanceCount: 2,
      KeepJobFlowAliveWhenNoSteps: true,
    },
    JobFlowRole: 'EMR_EC2_DefaultRole',
    ServiceRole: 'EMR_DefaultRole',
  };
  const kerberos = (
    await emr.send(new RunJobFlowCommand({ ...jobFlow, Name: 'etl', SecurityConfiguration: 'kerberos' }))
  ).JobFlowId!;
  const emrPlain = (await emr.send(new RunJobFlowCommand({ ...jobFlow, Name: 'adhoc' }))).JobFlowId!;

  const rds = new RDSClient(config);
  await rds.send(
    new CreateDBParameterGroupCommand({
      DBParameterGroupName: 'pg-tls',
      DBParameterGroupFamily: 'postgres16',
      Description: 'TLS required',
    }),
  );
  await rds.send(
    new ModifyDBParameterGroupCommand({
      DBParameterGroupName: 'pg-tls',
      Parameters: [{ ParameterName: 'rds.force_ssl', ParameterValue: '1', ApplyMethod: 'immediate' }],
    }),
  );
  await rds.send(
    new CreateDBClusterParameterGroupCommand({
      DBClusterParameterGroupName: 'aurora-plain',
      DBParameterGroupFamily: 'aurora-mysql8.0',
      Description: 'defaults',
    }),
  );
  // One DB instance only: moto gives every instance the same DbiResourceId, AWS Config's resource id.
  const tls = (
    await rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: 'pg-tls',
        DBInstanceClass: 'db.t3.micro',
        AllocatedStorage: 20,
        MasterUsername: 'admin',
        MasterUserPassword: 'Passw0rd-123',
        Engine: 'postgres',
        DBParameterGroupName: 'pg-tls',
      }),
    )
  ).DBInstance!.DbiResourceId!;
  const rdsPlain = (
    await rds.send(
      new CreateDBClusterCommand({
        DBClusterIdentifier: 'aurora-plain',
        Engine: 'aurora-mysql',
        MasterUsername: 'admin',
        MasterUserPassword: 'Passw0rd-123',
        DBClusterParameterGroupName: 'aurora-plain',
      }),
    )
  ).DBCluster!.DbClusterResourceId!;

  return {
    fileSystems: { encrypted, plain },
    accessPoints: { posix, open },
    endpointConfigs: { kms, plain: plainConfig },
    emr: { kerberos, plain: emrPlain },
    rds: { tls, plain: rdsPlain },
  };
}

const compliance = (doc: EvaluationDoc, controlId: string, resourceId: string) =>
  verdict(doc, controlId, resourceId).compliance;

describe('rampart scan against moto: data-store collectors', () => {
  let world: World;
  let doc: EvaluationDoc;

  beforeAll(async () => {
    const endpoint = inject('motoEndpoint');
    await resetMoto(endpoint);
    world = await createWorld();
    const run = await scanMoto(endpoint, REGION);
    doc = run.doc;
  }, 180_000);

  it('judges Redshift clusters, with require_ssl read from their parameter group', () => {
    expect(compliance(doc, 'redshift-cluster-public-access-check', 'dw-private')).toBe('COMPLIANT');
    expect(compliance(doc, 'redshift-cluster-public-access-check', 'dw-public')).toBe('NON_COMPLIANT');
    expect(compliance(doc, 'redshift-cluster-kms-enabled', 'dw-private')).toBe('COMPLIANT');
    expect(compliance(doc, 'redshift-cluster-kms-enabled', 'dw-public')).toBe('NON_COMPLIANT');
    // moto cannot modify parameter groups: require_ssl keeps its default, false.
    const tls = verdict(doc, 'redshift-require-tls-ssl', 'dw-private');
    expect(tls.compliance).toBe('NON_COMPLIANT');
    expect(verdict(doc, 'datastore-encryption-in-transit-enforced', 'dw-private').annotation).toContain('dw-params');
    expect(compliance(doc, 'datastore-data-classification-tagged', 'dw-private')).toBe('COMPLIANT');
    expect(compliance(doc, 'datastore-data-classification-tagged', 'dw-public')).toBe('NON_COMPLIANT');
  });

  it('judges OpenSearch and Elasticsearch domains', () => {
    for (const control of [
      'opensearch-encrypted-at-rest',
      'opensearch-node-to-node-encryption-check',
      'opensearch-https-required',
    ]) {
      expect(compliance(doc, control, 'search-secure'), control).toBe('COMPLIANT');
      expect(compliance(doc, control, 'search-open'), control).toBe('NON_COMPLIANT');
    }
    expect(compliance(doc, 'opensearch-in-vpc-only', 'search-open')).toBe('NON_COMPLIANT');
    expect(compliance(doc, 'elasticsearch-encrypted-at-rest', 'legacy-plain')).toBe('NON_COMPLIANT');
    expect(compliance(doc, 'elasticsearch-node-to-node-encryption-check', 'legacy-plain')).toBe('NON_COMPLIANT');
    expect(compliance(doc, 'datastore-encryption-in-transit-enforced', 'search-secure')).toBe('COMPLIANT');
  });

  it('judges CodeBuild projects (artifact encryption, credentials in environment variables)', () => {
    expect(compliance(doc, 'codebuild-project-artifact-encryption', 'build_clean')).toBe('COMPLIANT');
    expect(compliance(doc, 'codebuild-project-artifact-encryption', 'build_leaky')).toBe('NON_COMPLIANT');
    expect(compliance(doc, 'codebuild-project-envvar-awscred-check', 'build_clean')).toBe('COMPLIANT');
    expect(compliance(doc, 'codebuild-project-envvar-awscred-check', 'build_leaky')).toBe('NON_COMPLIANT');
  });

  it('judges DynamoDB tables, EFS file systems and access points', () => {
    expect(compliance(doc, 'dynamodb-table-encrypted-kms', 'orders')).toBe('COMPLIANT');
    expect(compliance(doc, 'dynamodb-table-encrypted-kms', 'scratch')).toBe('NON_COMPLIANT');
    expect(compliance(doc, 'datastore-data-classification-tagged', 'orders')).toBe('COMPLIANT');
    expect(compliance(doc, 'efs-encrypted-check', world.fileSystems.encrypted)).toBe('COMPLIANT');
    expect(compliance(doc, 'efs-encrypted-check', world.fileSystems.plain)).toBe('NON_COMPLIANT');
    expect(compliance(doc, 'efs-access-point-enforce-user-identity', world.accessPoints.posix)).toBe('COMPLIANT');
    expect(compliance(doc, 'efs-access-point-enforce-user-identity', world.accessPoints.open)).toBe('NON_COMPLIANT');
  });

  it('judges SageMaker notebook instances and endpoint configurations', () => {
    expect(compliance(doc, 'sagemaker-notebook-no-direct-internet-access', 'nb-private')).toBe('COMPLIANT');
    expect(compliance(doc, 'sagemaker-notebook-no-direct-internet-access', 'nb-open')).toBe('NON_COMPLIANT');
    expect(compliance(doc, 'sagemaker-notebook-instance-kms-key-configured', 'nb-private')).toBe('COMPLIANT');
    expect(compliance(doc, 'sagemaker-notebook-instance-kms-key-configured', 'nb-open')).toBe('NON_COMPLIANT');
    expect(compliance(doc, 'sagemaker-endpoint-configuration-kms-key-configured', world.endpointConfigs.kms)).toBe(
      'COMPLIANT',
    );
    expect(compliance(doc, 'sagemaker-endpoint-configuration-kms-key-configured', world.endpointConfigs.plain)).toBe(
      'NON_COMPLIANT',
    );
  });

  it('judges Kinesis streams by their classification tag', () => {
    expect(compliance(doc, 'datastore-data-classification-tagged', 'clicks')).toBe('COMPLIANT');
    expect(compliance(doc, 'datastore-data-classification-tagged', 'untagged')).toBe('NON_COMPLIANT');
  });

  it('judges EMR clusters from the Rampart::EMR::Clusters fact (Kerberos, primary node public IPs)', () => {
    expect(compliance(doc, 'emr-kerberos-enabled', world.emr.kerberos)).toBe('COMPLIANT');
    expect(compliance(doc, 'emr-kerberos-enabled', world.emr.plain)).toBe('NON_COMPLIANT');
    // moto's instances have no public IP addresses.
    expect(compliance(doc, 'emr-master-no-public-ip', world.emr.kerberos)).toBe('COMPLIANT');
  });

  it('judges RDS TLS enforcement of instances and Aurora clusters from the Rampart::RDS::ParameterGroupTls fact', () => {
    const tls = verdict(doc, 'datastore-encryption-in-transit-enforced', world.rds.tls);
    expect(tls.compliance).toBe('COMPLIANT');
    expect(tls.annotation).toContain('rds.force_ssl=1');
    const plain = verdict(doc, 'datastore-encryption-in-transit-enforced', world.rds.plain);
    expect(plain.compliance).toBe('NON_COMPLIANT');
    expect(plain.annotation).toContain('DB cluster aurora-plain uses parameter group aurora-plain');
    expect(plain.annotation).toContain('require_secure_transport');
  });

  it('reads every data-store type and fact moto serves without a collection error', () => {
    const unreadable = (doc.scope.incomplete as { resourceTypes: string[] }[]).flatMap((i) => i.resourceTypes);
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
      'AWS::Kinesis::Stream',
      'Rampart::EMR::Clusters',
      'Rampart::RDS::ParameterGroupTls',
    ]) {
      expect(unreadable, type).not.toContain(type);
    }
  });
});
