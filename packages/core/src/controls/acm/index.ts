import { acmCertificateExpirationCheck } from './acm-certificate-expiration-check.js';

export const ACM_CONTROLS = [acmCertificateExpirationCheck];
