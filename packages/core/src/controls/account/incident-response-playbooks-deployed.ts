import * as z from 'zod';
import { compliant, defineControl, nonCompliant, param } from '../../model/control.js';
import { INCIDENT_RESPONSE_TAG, incidentResponseItems, nameList, PLAYBOOK_TAG } from './incident-response.js';

const STATE_MACHINE = 'AWS::StepFunctions::StateMachine';

/** The playbooks Rampart's responder app deploys (apps/responder). */
export const RAMPART_PLAYBOOKS = ['compromised-access-key', 'public-s3-exposure', 'ec2-compromise'] as const;

export const incidentResponsePlaybooksDeployed = defineControl({
  id: 'incident-response-playbooks-deployed',
  title: 'The incident response playbooks are deployed as Step Functions state machines in every region',
  description:
    'Checks whether each playbook in playbooks (default compromised-access-key, public-s3-exposure, ec2-compromise) is deployed in the region as a Step Functions state machine tagged rampart:component=incident-response, matched on its rampart:playbook tag.',
  area: 'incident-response',
  severity: 'MEDIUM',
  resourceTypes: ['AWS::::Account'],
  wellArchitected: ['SEC10-BP04'],
  rationale: {
    'SEC10-BP04':
      'The response playbooks exist as deployed Step Functions state machines; whether they are tested is attested under SEC10-BP07.',
  },
  trigger: 'periodic',
  needs: [STATE_MACHINE],
  parameters: z.strictObject({ playbooks: param.csv(RAMPART_PLAYBOOKS) }),
  remediation: {
    text: 'Deploy the Rampart responder (the incident-response Step Functions playbooks) in every region you use, and keep their rampart:component and rampart:playbook tags.',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/sec_incident_response_playbooks.html',
  },
  evaluate(_item, ctx) {
    const deployed = new Set<string>();
    for (const machine of incidentResponseItems(ctx.items(STATE_MACHINE))) {
      const playbook = machine.tags[PLAYBOOK_TAG];
      if (playbook !== undefined) deployed.add(playbook);
    }
    const wanted = ctx.params.playbooks;
    const missing = wanted.filter((p) => !deployed.has(p));
    if (missing.length > 0) {
      return nonCompliant(
        `Incident response playbook(s) not deployed in ${ctx.region}: ${nameList(missing, 5)} (no state machine tagged ${INCIDENT_RESPONSE_TAG} and ${PLAYBOOK_TAG}=<name>).`,
      );
    }
    return compliant(
      `All ${wanted.length} incident response playbooks are deployed in ${ctx.region}: ${nameList(wanted, 5)}.`,
    );
  },
});
