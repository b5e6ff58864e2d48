import * as z from 'zod';
import { EmrClustersFact } from '../../facts/index.js';
import { compliant, defineControl, nonCompliant, notApplicable, type Verdict } from '../../model/control.js';
import { clusterLabel, clusterVerdict, type EmrCluster } from './clusters.js';

const blankToUndefined = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);
const optionalString = z.preprocess(blankToUndefined, z.string().trim().optional());
const optionalHours = z.preprocess((v) => {
  const value = blankToUndefined(v);
  return typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
}, z.number().int().min(1).optional());

type Params = {
  TicketLifetimeInHours?: number | undefined;
  Realm?: string | undefined;
  Domain?: string | undefined;
  AdminServer?: string | undefined;
  KdcServer?: string | undefined;
};

function check(cluster: EmrCluster, params: Params): Verdict {
  const label = clusterLabel(cluster);
  if (!cluster.securityConfiguration) return nonCompliant(`${label} has no security configuration attached.`);
  const kerberos = cluster.kerberosConfiguration;
  if (!kerberos) {
    return nonCompliant(
      `${label} uses security configuration ${cluster.securityConfiguration}, which does not enable Kerberos.`,
    );
  }
  const kdc = kerberos.ClusterDedicatedKdcConfiguration;
  const trust = kdc?.CrossRealmTrustConfiguration;
  const mismatches: string[] = [];
  if (params.TicketLifetimeInHours !== undefined && kdc?.TicketLifetimeInHours !== params.TicketLifetimeInHours) {
    mismatches.push(
      `TicketLifetimeInHours ${kdc?.TicketLifetimeInHours ?? 'unset'} (expected ${params.TicketLifetimeInHours})`,
    );
  }
  for (const key of ['Realm', 'Domain', 'AdminServer', 'KdcServer'] as const) {
    const wanted = params[key];
    if (wanted !== undefined && trust?.[key] !== wanted) {
      mismatches.push(`${key} ${trust?.[key] ?? 'unset'} (expected ${wanted})`);
    }
  }
  if (mismatches.length > 0) {
    return nonCompliant(
      `${label} uses Kerberos security configuration ${cluster.securityConfiguration} with ${mismatches.join(', ')}.`,
    );
  }
  return compliant(
    `${label} has Kerberos enabled through security configuration ${cluster.securityConfiguration} (${kerberos.Provider ?? 'unknown provider'}).`,
  );
}

export const emrKerberosEnabled = defineControl({
  id: 'emr-kerberos-enabled',
  title: 'EMR clusters have Kerberos authentication enabled',
  description:
    'Checks whether each active Amazon EMR cluster of the region has a security configuration with Kerberos authentication, and that the configuration matches the TicketLifetimeInHours, Realm, Domain, AdminServer and KdcServer parameters that are set.',
  area: 'iam',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC09-BP03'],
  rationale: {
    'SEC09-BP03': 'Users and services inside the cluster authenticate to each other with Kerberos.',
  },
  references: { awsConfigRules: ['emr-kerberos-enabled'] },
  trigger: 'periodic',
  needs: [EmrClustersFact.type],
  parameters: z.strictObject({
    TicketLifetimeInHours: optionalHours,
    Realm: optionalString,
    Domain: optionalString,
    AdminServer: optionalString,
    KdcServer: optionalString,
  }),
  remediation: {
    text: 'Create a security configuration with Kerberos authentication (cluster-dedicated KDC, optionally with a cross-realm trust) and launch clusters with it; a running cluster must be relaunched.',
    url: 'https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-kerberos.html',
  },
  evaluate(item, ctx) {
    const clusters = ctx.require(EmrClustersFact).clusters;
    if (clusters.length === 0) {
      return notApplicable(`Account ${item.accountId} has no active EMR clusters in ${ctx.region}.`);
    }
    return clusters.map((c) => clusterVerdict(c, check(c, ctx.params)));
  },
});
