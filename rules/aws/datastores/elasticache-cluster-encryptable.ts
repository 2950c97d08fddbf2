/** Standalone ElastiCache clusters are of a kind that can be encrypted. */
import { defineRule } from '../../../engine/rule';
import { notApplicable, unknownValue, violation } from '../../../engine/results';
import { attr, stringAttr } from '../../../engine/values';
import { requireBool } from '../../common/shapes';

export const elasticacheClusterEncryptable = defineRule({
  id: 'elasticache-cluster-encryptable',
  title: 'Redis / Valkey caches are replication groups; Memcached clusters encrypt in transit',
  severity: 'warning',
  profile: 'strict',
  category: 'data',
  resourceTypes: ['aws_elasticache_cluster'],
  rationale:
    'An aws_elasticache_cluster that is not part of a replication group has no at-rest encryption and no ' +
    'AUTH token or RBAC: a Redis or Valkey cache made this way cannot meet elasticache-encryption-at-rest or ' +
    'elasticache-auth-required, so it is reported here instead of passing unseen. A cluster that joins a ' +
    "replication group (replication_group_id) takes the group's settings, checked on the group. Memcached " +
    'keeps nothing on disk, so in-transit encryption (Memcached 1.6.12 and later) is what it can have. ' +
    'Strict: a throwaway single-node cache of non-sensitive data may be acceptable.',
  fix:
    'For Redis or Valkey, create an aws_elasticache_replication_group (one node is fine: `num_cache_clusters = 1`) with ' +
    'at-rest and in-transit encryption. For Memcached, set `transit_encryption_enabled = true`.',
  references: {
    docs: ['https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/encryption.html'],
  },
  examples: {
    failing: { resourceType: 'aws_elasticache_cluster', body: { cluster_id: 'sessions', engine: 'redis', node_type: 'cache.t4g.micro', num_cache_nodes: 1 } },
    passing: {
      resourceType: 'aws_elasticache_cluster',
      body: { cluster_id: 'sessions', replication_group_id: '${aws_elasticache_replication_group.sessions.id}' },
    },
  },
  check(resource) {
    const group = attr(resource.body, 'replication_group_id');
    if (group.state !== 'absent') return notApplicable("a member of a replication group: encryption and auth are the group's");
    const engine = stringAttr(resource.body, 'engine');
    if (engine.state === 'unknown') return unknownValue('engine', engine);
    if (engine.state === 'absent') return notApplicable('no engine and no replication group: Terraform rejects the cluster');
    if (engine.value.toLowerCase() === 'memcached')
      return requireBool(resource.body, 'transit_encryption_enabled', 'in-transit encryption for Memcached', { defaultValue: false });
    return violation(
      `a standalone ${engine.value} cluster cannot be encrypted at rest nor require AUTH: make it an aws_elasticache_replication_group`,
      'engine',
    );
  },
});
