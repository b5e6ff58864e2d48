import { apiGwAssociatedWithWaf } from './api-gw-associated-with-waf.js';
import { apiGwCacheEnabledAndEncrypted } from './api-gw-cache-enabled-and-encrypted.js';
import { apiGwExecutionLoggingEnabled } from './api-gw-execution-logging-enabled.js';
import { apiGwSslEnabled } from './api-gw-ssl-enabled.js';

export const APIGATEWAY_CONTROLS = [
  apiGwAssociatedWithWaf,
  apiGwCacheEnabledAndEncrypted,
  apiGwExecutionLoggingEnabled,
  apiGwSslEnabled,
];
