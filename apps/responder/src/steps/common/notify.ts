import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { client } from '../../clients.js';
import { required } from '../../env.js';
import { PLAYBOOK_NAMES, type PlaybookName } from '../../incident.js';
import { defineStep, lambdaHandler, type StepContext, type StepResult } from '../../step.js';
import { summarize } from './summary.js';

export const step = defineStep({
  id: 'notify',
  description:
    'Publishes the run summary (what was done, what was planned, where the evidence is) to the incident topic',
  playbooks: PLAYBOOK_NAMES as readonly PlaybookName[],
  permissions: [
    { sid: 'PublishSummary', actions: ['sns:Publish'], resources: ['{topic}'] },
    { sid: 'EncryptedTopic', actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: ['{topicKey}'] },
  ],
  async run(ctx: StepContext) {
    const topic = required(ctx.env, 'RAMPART_NOTIFICATION_TOPIC_ARN');
    const steps = (ctx.state.steps ?? {}) as Record<string, StepResult>;
    const { subject, message } = summarize(ctx.incident, steps, ctx.state.error);
    ctx.data['subject'] = subject;
    // A dry run reports its plan in the execution output; it publishes nothing.
    await ctx.perform({ action: 'sns:Publish', target: topic, detail: subject }, () =>
      client(ctx.env, SNSClient, 'sns').send(
        new PublishCommand({
          TopicArn: topic,
          Subject: subject,
          Message: message,
          MessageAttributes: {
            playbook: { DataType: 'String', StringValue: ctx.incident.playbook },
            incidentId: { DataType: 'String', StringValue: ctx.incident.incidentId },
          },
        }),
      ),
    );
  },
});

export const handler = lambdaHandler(step);
