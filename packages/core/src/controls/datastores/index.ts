import { datastoreDataClassificationTagged } from './datastore-data-classification-tagged.js';
import { datastoreEncryptionInTransitEnforced } from './datastore-encryption-in-transit-enforced.js';

export const DATASTORES_CONTROLS = [datastoreDataClassificationTagged, datastoreEncryptionInTransitEnforced];
