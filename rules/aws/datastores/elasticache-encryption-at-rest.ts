/** ElastiCache replication groups encrypt their data, backups and swap at rest. */
import { defineRule } from '../../../engine/rule';
import { pass, unknownValue, violation } from '../../../engine/results';
import { boolAttr, stringAttr } from '../../../engine/values';
import { globalSecondary } from './elasticache';

export const elasticacheEncryptionAtRest = defineRule({
  id: 'elasticache-encryption-at-rest',
  title: 'ElastiCache replication groups are encrypted at rest',
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: ['aws_elasticache_replication_group'],
  rationale:
    "Without at-rest encryption, the cache's disk (swap, sync files) and its backups in S3 hold session " +
    'tokens, cached records and queues in the clear, and backups can be exported or copied by anyone with ' +
    'elasticache:CopySnapshot. The setting cannot be changed after creation. In provider 5.x it defaults to ' +
    'false for the redis engine (the default engine) and to true for valkey.',
  fix: 'Set `at_rest_encryption_enabled = true` (and a customer-managed `kms_key_id`). Existing groups must be recreated, e.g. from a backup.',
  references: {
    checkov: ['CKV_AWS_29'],
    docs: ['https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html'],
  },
  examples: {
    failing: {
      resourceType: 'aws_elasticache_replication_group',
      body: { replication_group_id: 'sessions', description: 'sessions', node_type: 'cache.t4g.micro' },
    },
    passing: {
      resourceType: 'aws_elasticache_replication_group',
      body: { replication_group_id: 'sessions', description: 'sessions', node_type: 'cache.t4g.micro', at_rest_encryption_enabled: true },
    },
  },
  check(resource) {
    const secondary = globalSecondary(resource.body);
    if (secondary) return secondary;
    const flag = boolAttr(resource.body, 'at_rest_encryption_enabled');
    if (flag.state === 'unknown') return unknownValue('at_rest_encryption_enabled', flag);
    if (flag.state === 'known') {
      return flag.value
        ? pass('encrypted at rest', 'at_rest_encryption_enabled')
        : violation('at_rest_encryption_enabled is false', 'at_rest_encryption_enabled');
    }
    const engine = stringAttr(resource.body, 'engine');
    if (engine.state === 'unknown') return unknownValue('engine', engine);
    const name = engine.state === 'known' ? engine.value : 'redis';
    return name.toLowerCase() === 'valkey'
      ? pass('at_rest_encryption_enabled is unset, which means true for the valkey engine', 'at_rest_encryption_enabled')
      : violation(`at_rest_encryption_enabled is unset, which means false for the ${name} engine`, 'at_rest_encryption_enabled');
  },
});
