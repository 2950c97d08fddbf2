/** The AWS managed data store and messaging rules (DynamoDB, SNS, SQS, ElastiCache, OpenSearch, Redshift, RDS), in catalog order. */
import type { Rule } from '../../../engine/rule';

export const awsDataStoreRules: readonly Rule[] = [];
