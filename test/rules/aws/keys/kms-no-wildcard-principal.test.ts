import { kmsNoWildcardPrincipal as rule } from '../../../../rules/aws/keys/kms-no-wildcard-principal';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { docRef, exampleFindings, policyJson } from '../policy/helpers';

const ROOT = { Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' };
const OPEN = { Sid: 'Open', Effect: 'Allow', Principal: '*', Action: ['kms:Decrypt'], Resource: '*' };

describe('kms-no-wildcard-principal', () => {
  for (const type of ['aws_kms_key', 'aws_kms_key_policy', 'aws_kms_replica_key', 'aws_kms_external_key']) {
    describe(type, () => {
      const base = type === 'aws_kms_key_policy' ? { key_id: '${aws_kms_key.k.id}' } : {};

      it('fires for Allow to "*" or {"AWS": "*"} without a condition', () => {
        expect(kinds(findingsFor(rule, type, { ...base, policy: policyJson([ROOT, OPEN]) }))).toEqual(['violation']);
        expect(kinds(findingsFor(rule, type, { ...base, policy: policyJson({ ...OPEN, Principal: { AWS: '*' } }) }))).toEqual(['violation']);
      });

      it('is quiet for named principals or an account-limiting condition', () => {
        expect(findingsFor(rule, type, { ...base, policy: policyJson([ROOT]) })).toEqual([]);
        expect(
          findingsFor(rule, type, { ...base, policy: policyJson([ROOT, { ...OPEN, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }]) }),
        ).toEqual([]);
      });

      it('is unknown for a policy built by a function', () => {
        expect(kinds(findingsFor(rule, type, { ...base, policy: '${jsonencode({Statement = []})}' }))).toEqual(['unknown']);
      });
    });
  }

  it('is quiet for a key with no policy (the default policy trusts only the account)', () => {
    expect(findingsFor(rule, 'aws_kms_key', { enable_key_rotation: true })).toEqual([]);
  });

  it('does not count kms:ViaService alone, or an IfExists operator, as a restriction', () => {
    const via = { ...OPEN, Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } } };
    expect(kinds(findingsFor(rule, 'aws_kms_key', { policy: policyJson([via]) }))).toEqual(['violation']);
    const ifExists = { ...OPEN, Condition: { StringEqualsIfExists: { 'kms:CallerAccount': '111122223333' } } };
    expect(kinds(findingsFor(rule, 'aws_kms_key', { policy: policyJson([ifExists]) }))).toEqual(['violation']);
  });

  it('ignores Deny statements to "*"', () => {
    expect(findingsFor(rule, 'aws_kms_key', { policy: policyJson([ROOT, { ...OPEN, Effect: 'Deny' }]) })).toEqual([]);
  });

  it('fires for a Principal written as a list holding "*" (checkov CKV_AWS_33 reads it as a wildcard too)', () => {
    // new KmsKey(this, 'key', { policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: ['*'], … }] }) })
    expect(kinds(findingsFor(rule, 'aws_kms_key', { policy: policyJson([ROOT, { ...OPEN, Principal: ['*'] }]) }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, 'aws_kms_key', { policy: policyJson([{ ...OPEN, Principal: ['arn:aws:iam::111122223333:root', '*'] }]) }))).toEqual([
      'violation',
    ]);
    expect(kinds(findingsFor(rule, 'aws_kms_key', { policy: policyJson([{ ...OPEN, Principal: { AWS: ['arn:aws:iam::111122223333:root', '*'] } }]) }))).toEqual(
      ['violation'],
    );
    expect(findingsFor(rule, 'aws_kms_key', { policy: policyJson([{ ...OPEN, Principal: ['arn:aws:iam::111122223333:root'] }]) })).toEqual([]);
    expect(
      findingsFor(rule, 'aws_kms_key', {
        policy: policyJson([{ ...OPEN, Principal: ['*'], Condition: { StringEquals: { 'kms:CallerAccount': '111122223333' } } }]),
      }),
    ).toEqual([]);
    expect(kinds(findingsFor(rule, 'aws_kms_key', { policy: policyJson([{ ...OPEN, Principal: ['arn:aws:iam::111122223333:root', '${var.p}'] }]) }))).toEqual([
      'unknown',
    ]);
  });

  it('fires for Allow with NotPrincipal (everyone but someone)', () => {
    const notPrincipal = { Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/x' }, Action: 'kms:Decrypt', Resource: '*' };
    expect(kinds(findingsFor(rule, 'aws_kms_key', { policy: policyJson([notPrincipal]) }))).toEqual(['violation']);
  });

  it('is unknown when the principal or the condition value is an expression that may open it', () => {
    expect(kinds(findingsFor(rule, 'aws_kms_key', { policy: policyJson([{ ...OPEN, Principal: { AWS: '${var.principal}' } }]) }))).toEqual(['unknown']);
    expect(
      kinds(findingsFor(rule, 'aws_kms_key', { policy: policyJson([{ ...OPEN, Condition: { StringLike: { 'aws:PrincipalOrgID': '${var.org}' } } }]) })),
    ).toEqual(['unknown']);
  });

  describe('with a policy document data source', () => {
    const doc = (statement: Record<string, unknown>) => ({ data: { aws_iam_policy_document: { key: { statement: [statement] } } } });
    const open = { actions: ['kms:Decrypt'], resources: ['*'], principals: [{ type: 'AWS', identifiers: ['*'] }] };

    it('fires for an open statement', () => {
      expect(kinds(findingsFor(rule, 'aws_kms_key', { policy: docRef('key') }, doc(open)))).toEqual(['violation']);
    });

    it('is quiet with a condition', () => {
      const limited = {
        ...open,
        condition: [{ test: 'StringEquals', variable: 'kms:CallerAccount', values: ['${data.aws_caller_identity.current.account_id}'] }],
      };
      expect(findingsFor(rule, 'aws_kms_key', { policy: docRef('key') }, doc(limited))).toEqual([]);
    });

    it('is unknown when the identifiers are an expression', () => {
      expect(
        kinds(findingsFor(rule, 'aws_kms_key', { policy: docRef('key') }, doc({ ...open, principals: [{ type: 'AWS', identifiers: '${var.ids}' }] }))),
      ).toEqual(['unknown']);
    });
  });

  it('has examples that behave', () => {
    const { failing, passing } = exampleFindings(rule);
    expect(kinds(failing)).toEqual(['violation']);
    expect(passing).toEqual([]);
  });
});
