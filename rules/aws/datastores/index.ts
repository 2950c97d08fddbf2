/** The AWS managed data store and messaging rules (DynamoDB, SNS, SQS, ElastiCache, OpenSearch, Redshift, RDS, EFS, Backup), in catalog order. */
import type { Rule } from '../../../engine/rule';
import { backupVaultCmk } from './backup-vault-cmk';
import { dynamodbCmkEncryption } from './dynamodb-cmk-encryption';
import { dynamodbDeletionProtection } from './dynamodb-deletion-protection';
import { dynamodbPointInTimeRecovery } from './dynamodb-point-in-time-recovery';
import { efsBackupPolicy } from './efs-backup-policy';
import { efsPolicyNotPublic } from './efs-policy-not-public';
import { elasticacheAuthRequired } from './elasticache-auth-required';
import { elasticacheClusterEncryptable } from './elasticache-cluster-encryptable';
import { elasticacheEncryptionAtRest } from './elasticache-encryption-at-rest';
import { elasticacheEncryptionInTransit } from './elasticache-encryption-in-transit';
import { opensearchAuditLogs } from './opensearch-audit-logs';
import { opensearchEncryptionAtRest } from './opensearch-encryption-at-rest';
import { opensearchFineGrainedAccess } from './opensearch-fine-grained-access';
import { opensearchHttpsOnly } from './opensearch-https-only';
import { opensearchInVpc } from './opensearch-in-vpc';
import { opensearchNodeToNodeEncryption } from './opensearch-node-to-node-encryption';
import { rdsAutoMinorVersionUpgrade } from './rds-auto-minor-version-upgrade';
import { rdsCloudwatchLogsExports } from './rds-cloudwatch-logs-exports';
import { rdsCopyTagsToSnapshot } from './rds-copy-tags-to-snapshot';
import { rdsNotInPublicSubnet } from './rds-not-in-public-subnet';
import { rdsPerformanceInsightsCmk } from './rds-performance-insights-cmk';
import { redshiftAuditLogging } from './redshift-audit-logging';
import { redshiftEncrypted } from './redshift-encrypted';
import { redshiftNotPublic } from './redshift-not-public';
import { redshiftRequireSsl } from './redshift-require-ssl';
import { snsTopicCmk } from './sns-topic-cmk';
import { snsTopicEncrypted } from './sns-topic-encrypted';
import { snsTopicPolicyNotPublic } from './sns-topic-policy-not-public';
import { sqsQueueCmk } from './sqs-queue-cmk';
import { sqsQueueEncrypted } from './sqs-queue-encrypted';
import { sqsQueuePolicyNotPublic } from './sqs-queue-policy-not-public';

export const awsDataStoreRules: readonly Rule[] = [
  dynamodbPointInTimeRecovery,
  dynamodbCmkEncryption,
  dynamodbDeletionProtection,
  snsTopicEncrypted,
  snsTopicCmk,
  snsTopicPolicyNotPublic,
  sqsQueueEncrypted,
  sqsQueueCmk,
  sqsQueuePolicyNotPublic,
  elasticacheEncryptionAtRest,
  elasticacheEncryptionInTransit,
  elasticacheAuthRequired,
  elasticacheClusterEncryptable,
  opensearchEncryptionAtRest,
  opensearchNodeToNodeEncryption,
  opensearchHttpsOnly,
  opensearchInVpc,
  opensearchFineGrainedAccess,
  opensearchAuditLogs,
  redshiftEncrypted,
  redshiftNotPublic,
  redshiftRequireSsl,
  redshiftAuditLogging,
  rdsCloudwatchLogsExports,
  rdsAutoMinorVersionUpgrade,
  rdsNotInPublicSubnet,
  rdsPerformanceInsightsCmk,
  rdsCopyTagsToSnapshot,
  efsPolicyNotPublic,
  efsBackupPolicy,
  backupVaultCmk,
];
