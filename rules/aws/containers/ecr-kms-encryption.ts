/** ECR repositories encrypt images with KMS. */
import { defineRule } from '../../../engine/rule';
import { violation } from '../../../engine/results';
import { forEachBlock, requireOneOf } from '../../common/shapes';

export const ecrKmsEncryption = defineRule({
  id: 'ecr-kms-encryption',
  title: 'ECR repositories encrypt images with KMS',
  severity: 'warning',
  profile: 'strict',
  category: 'data',
  resourceTypes: ['aws_ecr_repository'],
  rationale:
    'ECR encrypts every image at rest with S3-managed keys (AES256) by default, which anyone allowed to pull ' +
    'reads transparently. With KMS (the aws/ecr key or, better, a customer-managed kms_key), every layer ' +
    'download needs the key too, and each use is in CloudTrail. Strict: AES256 is not a leak, and the ' +
    'encryption type can only be chosen when the repository is created (changing it replaces the repository).',
  fix: 'Set `encryption_configuration { encryption_type = "KMS", kms_key = <customer-managed key ARN> }` when creating the repository.',
  references: {
    checkov: ['CKV_AWS_136'],
    docs: ['https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html'],
  },
  examples: {
    failing: { resourceType: 'aws_ecr_repository', body: { name: 'app' } },
    passing: {
      resourceType: 'aws_ecr_repository',
      body: { name: 'app', encryption_configuration: { encryption_type: 'KMS', kms_key: '${aws_kms_key.ecr.arn}' } },
    },
  },
  check(resource) {
    return forEachBlock(
      resource.body,
      'encryption_configuration',
      (b) => requireOneOf(b.body, 'encryption_type', 'KMS encryption', ['KMS', 'KMS_DSSE'], { path: b.path, defaultValue: 'AES256' }),
      violation('no encryption_configuration: images are encrypted with AES256 (S3-managed keys), not KMS', 'encryption_configuration'),
    );
  },
});
