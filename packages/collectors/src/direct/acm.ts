import {
  ACMClient,
  DescribeCertificateCommand,
  KeyAlgorithm,
  ListTagsForCertificateCommand,
  paginateListCertificates,
} from '@aws-sdk/client-acm';
import { configObject, tagMap } from '../ci.js';
import type { ServiceReader } from '../reader.js';

const CERTIFICATE = 'AWS::ACM::Certificate';

/**
 * Every certificate (ListCertificates returns only RSA-1024/2048 ones unless every key type is asked
 * for), described one by one; the resource id is the certificate ARN.
 */
export const acmReader: ServiceReader = {
  service: 'acm',
  scope: 'regional',
  resourceTypes: [CERTIFICATE],
  factTypes: [],
  async read(ctx) {
    if (!ctx.wants(CERTIFICATE)) return;
    const acm = ctx.clients.get(ACMClient, 'acm', ctx.region);
    await ctx.attempt('ListCertificates', [CERTIFICATE], async () => {
      const arns: string[] = [];
      const pages = paginateListCertificates({ client: acm }, { Includes: { keyTypes: Object.values(KeyAlgorithm) } });
      for await (const page of pages) {
        for (const c of page.CertificateSummaryList ?? []) arns.push(c.CertificateArn!);
      }
      await ctx.limiter.map(arns, async (CertificateArn) => {
        try {
          const certificate = (await acm.send(new DescribeCertificateCommand({ CertificateArn }))).Certificate;
          const tags = (await acm.send(new ListTagsForCertificateCommand({ CertificateArn }))).Tags;
          const configuration = configObject(certificate);
          configuration['inUseBy'] ??= [];
          ctx.item({
            resourceType: CERTIFICATE,
            resourceId: CertificateArn,
            arn: CertificateArn,
            tags: tagMap(tags),
            configuration,
          });
        } catch (error) {
          ctx.fail('DescribeCertificate', [CERTIFICATE], error, undefined, CertificateArn);
        }
      });
    });
  },
};
