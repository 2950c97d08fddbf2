/** The AWS logging and detection rules (CloudTrail, GuardDuty, Config, Access Analyzer, access logs), in catalog order. */
import type { Rule } from '../../../engine/rule';

export const awsLoggingRules: readonly Rule[] = [];
