import { redshiftNotPublic as rule } from '../../../../rules/aws/datastores/redshift-not-public';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const T = 'aws_redshift_cluster';

describe('redshift-not-public', () => {
  itHonoursItsExamples(rule);
  it('fires when unset (default TRUE in provider 5.x) or true', () => {
    expect(kinds(findingsFor(rule, T, { cluster_identifier: 'w' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, { cluster_identifier: 'w', publicly_accessible: true }))).toEqual(['violation']);
  });
  it('is quiet when false', () => expect(findingsFor(rule, T, { cluster_identifier: 'w', publicly_accessible: false })).toEqual([]));
  it('is unknown for an expression', () =>
    expect(kinds(findingsFor(rule, T, { cluster_identifier: 'w', publicly_accessible: '${var.p}' }))).toEqual(['unknown']));
});
