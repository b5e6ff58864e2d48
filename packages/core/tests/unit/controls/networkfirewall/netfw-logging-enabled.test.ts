import { describe, expect, it } from 'vitest';
import { netfwLoggingEnabled as control } from '../../../../src/controls/networkfirewall/netfw-logging-enabled.js';
import { NetworkFirewallLoggingFact } from '../../../../src/index.js';
import { ACCOUNT, factItem, fixture, REGION, toApiShape, verdict } from '../../../helpers.js';

const firewall = () => fixture('AWS::NetworkFirewall::Firewall', 'protected-multi-az');
const ARN = `arn:aws:network-firewall:${REGION}:${ACCOUNT}:firewall/egress-firewall`;

const destination = (logType: string) => ({
  logType,
  logDestinationType: 'CloudWatchLogs',
  logDestination: { logGroup: `/rampart/network-firewall/${logType.toLowerCase()}` },
});
const logging = (types: string[] = ['ALERT', 'FLOW'], firewallArn = ARN) =>
  factItem(NetworkFirewallLoggingFact, { firewalls: [{ firewallArn, logDestinationConfigs: types.map(destination) }] });

describe('netfw-logging-enabled', () => {
  it('compliant: alert and flow logs', () => {
    const v = verdict(control, firewall(), { with: [logging()] });
    expect(v.compliance).toBe('COMPLIANT');
    expect(v.annotation).toBe('Firewall egress-firewall logs ALERT and FLOW.');
    expect(verdict(control, toApiShape(firewall()), { with: [logging()] }).compliance).toBe('COMPLIANT');
  });

  it('non-compliant: no log destination', () => {
    const v = verdict(control, firewall(), { with: [logging([])] });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Firewall egress-firewall has no logging configured.');
  });

  it('non-compliant with logType=both: flow logs only', () => {
    const v = verdict(control, firewall(), { with: [logging(['FLOW'])], params: { logType: 'both' } });
    expect(v.compliance).toBe('NON_COMPLIANT');
    expect(v.annotation).toBe('Firewall egress-firewall logs FLOW but not ALERT.');
  });

  it('compliant with logType=flow: flow logs only', () => {
    expect(verdict(control, firewall(), { with: [logging(['FLOW'])], params: { logType: 'FLOW' } }).compliance).toBe(
      'COMPLIANT',
    );
  });

  it('compliant without logType: any log type', () => {
    expect(verdict(control, firewall(), { with: [logging(['ALERT'])] }).compliance).toBe('COMPLIANT');
  });

  it('rejects an unknown logType', () => {
    expect(() => control.parseParameters({ logType: 'tls-only' })).toThrow(/logType/);
  });

  it('insufficient data: the fact does not list the firewall', () => {
    const v = verdict(control, firewall(), { with: [logging(['FLOW'], `${ARN}-other`)] });
    expect(v.compliance).toBe('INSUFFICIENT_DATA');
    expect(v.annotation).toBe('The Network Firewall logging fact does not list firewall egress-firewall.');
  });

  it('insufficient data: no logging fact', () => {
    expect(verdict(control, firewall()).compliance).toBe('INSUFFICIENT_DATA');
  });

  it('not applicable: deleted firewall', () => {
    const ci = firewall();
    ci.configurationItemStatus = 'ResourceDeleted';
    expect(verdict(control, ci, { with: [logging()] }).compliance).toBe('NOT_APPLICABLE');
  });
});
