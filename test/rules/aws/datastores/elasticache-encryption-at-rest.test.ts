import { elasticacheEncryptionAtRest as rule } from '../../../../rules/aws/datastores/elasticache-encryption-at-rest';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const T = 'aws_elasticache_replication_group';
const base = { replication_group_id: 'r', description: 'r' };

describe('elasticache-encryption-at-rest', () => {
  itHonoursItsExamples(rule);
  it('fires when off, or unset for redis (the default engine)', () => {
    expect(kinds(findingsFor(rule, T, base))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, { ...base, engine: 'redis' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, { ...base, engine: 'valkey', at_rest_encryption_enabled: 'false' }))).toEqual(['violation']);
  });
  it("is quiet when on (bool or the provider's string), or unset for valkey", () => {
    expect(findingsFor(rule, T, { ...base, at_rest_encryption_enabled: true })).toEqual([]);
    expect(findingsFor(rule, T, { ...base, at_rest_encryption_enabled: 'true' })).toEqual([]);
    expect(findingsFor(rule, T, { ...base, engine: 'valkey' })).toEqual([]);
  });
  it('is not applicable to a global datastore secondary', () => {
    expect(findingsFor(rule, T, { ...base, global_replication_group_id: '${aws_elasticache_global_replication_group.g.global_replication_group_id}' })).toEqual(
      [],
    );
  });
  it('is unknown for an expression, or an unset flag with an engine from a variable', () => {
    expect(kinds(findingsFor(rule, T, { ...base, at_rest_encryption_enabled: '${var.enc}' }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, T, { ...base, engine: '${var.engine}' }))).toEqual(['unknown']);
  });
});
