/** The AWS data-protection rules (EBS defaults and copies, RDS, S3, CloudWatch Logs), in catalog order. */
import type { Rule } from '../../../engine/rule';
import { amiNotPublic } from './ami-not-public';
import { cloudwatchLogRetention } from './cloudwatch-log-retention';
import { ebsSnapshotNotPublic } from './ebs-snapshot-not-public';
import { rdsIamAuthentication } from './rds-iam-authentication';
import { ebsDefaultEncryption } from './ebs-default-encryption';
import { rdsBackupRetention } from './rds-backup-retention';
import { rdsDeletionProtection } from './rds-deletion-protection';
import { rdsNotPublic } from './rds-not-public';
import { s3KmsEncryption } from './s3-kms-encryption';
import { s3NoPublicAcl } from './s3-no-public-acl';
import { s3PublicAccessBlock } from './s3-public-access-block';
import { s3TlsOnly } from './s3-tls-only';
import { s3Versioning } from './s3-versioning';
import { snapshotCopiesEncrypted } from './snapshot-copies-encrypted';

export const awsDataRules: readonly Rule[] = [
  ebsDefaultEncryption,
  snapshotCopiesEncrypted,
  rdsNotPublic,
  rdsBackupRetention,
  rdsDeletionProtection,
  s3PublicAccessBlock,
  s3NoPublicAcl,
  s3KmsEncryption,
  s3Versioning,
  s3TlsOnly,
  cloudwatchLogRetention,
  amiNotPublic,
  ebsSnapshotNotPublic,
  rdsIamAuthentication,
];
