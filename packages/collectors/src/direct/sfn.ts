import { ListTagsForResourceCommand, paginateListStateMachines, SFNClient } from '@aws-sdk/client-sfn';
import { tagMap } from '../ci.js';
import type { ServiceReader } from '../reader.js';

const STATE_MACHINE = 'AWS::StepFunctions::StateMachine';

/** The incident-response controls find Rampart's playbooks by their tags, so tags are what matters here. */
export const sfnReader: ServiceReader = {
  service: 'states',
  scope: 'regional',
  resourceTypes: [STATE_MACHINE],
  factTypes: [],
  async read(ctx) {
    if (!ctx.readResources) return;
    const sfn = ctx.clients.get(SFNClient, 'states', ctx.region);
    await ctx.attempt('ListStateMachines', [STATE_MACHINE], async () => {
      const machines: { arn: string; name: string; type?: string; created?: string }[] = [];
      for await (const page of paginateListStateMachines({ client: sfn }, {})) {
        for (const m of page.stateMachines ?? []) {
          machines.push({
            arn: m.stateMachineArn!,
            name: m.name!,
            type: m.type,
            created: m.creationDate?.toISOString(),
          });
        }
      }
      await ctx.limiter.map(machines, async (m) => {
        try {
          const tags = (await sfn.send(new ListTagsForResourceCommand({ resourceArn: m.arn }))).tags;
          ctx.item({
            resourceType: STATE_MACHINE,
            resourceId: m.arn,
            resourceName: m.name,
            arn: m.arn,
            tags: tagMap(tags),
            configuration: {
              Arn: m.arn,
              StateMachineName: m.name,
              StateMachineType: m.type ?? null,
              CreationDate: m.created ?? null,
            },
          });
        } catch (error) {
          ctx.fail('ListTagsForResource', [STATE_MACHINE], error, undefined, `state machine ${m.name}`);
        }
      });
    });
  },
};
