import { elbAcmCertificateRequired } from './elb-acm-certificate-required.js';
import { elbLoggingEnabled } from './elb-logging-enabled.js';
import { elbTlsHttpsListenersOnly } from './elb-tls-https-listeners-only.js';

export const ELB_CONTROLS = [elbAcmCertificateRequired, elbLoggingEnabled, elbTlsHttpsListenersOnly];
