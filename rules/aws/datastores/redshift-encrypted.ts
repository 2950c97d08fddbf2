/** Redshift clusters are encrypted at rest. */
import { defineRule } from '../../../engine/rule';
import { requireBool } from '../../common/shapes';

export const redshiftEncrypted = defineRule({
  id: 'redshift-encrypted',
  title: 'Redshift clusters are encrypted at rest',
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: ['aws_redshift_cluster'],
  rationale:
    "A data warehouse concentrates the organization's data; unencrypted, its blocks, automated and manual " +
    'snapshots (which can be shared with other accounts) and restored copies are all readable without any ' +
    'key. In AWS provider 5.x `encrypted` defaults to false.',
  fix: 'Set `encrypted = true` (and a customer-managed `kms_key_id`).',
  references: {
    checkov: ['CKV_AWS_64'],
    docs: ['https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html'],
  },
  examples: {
    failing: { resourceType: 'aws_redshift_cluster', body: { cluster_identifier: 'warehouse', node_type: 'ra3.xlplus', publicly_accessible: false } },
    passing: {
      resourceType: 'aws_redshift_cluster',
      body: { cluster_identifier: 'warehouse', node_type: 'ra3.xlplus', publicly_accessible: false, encrypted: true },
    },
  },
  check(resource) {
    return requireBool(resource.body, 'encrypted', 'encryption at rest', { defaultValue: false });
  },
});
