import { iamNoAdminPolicy as rule } from '../../../../rules/aws/identity/iam-no-admin-policy';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { docRef, exampleFindings, policyJson } from '../policy/helpers';
import { POLICY_HOLDERS as holders } from './holders';

const ADMIN = { Effect: 'Allow', Action: '*', Resource: '*' };
const NARROW = { Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::reports/*' };

describe('iam-no-admin-policy', () => {
  for (const [type, body] of holders) {
    describe(type, () => {
      it('fires for Allow * on *', () => {
        expect(kinds(findingsFor(rule, type, body(policyJson(ADMIN))))).toEqual(['violation']);
      });

      it('is quiet for a narrow policy', () => {
        expect(findingsFor(rule, type, body(policyJson([NARROW])))).toEqual([]);
      });

      it('is unknown for a policy built by jsonencode', () => {
        expect(kinds(findingsFor(rule, type, body('${jsonencode({Statement = [{Effect = "Allow", Action = "*", Resource = "*"}]})}')))).toEqual(['unknown']);
      });
    });
  }

  it('reads Statement as object or array, and Action / Resource as string or list', () => {
    expect(
      kinds(findingsFor(rule, 'aws_iam_policy', { policy: policyJson([NARROW, { Effect: 'Allow', Action: ['s3:GetObject', '*'], Resource: ['*'] }]) })),
    ).toEqual(['violation']);
    expect(kinds(findingsFor(rule, 'aws_iam_policy', { policy: policyJson({ Effect: 'Allow', Action: '*:*', Resource: 'arn:aws:*' }) }))).toEqual([
      'violation',
    ]);
  });

  it('ignores Deny, a narrow resource, and NotAction (left to iam-no-wildcard-actions)', () => {
    expect(findingsFor(rule, 'aws_iam_policy', { policy: policyJson({ ...ADMIN, Effect: 'Deny' }) })).toEqual([]);
    expect(findingsFor(rule, 'aws_iam_policy', { policy: policyJson({ ...ADMIN, Resource: 'arn:aws:s3:::b/*' }) })).toEqual([]);
    expect(findingsFor(rule, 'aws_iam_policy', { policy: policyJson({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }) })).toEqual([]);
  });

  it('fires for Allow * with NotResource (everything but some)', () => {
    expect(kinds(findingsFor(rule, 'aws_iam_policy', { policy: policyJson({ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::secret/*' }) }))).toEqual([
      'violation',
    ]);
  });

  it('is unknown when Action or Resource is an expression that may be *', () => {
    expect(kinds(findingsFor(rule, 'aws_iam_policy', { policy: policyJson({ ...ADMIN, Action: '${var.action}' }) }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, 'aws_iam_policy', { policy: policyJson({ ...ADMIN, Resource: ['${local.arns}'] }) }))).toEqual(['unknown']);
    expect(findingsFor(rule, 'aws_iam_policy', { policy: policyJson({ ...ADMIN, Resource: '${aws_s3_bucket.b.arn}' }) })).toEqual([]);
  });

  describe('policy document data sources', () => {
    const doc = (statement: unknown) => ({ data: { aws_iam_policy_document: { p: { statement } } } });

    it('fires for an admin statement, quiet for a narrow one', () => {
      expect(kinds(findingsFor(rule, 'aws_iam_policy', { policy: docRef('p') }, doc([{ actions: ['*'], resources: ['*'] }])))).toEqual(['violation']);
      expect(findingsFor(rule, 'aws_iam_policy', { policy: docRef('p') }, doc({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'] }))).toEqual([]);
    });

    it('is unknown with an expression inside, or when the document is not in the stack', () => {
      expect(kinds(findingsFor(rule, 'aws_iam_policy', { policy: docRef('p') }, doc({ actions: '${var.actions}', resources: ['*'] })))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, 'aws_iam_policy', { policy: docRef('p') }))).toEqual(['unknown']);
    });
  });

  describe('the AdministratorAccess managed policy', () => {
    const admin = 'arn:aws:iam::aws:policy/AdministratorAccess';
    const attachments: [string, Record<string, unknown>][] = [
      ['aws_iam_role_policy_attachment', { role: 'r' }],
      ['aws_iam_user_policy_attachment', { user: 'u' }],
      ['aws_iam_group_policy_attachment', { group: 'g' }],
      ['aws_iam_policy_attachment', { name: 'a', roles: ['r'] }],
    ];
    for (const [type, base] of attachments) {
      it(`${type}: fires for AdministratorAccess, quiet for others, unknown for a variable`, () => {
        expect(kinds(findingsFor(rule, type, { ...base, policy_arn: admin }))).toEqual(['violation']);
        expect(kinds(findingsFor(rule, type, { ...base, policy_arn: 'arn:aws-us-gov:iam::aws:policy/AdministratorAccess' }))).toEqual(['violation']);
        expect(findingsFor(rule, type, { ...base, policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })).toEqual([]);
        expect(findingsFor(rule, type, { ...base, policy_arn: '${aws_iam_policy.app.arn}' })).toEqual([]);
        expect(kinds(findingsFor(rule, type, { ...base, policy_arn: '${var.policy_arn}' }))).toEqual(['unknown']);
      });
    }

    it('reads data "aws_iam_policy" lookups and aws_iam_role managed_policy_arns', () => {
      const data = { data: { aws_iam_policy: { admin: { name: 'AdministratorAccess' }, ro: { arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } } } };
      expect(kinds(findingsFor(rule, 'aws_iam_role_policy_attachment', { role: 'r', policy_arn: '${data.aws_iam_policy.admin.arn}' }, data))).toEqual([
        'violation',
      ]);
      expect(findingsFor(rule, 'aws_iam_role_policy_attachment', { role: 'r', policy_arn: '${data.aws_iam_policy.ro.arn}' }, data)).toEqual([]);
      expect(kinds(findingsFor(rule, 'aws_iam_role', { assume_role_policy: policyJson([]), managed_policy_arns: [admin] }))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, 'aws_iam_role', { assume_role_policy: policyJson([]), managed_policy_arns: '${var.arns}' }))).toEqual(['unknown']);
    });
  });

  // Each case below was a mutant that no test told apart (npm run mutation, docs/mutation-testing.md).
  describe('attached policy ARNs: edges', () => {
    const attach = (policy_arn: unknown, extra: Record<string, unknown> = {}) =>
      findingsFor(rule, 'aws_iam_role_policy_attachment', { role: 'r', ...(policy_arn !== undefined ? { policy_arn } : {}) }, extra);
    const data = (lookups: Record<string, Record<string, unknown>>) => ({ data: { aws_iam_policy: lookups } });

    it('reads a literal ARN exactly, spaces aside', () => {
      expect(kinds(attach(' arn:aws:iam::aws:policy/AdministratorAccess '))).toEqual(['violation']);
      expect(attach('xarn:aws:iam::aws:policy/AdministratorAccess')).toEqual([]);
      expect(attach('arn:aws:iam::aws:policy/AdministratorAccessX')).toEqual([]);
    });

    it('is unknown, naming the value, when the ARN is missing or not a string', () => {
      expect(attach(undefined)[0].message).toContain('policy_arn is null');
      expect(attach(5)[0].message).toContain('policy_arn is 5');
    });

    it('reads data "aws_iam_policy" lookups by name or ARN, with spaces or an index in the reference', () => {
      const lookups = data({
        admin: { name: 'AdministratorAccess' },
        byArn: { arn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
        ro: { name: 'ReadOnlyAccess' },
      });
      expect(kinds(attach('${ data.aws_iam_policy.admin.arn }', lookups))).toEqual(['violation']);
      expect(kinds(attach('${data.aws_iam_policy.admin[10].arn}', lookups))).toEqual(['violation']);
      expect(kinds(attach('${data.aws_iam_policy.byArn.arn}', lookups))).toEqual(['violation']);
      expect(attach('${data.aws_iam_policy.ro.arn}', lookups)).toEqual([]);
    });

    it('is unknown for a lookup it cannot read: not in the stack, a name or ARN that is an expression, text around the reference', () => {
      const lookups = data({ byVar: { name: '${var.name}' }, arnVar: { arn: '${var.arn}' }, admin: { name: 'AdministratorAccess' } });
      for (const arn of [
        '${data.aws_iam_policy.missing.arn}',
        '${data.aws_iam_policy.byVar.arn}',
        '${data.aws_iam_policy.arnVar.arn}',
        'x${data.aws_iam_policy.admin.arn}',
        '${data.aws_iam_policy.admin.arn}x',
      ]) {
        expect([arn, kinds(attach(arn, lookups))]).toEqual([arn, ['unknown']]);
      }
    });

    it('passes only a policy this stack creates, with spaces in the reference; another resource is unknown', () => {
      expect(attach('${ aws_iam_policy.app.arn }')).toEqual([]);
      expect(kinds(attach('${aws_iam_role.r.arn}'))).toEqual(['unknown']);
    });
  });

  it('is quiet for a role without inline policies, and unknown for an expression inline_policy', () => {
    expect(findingsFor(rule, 'aws_iam_role', { assume_role_policy: policyJson([]) })).toEqual([]);
    expect(findingsFor(rule, 'aws_iam_role', { assume_role_policy: policyJson([]), inline_policy: {} })).toEqual([]);
    expect(kinds(findingsFor(rule, 'aws_iam_role', { assume_role_policy: policyJson([]), inline_policy: '${local.inline}' }))).toEqual(['unknown']);
  });

  it('has examples that behave', () => {
    const { failing, passing } = exampleFindings(rule);
    expect(kinds(failing)).toEqual(['violation']);
    expect(passing).toEqual([]);
  });

  test('an IAM Identity Center permission set with AdministratorAccess (what checkov CKV_AWS_274 also catches)', () => {
    const sso = (arn: string) => ({
      instance_arn: 'arn:aws:sso:::instance/ssoins-1',
      permission_set_arn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-1',
      managed_policy_arn: arn,
    });
    expect(kinds(findingsFor(rule, 'aws_ssoadmin_managed_policy_attachment', sso('arn:aws:iam::aws:policy/AdministratorAccess')))).toEqual(['violation']);
    expect(findingsFor(rule, 'aws_ssoadmin_managed_policy_attachment', sso('arn:aws:iam::aws:policy/ReadOnlyAccess'))).toEqual([]);
    expect(kinds(findingsFor(rule, 'aws_ssoadmin_managed_policy_attachment', sso('${var.policy}')))).toEqual(['unknown']);
  });
});
