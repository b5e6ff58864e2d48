import { wafRegionalRuleNotEmpty } from './waf-regional-rule-not-empty.js';
import { wafRegionalRulegroupNotEmpty } from './waf-regional-rulegroup-not-empty.js';
import { wafRegionalWebaclNotEmpty } from './waf-regional-webacl-not-empty.js';

export const WAF_CONTROLS = [wafRegionalRuleNotEmpty, wafRegionalRulegroupNotEmpty, wafRegionalWebaclNotEmpty];
