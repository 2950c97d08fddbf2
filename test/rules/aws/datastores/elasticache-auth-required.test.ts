import { elasticacheAuthRequired as rule } from '../../../../rules/aws/datastores/elasticache-auth-required';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const T = 'aws_elasticache_replication_group';
const base = { replication_group_id: 'r', description: 'r', transit_encryption_enabled: true };

describe('elasticache-auth-required', () => {
  itHonoursItsExamples(rule);
  it('fires without a token or user group', () => {
    expect(kinds(findingsFor(rule, T, base))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, { ...base, user_group_ids: [] }))).toEqual(['violation']);
  });
  it('is quiet with a token from a resource or secret, or a user group', () => {
    expect(findingsFor(rule, T, { ...base, auth_token: '${random_password.cache.result}' })).toEqual([]);
    expect(findingsFor(rule, T, { ...base, auth_token: '${data.aws_secretsmanager_secret_version.cache.secret_string}' })).toEqual([]);
    expect(findingsFor(rule, T, { ...base, user_group_ids: ['${aws_elasticache_user_group.app.user_group_id}'] })).toEqual([]);
  });
  it('is unknown for a token from a variable or a user group list expression', () => {
    expect(kinds(findingsFor(rule, T, { ...base, auth_token: '${var.token}' }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, T, { ...base, user_group_ids: '${var.groups}' }))).toEqual(['unknown']);
  });
});
