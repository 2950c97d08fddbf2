import { elasticacheClusterEncryptable as rule } from '../../../../rules/aws/datastores/elasticache-cluster-encryptable';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const T = 'aws_elasticache_cluster';

describe('elasticache-cluster-encryptable', () => {
  itHonoursItsExamples(rule);
  it('fires for a standalone redis or valkey cluster, and a memcached cluster without TLS', () => {
    expect(kinds(findingsFor(rule, T, { cluster_id: 'c', engine: 'redis' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, { cluster_id: 'c', engine: 'valkey' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, { cluster_id: 'c', engine: 'memcached' }))).toEqual(['violation']);
  });
  it('is quiet for a replication group member, or memcached with TLS', () => {
    expect(findingsFor(rule, T, { cluster_id: 'c', replication_group_id: 'sessions' })).toEqual([]);
    expect(findingsFor(rule, T, { cluster_id: 'c', engine: 'memcached', transit_encryption_enabled: true })).toEqual([]);
  });
  it('is unknown when the engine or the TLS flag is an expression', () => {
    expect(kinds(findingsFor(rule, T, { cluster_id: 'c', engine: '${var.engine}' }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, T, { cluster_id: 'c', engine: 'memcached', transit_encryption_enabled: '${var.tls}' }))).toEqual(['unknown']);
  });
});
