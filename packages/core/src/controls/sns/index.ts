import { snsEncryptedKms } from './sns-encrypted-kms.js';

export const SNS_CONTROLS = [snsEncryptedKms];
