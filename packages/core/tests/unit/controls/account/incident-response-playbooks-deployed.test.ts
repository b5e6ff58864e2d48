import { describe, expect, it } from 'vitest';
import { incidentResponsePlaybooksDeployed as control } from '../../../../src/controls/account/incident-response-playbooks-deployed.js';
import { ACCOUNT, accountVerdict, fixture, REGION } from '../../../helpers.js';

const SM = 'AWS::StepFunctions::StateMachine';
const playbooks = () => [
  fixture(SM, 'ir-compromised-access-key'),
  fixture(SM, 'ir-public-s3-exposure'),
  fixture(SM, 'ir-ec2-compromise'),
];

describe('incident-response-playbooks-deployed', () => {
  it('compliant: all three playbooks deployed', () => {
    const v = accountVerdict(control, playbooks());
    expect(v).toMatchObject({ compliance: 'COMPLIANT', resourceType: 'AWS::::Account', resourceId: ACCOUNT });
    expect(v.annotation).toBe(
      `All 3 incident response playbooks are deployed in ${REGION}: compromised-access-key, public-s3-exposure, ec2-compromise.`,
    );
  });

  it('non-compliant: a playbook is missing', () => {
    const v = accountVerdict(control, playbooks().slice(0, 2));
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe(
      `Incident response playbook(s) not deployed in ${REGION}: ec2-compromise (no state machine tagged rampart:component=incident-response and rampart:playbook=<name>).`,
    );
  });

  it('non-compliant: no playbooks at all', () => {
    const v = accountVerdict(control, []);
    expect(v.annotation).toContain(
      'not deployed in eu-west-1: compromised-access-key, public-s3-exposure, ec2-compromise',
    );
  });

  it('non-compliant: a state machine with the playbook tag but not the incident-response component tag', () => {
    const machines = playbooks();
    machines[0]!.tags['rampart:component'] = 'baseline';
    expect(accountVerdict(control, machines).annotation).toContain(': compromised-access-key (no state machine');
  });

  it('non-compliant: the playbook state machine was deleted', () => {
    const machines = playbooks();
    machines[2]!.configurationItemStatus = 'ResourceDeleted';
    expect(accountVerdict(control, machines).annotation).toContain(': ec2-compromise (no state machine');
  });

  it('parameters: playbooks names the playbooks to require', () => {
    const params = { playbooks: 'compromised-access-key,ec2-compromise' };
    const machines = playbooks().filter((m) => m.tags['rampart:playbook'] !== 'public-s3-exposure');
    expect(accountVerdict(control, machines, { params }).compliance).toBe('COMPLIANT');
    const more = { playbooks: 'compromised-access-key,ransomware' };
    expect(accountVerdict(control, machines, { params: more }).annotation).toContain(': ransomware (no state machine');
  });

  it('insufficient data: state machines could not be read', () => {
    const v = accountVerdict(control, [], {
      collectionErrors: [
        {
          accountId: ACCOUNT,
          region: REGION,
          service: 'states',
          operation: 'ListStateMachines',
          resourceTypes: [SM],
          code: 'AccessDeniedException',
          message: 'not authorized',
        },
      ],
    });
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
  });
});
