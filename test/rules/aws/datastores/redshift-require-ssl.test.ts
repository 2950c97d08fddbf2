import { redshiftRequireSsl as rule } from '../../../../rules/aws/datastores/redshift-require-ssl';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const G = 'aws_redshift_parameter_group';
const C = 'aws_redshift_cluster';
const group = (value: unknown) => ({
  name: 'secure',
  family: 'redshift-1.0',
  parameter: [
    { name: 'enable_user_activity_logging', value: 'true' },
    { name: 'require_ssl', value },
  ],
});

describe('redshift-require-ssl', () => {
  itHonoursItsExamples(rule);

  describe(G, () => {
    it('fires when require_ssl is false or missing', () => {
      expect(kinds(findingsFor(rule, G, group('false')))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, G, { name: 'g', family: 'redshift-1.0' }))).toEqual(['violation']);
    });
    it('is quiet when require_ssl is true', () => expect(findingsFor(rule, G, group('true'))).toEqual([]));
    it('is unknown for an expression', () => expect(kinds(findingsFor(rule, G, group('${var.ssl}')))).toEqual(['unknown']));
  });

  describe(C, () => {
    const withGroup = (value: unknown) => ({ resource: { [G]: { secure: group(value) } } });
    it('fires on the default parameter group, or a group in the stack without require_ssl', () => {
      expect(kinds(findingsFor(rule, C, { cluster_identifier: 'w' }))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, C, { cluster_identifier: 'w', cluster_parameter_group_name: 'default.redshift-1.0' }))).toEqual(['violation']);
      expect(
        kinds(
          findingsFor(rule, C, { cluster_identifier: 'w', cluster_parameter_group_name: '${aws_redshift_parameter_group.secure.name}' }, withGroup('false')),
        ),
      ).toEqual(['violation']);
    });
    it('is quiet on a group in the stack that requires SSL, by reference or by name', () => {
      expect(
        findingsFor(rule, C, { cluster_identifier: 'w', cluster_parameter_group_name: '${aws_redshift_parameter_group.secure.name}' }, withGroup('true')),
      ).toEqual([]);
      expect(findingsFor(rule, C, { cluster_identifier: 'w', cluster_parameter_group_name: 'secure' }, withGroup('true'))).toEqual([]);
    });
    it('is unknown for a group outside the stack or a variable', () => {
      expect(kinds(findingsFor(rule, C, { cluster_identifier: 'w', cluster_parameter_group_name: 'elsewhere' }))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, C, { cluster_identifier: 'w', cluster_parameter_group_name: '${var.group}' }))).toEqual(['unknown']);
    });
  });
});
