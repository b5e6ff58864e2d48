/**
 * The 63 best practices of the AWS Well-Architected Security Pillar, framework version 2024-06-27
 * (pinned: earlier versions reuse the same ids for other practices). Generated once from
 * shared/reference/wa-security-pillar-best-practices.md; tests check it against that file.
 */

export const WELL_ARCHITECTED_VERSION = '2024-06-27';

export interface WellArchitectedQuestion {
  id: string;
  title: string;
}

export interface BestPractice {
  id: string;
  title: string;
  question: string;
}

export const QUESTIONS: readonly WellArchitectedQuestion[] = [
  { id: 'SEC01', title: 'How do you securely operate your workload?' },
  { id: 'SEC02', title: 'How do you manage authentication for people and machines?' },
  { id: 'SEC03', title: 'How do you manage permissions for people and machines?' },
  { id: 'SEC04', title: 'How do you detect and investigate security events?' },
  { id: 'SEC05', title: 'How do you protect your network resources?' },
  { id: 'SEC06', title: 'How do you protect your compute resources?' },
  { id: 'SEC07', title: 'How do you classify your data?' },
  { id: 'SEC08', title: 'How do you protect your data at rest?' },
  { id: 'SEC09', title: 'How do you protect your data in transit?' },
  { id: 'SEC10', title: 'How do you anticipate, respond to, and recover from incidents?' },
  {
    id: 'SEC11',
    title:
      'How do you incorporate and validate the security properties of applications throughout the design, development, and deployment lifecycle?',
  },
];

export const BEST_PRACTICES: readonly BestPractice[] = [
  { id: 'SEC01-BP01', title: 'Separate workloads using accounts', question: 'SEC01' },
  { id: 'SEC01-BP02', title: 'Secure account root user and properties', question: 'SEC01' },
  { id: 'SEC01-BP03', title: 'Identify and validate control objectives', question: 'SEC01' },
  { id: 'SEC01-BP04', title: 'Stay up to date with security threats and recommendations', question: 'SEC01' },
  { id: 'SEC01-BP05', title: 'Reduce security management scope', question: 'SEC01' },
  { id: 'SEC01-BP06', title: 'Automate deployment of standard security controls', question: 'SEC01' },
  { id: 'SEC01-BP07', title: 'Identify threats and prioritize mitigations using a threat model', question: 'SEC01' },
  { id: 'SEC01-BP08', title: 'Evaluate and implement new security services and features regularly', question: 'SEC01' },
  { id: 'SEC02-BP01', title: 'Use strong sign-in mechanisms', question: 'SEC02' },
  { id: 'SEC02-BP02', title: 'Use temporary credentials', question: 'SEC02' },
  { id: 'SEC02-BP03', title: 'Store and use secrets securely', question: 'SEC02' },
  { id: 'SEC02-BP04', title: 'Rely on a centralized identity provider', question: 'SEC02' },
  { id: 'SEC02-BP05', title: 'Audit and rotate credentials periodically', question: 'SEC02' },
  { id: 'SEC02-BP06', title: 'Employ user groups and attributes', question: 'SEC02' },
  { id: 'SEC03-BP01', title: 'Define access requirements', question: 'SEC03' },
  { id: 'SEC03-BP02', title: 'Grant least privilege access', question: 'SEC03' },
  { id: 'SEC03-BP03', title: 'Establish emergency access process', question: 'SEC03' },
  { id: 'SEC03-BP04', title: 'Reduce permissions continuously', question: 'SEC03' },
  { id: 'SEC03-BP05', title: 'Define permission guardrails for your organization', question: 'SEC03' },
  { id: 'SEC03-BP06', title: 'Manage access based on lifecycle', question: 'SEC03' },
  { id: 'SEC03-BP07', title: 'Analyze public and cross-account access', question: 'SEC03' },
  { id: 'SEC03-BP08', title: 'Share resources securely within your organization', question: 'SEC03' },
  { id: 'SEC03-BP09', title: 'Share resources securely with a third party', question: 'SEC03' },
  { id: 'SEC04-BP01', title: 'Configure service and application logging', question: 'SEC04' },
  { id: 'SEC04-BP02', title: 'Capture logs, findings, and metrics in standardized locations', question: 'SEC04' },
  { id: 'SEC04-BP03', title: 'Correlate and enrich security alerts', question: 'SEC04' },
  { id: 'SEC04-BP04', title: 'Initiate remediation for non-compliant resources', question: 'SEC04' },
  { id: 'SEC05-BP01', title: 'Create network layers', question: 'SEC05' },
  { id: 'SEC05-BP02', title: 'Control traffic flow within your network layers', question: 'SEC05' },
  { id: 'SEC05-BP03', title: 'Implement inspection-based protection', question: 'SEC05' },
  { id: 'SEC05-BP04', title: 'Automate network protection', question: 'SEC05' },
  { id: 'SEC06-BP01', title: 'Perform vulnerability management', question: 'SEC06' },
  { id: 'SEC06-BP02', title: 'Provision compute from hardened images', question: 'SEC06' },
  { id: 'SEC06-BP03', title: 'Reduce manual management and interactive access', question: 'SEC06' },
  { id: 'SEC06-BP04', title: 'Validate software integrity', question: 'SEC06' },
  { id: 'SEC06-BP05', title: 'Automate compute protection', question: 'SEC06' },
  { id: 'SEC07-BP01', title: 'Understand your data classification scheme', question: 'SEC07' },
  { id: 'SEC07-BP02', title: 'Apply data protection controls based on data sensitivity', question: 'SEC07' },
  { id: 'SEC07-BP03', title: 'Automate identification and classification', question: 'SEC07' },
  { id: 'SEC07-BP04', title: 'Define scalable data lifecycle management', question: 'SEC07' },
  { id: 'SEC08-BP01', title: 'Implement secure key management', question: 'SEC08' },
  { id: 'SEC08-BP02', title: 'Enforce encryption at rest', question: 'SEC08' },
  { id: 'SEC08-BP03', title: 'Automate data at rest protection', question: 'SEC08' },
  { id: 'SEC08-BP04', title: 'Enforce access control', question: 'SEC08' },
  { id: 'SEC09-BP01', title: 'Implement secure key and certificate management', question: 'SEC09' },
  { id: 'SEC09-BP02', title: 'Enforce encryption in transit', question: 'SEC09' },
  { id: 'SEC09-BP03', title: 'Authenticate network communications', question: 'SEC09' },
  { id: 'SEC10-BP01', title: 'Identify key personnel and external resources', question: 'SEC10' },
  { id: 'SEC10-BP02', title: 'Develop incident management plans', question: 'SEC10' },
  { id: 'SEC10-BP03', title: 'Prepare forensic capabilities', question: 'SEC10' },
  { id: 'SEC10-BP04', title: 'Develop and test security incident response playbooks', question: 'SEC10' },
  { id: 'SEC10-BP05', title: 'Pre-provision access', question: 'SEC10' },
  { id: 'SEC10-BP06', title: 'Pre-deploy tools', question: 'SEC10' },
  { id: 'SEC10-BP07', title: 'Run simulations', question: 'SEC10' },
  { id: 'SEC10-BP08', title: 'Establish a framework for learning from incidents', question: 'SEC10' },
  { id: 'SEC11-BP01', title: 'Train for application security', question: 'SEC11' },
  { id: 'SEC11-BP02', title: 'Automate testing throughout the development and release lifecycle', question: 'SEC11' },
  { id: 'SEC11-BP03', title: 'Perform regular penetration testing', question: 'SEC11' },
  { id: 'SEC11-BP04', title: 'Conduct code reviews', question: 'SEC11' },
  { id: 'SEC11-BP05', title: 'Centralize services for packages and dependencies', question: 'SEC11' },
  { id: 'SEC11-BP06', title: 'Deploy software programmatically', question: 'SEC11' },
  { id: 'SEC11-BP07', title: 'Regularly assess security properties of the pipelines', question: 'SEC11' },
  { id: 'SEC11-BP08', title: 'Build a program that embeds security ownership in workload teams', question: 'SEC11' },
];

const BY_ID = new Map(BEST_PRACTICES.map((bp) => [bp.id, bp]));

export function bestPractice(id: string): BestPractice | undefined {
  return BY_ID.get(id);
}
