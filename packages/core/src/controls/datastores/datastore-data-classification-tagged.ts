import * as z from 'zod';
import { compliant, defineControl, nonCompliant, notApplicable, param } from '../../model/control.js';

/** Resource types that hold data, with the noun annotations use. */
const DATA_STORES: Readonly<Record<string, string>> = {
  'AWS::S3::Bucket': 'S3 bucket',
  'AWS::DynamoDB::Table': 'DynamoDB table',
  'AWS::RDS::DBInstance': 'DB instance',
  'AWS::RDS::DBCluster': 'DB cluster',
  'AWS::EFS::FileSystem': 'EFS file system',
  'AWS::Redshift::Cluster': 'Redshift cluster',
  'AWS::OpenSearch::Domain': 'OpenSearch domain',
  'AWS::Elasticsearch::Domain': 'Elasticsearch domain',
  'AWS::EC2::Volume': 'EBS volume',
  'AWS::Kinesis::Stream': 'Kinesis stream',
};

/** The identifier people know a store by, where AWS Config's resource id is an opaque one. */
function storeName(configuration: Readonly<Record<string, unknown>>, fallback: string): string {
  for (const key of ['dBInstanceIdentifier', 'dbclusterIdentifier', 'DomainName', 'domainName', 'tableName']) {
    const value = configuration[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return fallback;
}

export const datastoreDataClassificationTagged = defineControl({
  id: 'datastore-data-classification-tagged',
  title: 'Data stores carry a data-classification tag with an allowed value',
  description:
    'Checks whether a resource that holds data (S3 bucket, DynamoDB table, RDS instance or cluster, EFS, Redshift, OpenSearch, EBS volume, Kinesis stream) has the tag tagKey (default data-classification) with a value from allowedValues. Aurora member instances are judged on their cluster.',
  area: 'data-protection',
  severity: 'LOW',
  resourceTypes: Object.keys(DATA_STORES),
  wellArchitected: ['SEC07-BP01', 'SEC07-BP02'],
  rationale: {
    'SEC07-BP01': 'Every data store is labelled with a level of the classification scheme.',
    'SEC07-BP02':
      'The classification tag is the key that sensitivity-based policies (ABAC, backup, retention) select on.',
  },
  trigger: 'change',
  parameters: z.strictObject({
    tagKey: z.string().min(1).default('data-classification'),
    allowedValues: param.csv(['public', 'internal', 'confidential', 'restricted']),
  }),
  remediation: {
    text: 'Tag the resource with its classification from your data classification scheme, and enforce the tag with tag policies and an SCP or IaC checks so new stores cannot be created without it.',
    url: 'https://docs.aws.amazon.com/whitepapers/latest/data-classification/data-classification-overview.html',
  },
  evaluate(item, ctx) {
    const noun = DATA_STORES[item.resourceType] ?? item.resourceType;
    const c = item.configuration;
    const name = storeName(c, item.resourceName ?? item.resourceId);
    const cluster = c['dBClusterIdentifier'];
    if (item.resourceType === 'AWS::RDS::DBInstance' && typeof cluster === 'string' && cluster !== '') {
      return notApplicable(`DB instance ${name} belongs to DB cluster ${cluster}, which carries the classification.`);
    }
    const { tagKey, allowedValues } = ctx.params;
    const value = item.tags[tagKey];
    if (value === undefined) return nonCompliant(`${noun} ${name} has no ${tagKey} tag.`);
    if (allowedValues.length > 0 && !allowedValues.includes(value)) {
      return nonCompliant(`${noun} ${name} has ${tagKey}=${value}, which is not one of ${allowedValues.join(', ')}.`);
    }
    return compliant(`${noun} ${name} is classified ${tagKey}=${value}.`);
  },
});
