import { redshiftEncrypted as rule } from '../../../../rules/aws/datastores/redshift-encrypted';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const T = 'aws_redshift_cluster';

describe('redshift-encrypted', () => {
  itHonoursItsExamples(rule);
  it('fires when unset (default false in provider 5.x) or false', () => {
    expect(kinds(findingsFor(rule, T, { cluster_identifier: 'w' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, { cluster_identifier: 'w', encrypted: false }))).toEqual(['violation']);
  });
  it('is quiet when encrypted', () => expect(findingsFor(rule, T, { cluster_identifier: 'w', encrypted: 'true' })).toEqual([]));
  it('is unknown for an expression', () => expect(kinds(findingsFor(rule, T, { cluster_identifier: 'w', encrypted: '${var.e}' }))).toEqual(['unknown']));
});
