import { elasticacheEncryptionInTransit as rule } from '../../../../rules/aws/datastores/elasticache-encryption-in-transit';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const T = 'aws_elasticache_replication_group';
const base = { replication_group_id: 'r', description: 'r' };

describe('elasticache-encryption-in-transit', () => {
  itHonoursItsExamples(rule);
  it('fires when unset (default false), off, or only preferred', () => {
    expect(kinds(findingsFor(rule, T, base))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, { ...base, transit_encryption_enabled: false }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, { ...base, transit_encryption_enabled: true, transit_encryption_mode: 'preferred' }))).toEqual(['violation']);
  });
  it('is quiet when on and required', () => {
    expect(findingsFor(rule, T, { ...base, transit_encryption_enabled: true })).toEqual([]);
    expect(findingsFor(rule, T, { ...base, transit_encryption_enabled: true, transit_encryption_mode: 'required' })).toEqual([]);
  });
  it('is unknown for an expression', () => {
    expect(kinds(findingsFor(rule, T, { ...base, transit_encryption_enabled: '${var.tls}' }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, T, { ...base, transit_encryption_enabled: true, transit_encryption_mode: '${var.mode}' }))).toEqual(['unknown']);
  });
});
