/** KMS key policies give kms:* only to the account root; other principals get the actions they use. */
import { defineRule } from '../../../engine/rule';
import { pass } from '../../../engine/results';
import { and, any, describeExpression, known, maybe, NO, not, YES, type Answer } from '../../../engine/values';
import { anyItem, forbidStatements, isAllow, readPolicy, type PolicyStatement } from '../policy';
import { globMatch, literalOf, worstCase } from '../policy/template';

const KEY_TYPES = ['aws_kms_key', 'aws_kms_key_policy', 'aws_kms_replica_key', 'aws_kms_external_key', 'aws_kms_replica_external_key'];

/** `*`, `kms:*` (also `*:*`): every key action, the key policy and deletion included. */
const isAllKmsPattern = (pattern: string): boolean => /^(\*+(:\*+)?|kms:\*+)$/i.test(pattern.trim());

function grantsAllKeyActions(s: PolicyStatement): Answer {
  if (s.actions.state === 'absent') return s.notActions.state !== 'absent' ? YES : NO;
  return anyItem(s.actions, 'Action', isAllKmsPattern);
}

/** The account root (`arn:aws:iam::<account>:root`, a bare account ID), which delegates to the account's IAM policies. */
const isRoot = (id: string): boolean => /^(arn:aws[a-z-]*:iam::[^:]*:root|\d{12})$/.test(id.trim());

/**
 * Whether a principal other than the account root gets the statement. Principal "*" and NotPrincipal are
 * kms-no-wildcard-principal's; an identifier is judged by its worst case (`arn:aws:iam::${…}:root` is a root).
 */
function grantsNonRoot(s: PolicyStatement): Answer {
  if (s.principals.state === 'absent') return NO;
  if (s.principals.state === 'unknown') return maybe(`Principal = ${describeExpression(s.principals.expression)}`);
  return any(s.principals.value, (entry) => {
    const type = literalOf(entry.type);
    if (type === undefined) return maybe(`Principal type ${describeExpression(entry.type)}`);
    if (entry.identifiers.state === 'unknown') return maybe(`Principal.${type} = ${describeExpression(entry.identifiers.expression)}`);
    if (entry.identifiers.state === 'absent') return NO;
    return any(entry.identifiers.value, (id) => {
      const literal = literalOf(id);
      if (literal !== undefined) return known(literal.trim() !== '*' && !(type.toUpperCase() === 'AWS' && isRoot(literal)));
      const worst = worstCase(id);
      const aws = type.toUpperCase() === 'AWS';
      if (aws && (isRoot(worst) || /^\$\{\s*data\.aws_caller_identity\.[A-Za-z0-9_-]+\.account_id\s*\}$/.test(id.trim()))) return NO;
      // An expression that may be a root (or "*") may as well be something else: unknown.
      if (globMatch(worst, 'arn:aws:iam::111122223333:root') || globMatch(worst, '111122223333')) return maybe(`the principal ${describeExpression(id)}`);
      return YES;
    });
  });
}

/** Any condition at all narrows the grant (to a service, a source, an encryption context). */
function conditioned(s: PolicyStatement): Answer {
  if (s.conditions.state === 'unknown') return maybe(`Condition = ${describeExpression(s.conditions.expression)}`);
  if (s.conditions.state === 'absent' || s.conditions.value.length === 0) return NO;
  return s.conditions.value.every((c) => c.mayBeNone) ? maybe('a dynamic "condition" block (its for_each may be empty)') : YES;
}

export const kmsKeyPolicyNoFullAccess = defineRule({
  id: 'kms-key-policy-no-full-access',
  title: 'KMS key policies do not give kms:* to principals other than the account root without a condition',
  severity: 'warning',
  profile: 'strict',
  category: 'keys',
  resourceTypes: KEY_TYPES,
  rationale:
    'kms:* on a key is every key action: decrypt everything it protects, and also kms:PutKeyPolicy (lock the ' +
    'account out of the key) and kms:ScheduleKeyDeletion (destroy the data for good). Granted to the account ' +
    'root it only delegates to IAM policies, which is the default key policy; granted to a role, user or ' +
    'service directly it bypasses IAM and survives any IAM policy change. Key administrators need ' +
    'kms:Create*, Describe*, Enable*, Put*, Update*, Revoke*, Disable*, Get*, Delete*, TagResource, ' +
    'ScheduleKeyDeletion and CancelKeyDeletion without the data actions; users need Encrypt, Decrypt, ' +
    'ReEncrypt*, GenerateDataKey*, DescribeKey. Principal "*" is kms-no-wildcard-principal\'s. Strict: a ' +
    'break-glass role with full access is a legitimate, reviewed exception.',
  fix:
    'Give roles the key actions they use (administration or usage, as in the default console key policy), or ' +
    'add a condition (kms:ViaService, kms:CallerAccount, aws:PrincipalTag…); keep kms:* for ' +
    '`arn:aws:iam::<account>:root` only.',
  references: {
    docs: ['https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html'],
  },
  examples: {
    failing: {
      resourceType: 'aws_kms_key',
      body: {
        enable_key_rotation: true,
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
            { Sid: 'App', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'kms:*', Resource: '*' },
          ],
        }),
      },
    },
    passing: {
      resourceType: 'aws_kms_key',
      body: {
        enable_key_rotation: true,
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
            {
              Sid: 'App',
              Effect: 'Allow',
              Principal: { AWS: 'arn:aws:iam::111122223333:role/app' },
              Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
              Resource: '*',
            },
          ],
        }),
      },
    },
  },
  check(resource, context) {
    const read = readPolicy(resource.body.policy, context);
    if (read.state === 'absent') return pass('no policy: the default key policy gives kms:* to the account root only', 'policy');
    return forbidStatements(
      read,
      'policy',
      (s) => and(isAllow(s), grantsAllKeyActions(s), grantsNonRoot(s), not(conditioned(s))),
      'gives every key action (kms:*) to a principal other than the account root, with no condition',
    );
  },
});
