import {
  BatchGetProjectsCommand,
  CodeBuildClient,
  type Project,
  paginateListProjects,
} from '@aws-sdk/client-codebuild';
import { type ItemFields, pick, plainShape, tagMap } from '../ci.js';
import type { ServiceReader } from '../reader.js';

const PROJECT = 'AWS::CodeBuild::Project';

/** BatchGetProjects takes at most 100 names. */
const BATCH = 100;

/** The project fields AWS Config records (the API's camelCase; `queuedTimeoutInMinutes` is spelled `queuedtimeoutInMinutes`). */
const PROJECT_KEYS = [
  'name',
  'description',
  'source',
  'secondarySources',
  'sourceVersion',
  'secondarySourceVersions',
  'artifacts',
  'secondaryArtifacts',
  'cache',
  'environment',
  'serviceRole',
  'timeoutInMinutes',
  'queuedTimeoutInMinutes',
  'encryptionKey',
  'vpcConfig',
  'logsConfig',
  'fileSystemLocations',
  'buildBatchConfig',
  'concurrentBuildLimit',
] as const;

/** `AWS::CodeBuild::Project` as AWS Config records it (resource id: the project name). */
export function projectItem(p: Project): ItemFields {
  const configuration: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(plainShape(pick(p, PROJECT_KEYS)) as Record<string, unknown>)) {
    configuration[k === 'queuedTimeoutInMinutes' ? 'queuedtimeoutInMinutes' : k] = v;
  }
  const roleName = p.serviceRole?.split('/').pop();
  return {
    resourceType: PROJECT,
    resourceId: p.name!,
    resourceName: p.name,
    arn: p.arn,
    tags: tagMap(p.tags),
    relationships:
      roleName !== undefined && roleName !== ''
        ? [
            {
              resourceId: roleName,
              resourceName: roleName,
              resourceType: 'AWS::IAM::Role',
              name: 'Is associated with Role',
            },
          ]
        : [],
    configuration,
  };
}

/** CodeBuild projects: ListProjects, then BatchGetProjects in batches of 100. */
export const codeBuildReader: ServiceReader = {
  service: 'codebuild',
  scope: 'regional',
  resourceTypes: [PROJECT],
  factTypes: [],
  async read(ctx) {
    if (!ctx.wants(PROJECT)) return;
    const codebuild = ctx.clients.get(CodeBuildClient, 'codebuild', ctx.region);
    await ctx.attempt('ListProjects', [PROJECT], async () => {
      const names: string[] = [];
      for await (const page of paginateListProjects({ client: codebuild }, {})) names.push(...(page.projects ?? []));
      for (let i = 0; i < names.length; i += BATCH) {
        const batch = names.slice(i, i + BATCH);
        try {
          const out = await codebuild.send(new BatchGetProjectsCommand({ names: batch }));
          for (const p of out.projects ?? []) ctx.item(projectItem(p));
          const missing = out.projectsNotFound ?? [];
          if (missing.length > 0) {
            // Deleted between the two calls: nothing to evaluate, but say so.
            ctx.fail(
              'BatchGetProjects',
              [PROJECT],
              new ProjectsNotFoundError(`projects not found: ${missing.join(', ')}`),
            );
          }
        } catch (error) {
          ctx.fail('BatchGetProjects', [PROJECT], error, undefined, `projects ${batch[0]}…${batch.at(-1)}`);
        }
      }
    });
  },
};

/** BatchGetProjects did not return some listed projects. */
export class ProjectsNotFoundError extends Error {
  override readonly name = 'ProjectsNotFoundError';
}
