/** No KMS key policy lets any AWS principal use the key unless a condition ties it to known accounts. */
import { defineRule } from '../../../engine/rule';
import { pass } from '../../../engine/results';
import { ACCOUNT_BOUNDING_KEYS, allowsAnyoneUnrestricted, forbidStatements, readPolicy } from '../policy';

export const kmsNoWildcardPrincipal = defineRule({
  id: 'kms-no-wildcard-principal',
  title: 'KMS key policies do not allow Principal "*" without an account-limiting condition',
  severity: 'error',
  profile: 'baseline',
  category: 'keys',
  resourceTypes: ['aws_kms_key', 'aws_kms_key_policy', 'aws_kms_replica_key', 'aws_kms_external_key', 'aws_kms_replica_external_key'],
  rationale:
    'A key policy statement that allows Principal "*" (or {"AWS": "*"}) lets every AWS account use the key, ' +
    'its own IAM policies permitting: anyone can decrypt what the key protects, or encrypt with it. The usual ' +
    'legitimate use, letting AWS services or the organization use the key, is expressed with a condition on ' +
    `one of ${ACCOUNT_BOUNDING_KEYS.join(', ')} (with StringEquals/StringLike/ArnEquals/ArnLike, not …IfExists). ` +
    'kms:ViaService alone does not count: it names the service the call came through, not whose call it is.',
  fix:
    'Name the principals (account root, roles) in the statement, or add a condition such as ' +
    '`StringEquals: { "kms:CallerAccount": "<account id>" }` or `{ "aws:PrincipalOrgID": "<org id>" }`. ' +
    'Leaving `policy` unset gives the default key policy, which trusts only the account.',
  references: {
    checkov: ['CKV_AWS_33'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_33',
        kind: 'stricter',
        why:
          'checkov skips any statement with a Condition; here only a condition that ties the caller to known accounts (' +
          'kms:CallerAccount, aws:PrincipalOrgID, …, with a non-IfExists operator) clears Principal "*", since kms:ViaService alone admits every ' +
          'account. An Allow with NotPrincipal counts too, aws_kms_key_policy and the replica / external key types are covered, and a policy ' +
          'that cannot be read (jsonencode, a data source outside the stack) is unknown where checkov passes it.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html'],
  },
  examples: {
    failing: {
      resourceType: 'aws_kms_key',
      body: {
        enable_key_rotation: true,
        policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }] }),
      },
    },
    passing: {
      resourceType: 'aws_kms_key',
      body: {
        enable_key_rotation: true,
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: '*' },
              Action: ['kms:Decrypt', 'kms:DescribeKey'],
              Resource: '*',
              Condition: { StringEquals: { 'kms:CallerAccount': '111122223333', 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } },
            },
          ],
        }),
      },
    },
  },
  check(resource, context) {
    const read = readPolicy(resource.body.policy, context);
    if (read.state === 'absent') return pass('no policy: the default key policy trusts only the account', 'policy');
    return forbidStatements(read, 'policy', allowsAnyoneUnrestricted, 'allows any principal ("*") with no condition limiting it to known accounts');
  },
});
