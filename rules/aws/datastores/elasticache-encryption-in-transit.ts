/** Clients talk to ElastiCache replication groups over TLS only. */
import { defineRule } from '../../../engine/rule';
import { pass } from '../../../engine/results';
import { requireBool, requireOneOf } from '../../common/shapes';
import { globalSecondary } from './elasticache';

export const elasticacheEncryptionInTransit = defineRule({
  id: 'elasticache-encryption-in-transit',
  title: 'ElastiCache replication groups require TLS in transit',
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: ['aws_elasticache_replication_group'],
  rationale:
    'Without in-transit encryption, cache traffic (session tokens, cached records, the AUTH password itself) ' +
    'crosses the VPC in the clear, readable by anything that can see the packets: a compromised host on a ' +
    'mirrored port, a VPC traffic mirror session. It also makes an auth token impossible. ' +
    '`transit_encryption_mode = "preferred"` accepts unencrypted connections too, which is only meant for a migration.',
  fix: 'Set `transit_encryption_enabled = true` (it defaults to false) and leave `transit_encryption_mode` unset or `"required"`.',
  references: {
    checkov: ['CKV_AWS_30'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_30',
        kind: 'stricter',
        why: '`transit_encryption_mode = "preferred"`, which still accepts plaintext clients, fails here.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html'],
  },
  examples: {
    failing: {
      resourceType: 'aws_elasticache_replication_group',
      body: { replication_group_id: 'sessions', description: 'sessions', transit_encryption_enabled: false },
    },
    passing: {
      resourceType: 'aws_elasticache_replication_group',
      body: { replication_group_id: 'sessions', description: 'sessions', transit_encryption_enabled: true },
    },
  },
  check(resource) {
    const secondary = globalSecondary(resource.body);
    if (secondary) return secondary;
    const enabled = requireBool(resource.body, 'transit_encryption_enabled', 'in-transit encryption', { defaultValue: false });
    if (enabled.status !== 'pass') return enabled;
    if (resource.body.transit_encryption_mode === undefined || resource.body.transit_encryption_mode === null) return enabled;
    const mode = requireOneOf(resource.body, 'transit_encryption_mode', 'TLS-only connections', ['required']);
    return mode.status === 'pass' ? pass('in-transit encryption is required', 'transit_encryption_mode') : mode;
  },
});
