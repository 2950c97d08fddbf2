import { dynamodbDeletionProtection as rule } from '../../../../rules/aws/datastores/dynamodb-deletion-protection';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const T = 'aws_dynamodb_table';

describe('dynamodb-deletion-protection', () => {
  itHonoursItsExamples(rule);
  it('fires when unset (default false) or false', () => {
    expect(kinds(findingsFor(rule, T, { name: 't' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, { name: 't', deletion_protection_enabled: false }))).toEqual(['violation']);
  });
  it('is quiet when enabled', () => expect(findingsFor(rule, T, { name: 't', deletion_protection_enabled: true })).toEqual([]));
  it('is unknown for an expression', () => expect(kinds(findingsFor(rule, T, { name: 't', deletion_protection_enabled: '${var.p}' }))).toEqual(['unknown']));
});
