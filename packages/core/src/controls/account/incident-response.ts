import type { ConfigItem } from '../../ci/config-item.js';

/** Resources Rampart deploys carry `rampart:component`; the incident-response tooling has this value. */
export const COMPONENT_TAG = 'rampart:component';
export const INCIDENT_RESPONSE = 'incident-response';
export const INCIDENT_RESPONSE_TAG = `${COMPONENT_TAG}=${INCIDENT_RESPONSE}`;
/** Which playbook a response state machine implements. */
export const PLAYBOOK_TAG = 'rampart:playbook';

/** Live (not deleted) items of a type that are tagged as incident-response tooling. */
export function incidentResponseItems(items: readonly ConfigItem[]): ConfigItem[] {
  return items.filter((i) => !i.deleted && i.tags[COMPONENT_TAG] === INCIDENT_RESPONSE);
}

/** `a, b, c and 2 more`: keeps annotations within the 256 characters AWS Config accepts. */
export function nameList(names: readonly string[], max = 3): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
