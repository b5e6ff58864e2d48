import { APIGatewayClient, GetStagesCommand, paginateGetRestApis } from '@aws-sdk/client-api-gateway';
import {
  ApiGatewayV2Client,
  GetApisCommand,
  GetStagesCommand as GetV2StagesCommand,
} from '@aws-sdk/client-apigatewayv2';
import { configObject, plainShape } from '../ci.js';
import type { ServiceReader } from '../reader.js';

const REST_STAGE = 'AWS::ApiGateway::Stage';
const V2_STAGE = 'AWS::ApiGatewayV2::Stage';

/** Keys chosen by users (resource paths, route keys, variable names) that must keep their spelling. */
const V2_MAPS: ReadonlySet<string> = new Set(['routeSettings', 'stageVariables', 'tags']);

/**
 * REST API stages; the API already uses AWS Config's camelCase names (`methodSettings` keyed by
 * `resource/METHOD`). The resource id is the stage ARN `arn:aws:apigateway:<region>::/restapis/<id>/stages/<name>`.
 */
export const apiGatewayReader: ServiceReader = {
  service: 'api-gateway',
  scope: 'regional',
  resourceTypes: [REST_STAGE],
  factTypes: [],
  async read(ctx) {
    if (!ctx.wants(REST_STAGE)) return;
    const api = ctx.clients.get(APIGatewayClient, 'api-gateway', ctx.region);
    await ctx.attempt('GetRestApis', [REST_STAGE], async () => {
      const ids: string[] = [];
      for await (const page of paginateGetRestApis({ client: api }, { limit: 500 })) {
        for (const a of page.items ?? []) ids.push(a.id!);
      }
      await ctx.limiter.map(ids, async (restApiId) => {
        try {
          const stages = (await api.send(new GetStagesCommand({ restApiId }))).item ?? [];
          for (const stage of stages) {
            const arn = `arn:${ctx.partition}:apigateway:${ctx.region}::/restapis/${restApiId}/stages/${stage.stageName}`;
            const configuration = plainShape(stage) as Record<string, unknown>;
            configuration['methodSettings'] ??= {};
            configuration['clientCertificateId'] ??= null;
            ctx.item({
              resourceType: REST_STAGE,
              resourceId: arn,
              resourceName: stage.stageName,
              arn,
              tags: stage.tags ?? {},
              configuration,
              relationships: [
                { resourceType: 'AWS::ApiGateway::RestApi', resourceId: restApiId, name: 'Is contained in RestApi' },
              ],
            });
          }
        } catch (error) {
          ctx.fail('GetStages', [REST_STAGE], error, undefined, `REST API ${restApiId}`);
        }
      });
    });
  },
};

/** HTTP and WebSocket API stages, with AWS Config's camelCase names; route keys keep their spelling. */
export const apiGatewayV2Reader: ServiceReader = {
  service: 'apigatewayv2',
  scope: 'regional',
  resourceTypes: [V2_STAGE],
  factTypes: [],
  async read(ctx) {
    if (!ctx.wants(V2_STAGE)) return;
    const api = ctx.clients.get(ApiGatewayV2Client, 'apigatewayv2', ctx.region);
    await ctx.attempt('GetApis', [V2_STAGE], async () => {
      const ids: string[] = [];
      let NextToken: string | undefined;
      do {
        const page = await api.send(new GetApisCommand({ NextToken, MaxResults: '500' }));
        for (const a of page.Items ?? []) ids.push(a.ApiId!);
        NextToken = page.NextToken;
      } while (NextToken !== undefined);
      await ctx.limiter.map(ids, async (ApiId) => {
        try {
          let token: string | undefined;
          do {
            const page = await api.send(new GetV2StagesCommand({ ApiId, NextToken: token, MaxResults: '500' }));
            for (const stage of page.Items ?? []) {
              const arn = `arn:${ctx.partition}:apigateway:${ctx.region}::/apis/${ApiId}/stages/${stage.StageName}`;
              const configuration = configObject(stage, V2_MAPS);
              configuration['routeSettings'] ??= {};
              configuration['defaultRouteSettings'] ??= null;
              ctx.item({
                resourceType: V2_STAGE,
                resourceId: arn,
                resourceName: stage.StageName,
                arn,
                tags: stage.Tags ?? {},
                configuration,
                relationships: [
                  { resourceType: 'AWS::ApiGatewayV2::Api', resourceId: ApiId, name: 'Is contained in Api' },
                ],
              });
            }
            token = page.NextToken;
          } while (token !== undefined);
        } catch (error) {
          ctx.fail('GetStages', [V2_STAGE], error, undefined, `API ${ApiId}`);
        }
      });
    });
  },
};
