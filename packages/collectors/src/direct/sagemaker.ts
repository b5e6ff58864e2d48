import {
  DescribeEndpointConfigCommand,
  DescribeNotebookInstanceCommand,
  paginateListEndpointConfigs,
  paginateListNotebookInstances,
  paginateListTags,
  SageMakerClient,
  type Tag,
} from '@aws-sdk/client-sagemaker';
import { pick, plainShape, tagMap } from '../ci.js';
import type { ReaderContext, ServiceReader } from '../reader.js';

const NOTEBOOK = 'AWS::SageMaker::NotebookInstance';
const ENDPOINT_CONFIG = 'AWS::SageMaker::EndpointConfig';

const VARIANT_KEYS = [
  'VariantName',
  'ModelName',
  'InitialInstanceCount',
  'InstanceType',
  'InitialVariantWeight',
  'AcceleratorType',
  'VolumeSizeInGB',
  'ModelDataDownloadTimeoutInSeconds',
  'ContainerStartupHealthCheckTimeoutInSeconds',
  'EnableSSMAccess',
  'CoreDumpConfig',
  'ServerlessConfig',
] as const;

async function tagsOf(sm: SageMakerClient, ResourceArn: string): Promise<Tag[]> {
  const tags: Tag[] = [];
  for await (const page of paginateListTags({ client: sm }, { ResourceArn })) tags.push(...(page.Tags ?? []));
  return tags;
}

function readNotebooks(ctx: ReaderContext, sm: SageMakerClient): Promise<unknown> {
  return ctx.attempt('ListNotebookInstances', [NOTEBOOK], async () => {
    const names: string[] = [];
    for await (const page of paginateListNotebookInstances({ client: sm }, {})) {
      for (const n of page.NotebookInstances ?? []) names.push(n.NotebookInstanceName!);
    }
    await ctx.limiter.map(names, async (NotebookInstanceName) => {
      let operation = 'DescribeNotebookInstance';
      try {
        const n = await sm.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName }));
        operation = 'ListTags';
        const tags = await tagsOf(sm, n.NotebookInstanceArn!);
        // The CloudFormation-like shape AWS Config records: `Id` is the name, lists always present.
        const configuration = plainShape({
          NotebookInstanceName,
          Id: NotebookInstanceName,
          InstanceType: n.InstanceType,
          RoleArn: n.RoleArn,
          KmsKeyId: n.KmsKeyId,
          SubnetId: n.SubnetId,
          SecurityGroupIds: n.SecurityGroups,
          DirectInternetAccess: n.DirectInternetAccess,
          RootAccess: n.RootAccess,
          VolumeSizeInGB: n.VolumeSizeInGB,
          LifecycleConfigName: n.NotebookInstanceLifecycleConfigName,
          DefaultCodeRepository: n.DefaultCodeRepository,
          AcceleratorTypes: n.AcceleratorTypes ?? [],
          AdditionalCodeRepositories: n.AdditionalCodeRepositories ?? [],
        }) as Record<string, unknown>;
        ctx.item({
          resourceType: NOTEBOOK,
          resourceId: NotebookInstanceName,
          resourceName: NotebookInstanceName,
          arn: n.NotebookInstanceArn,
          tags: tagMap(tags),
          configuration,
        });
      } catch (error) {
        ctx.fail(operation, [NOTEBOOK], error, undefined, `notebook instance ${NotebookInstanceName}`);
      }
    });
  });
}

function readEndpointConfigs(ctx: ReaderContext, sm: SageMakerClient): Promise<unknown> {
  return ctx.attempt('ListEndpointConfigs', [ENDPOINT_CONFIG], async () => {
    const names: string[] = [];
    for await (const page of paginateListEndpointConfigs({ client: sm }, {})) {
      for (const e of page.EndpointConfigs ?? []) names.push(e.EndpointConfigName!);
    }
    await ctx.limiter.map(names, async (EndpointConfigName) => {
      let operation = 'DescribeEndpointConfig';
      try {
        const e = await sm.send(new DescribeEndpointConfigCommand({ EndpointConfigName }));
        operation = 'ListTags';
        const arn = e.EndpointConfigArn!;
        const tags = await tagsOf(sm, arn);
        const configuration = plainShape({
          EndpointConfigName,
          Id: arn,
          KmsKeyId: e.KmsKeyId,
          ProductionVariants: (e.ProductionVariants ?? []).map((v) => pick(v, VARIANT_KEYS)),
          DataCaptureConfig: e.DataCaptureConfig,
        }) as Record<string, unknown>;
        ctx.item({
          resourceType: ENDPOINT_CONFIG,
          resourceId: arn,
          resourceName: EndpointConfigName,
          arn,
          tags: tagMap(tags),
          configuration,
        });
      } catch (error) {
        ctx.fail(operation, [ENDPOINT_CONFIG], error, undefined, `endpoint configuration ${EndpointConfigName}`);
      }
    });
  });
}

/**
 * SageMaker notebook instances (resource id: the name) and endpoint configurations (resource id: the ARN),
 * in AWS Config's PascalCase shape.
 */
export const sageMakerReader: ServiceReader = {
  service: 'sagemaker',
  scope: 'regional',
  resourceTypes: [NOTEBOOK, ENDPOINT_CONFIG],
  factTypes: [],
  async read(ctx) {
    const sm = ctx.clients.get(SageMakerClient, 'sagemaker', ctx.region);
    await Promise.all([
      ctx.wants(NOTEBOOK) && readNotebooks(ctx, sm),
      ctx.wants(ENDPOINT_CONFIG) && readEndpointConfigs(ctx, sm),
    ]);
  },
};
