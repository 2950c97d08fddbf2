import { iamNoAccessKeys as rule } from '../../../../rules/aws/identity/iam-no-access-keys';
import { findings, findingsFor, kinds } from '../../../helpers/rule-harness';
import { exampleFindings } from '../policy/helpers';

const T = 'aws_iam_access_key';

describe('iam-no-access-keys', () => {
  it('fires for any access key, active or not, encrypted or not', () => {
    expect(kinds(findingsFor(rule, T, { user: 'ci' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, { user: '${aws_iam_user.ci.name}', status: 'Inactive', pgp_key: 'keybase:ci' }))).toEqual(['violation']);
    expect(findingsFor(rule, T, { user: '${var.user}' })[0].message).toContain('${var.user}');
  });

  it('is quiet when the stack creates no key', () => {
    expect(findings(rule, { resource: { aws_iam_user: { ci: { name: 'ci' } } } })).toEqual([]);
    expect(findingsFor(rule, T, { user: 'ci', count: 0 })).toEqual([]);
  });

  it('has examples that behave', () => {
    const { failing, passing } = exampleFindings(rule);
    expect(kinds(failing)).toEqual(['violation']);
    expect(passing).toEqual([]);
  });
});
