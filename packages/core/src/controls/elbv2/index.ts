import { albHttpDropInvalidHeaderEnabled } from './alb-http-drop-invalid-header-enabled.js';
import { albHttpToHttpsRedirectionCheck } from './alb-http-to-https-redirection-check.js';
import { albWafEnabled } from './alb-waf-enabled.js';
import { elbv2AcmCertificateRequired } from './elbv2-acm-certificate-required.js';

export const ELBV2_CONTROLS = [
  albHttpDropInvalidHeaderEnabled,
  albHttpToHttpsRedirectionCheck,
  albWafEnabled,
  elbv2AcmCertificateRequired,
];
