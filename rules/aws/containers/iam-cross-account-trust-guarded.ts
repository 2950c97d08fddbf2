/** A role that another account may assume demands an external ID or MFA. */
import { defineRule, type RuleContext } from '../../../engine/rule';
import type { ResourceRecord } from '../../../engine/types';
import { and, any, describeExpression, isExpression, known, listAttr, maybe, NO, not, YES, type Answer } from '../../../engine/values';
import { forbidStatements, includesAction, isAllow, readPolicy, type ConditionEntry, type PolicyStatement } from '../policy';
import { isConcreteReference, literalOf } from '../policy/template';

const ACCOUNT = /^(?:(\d{12})|arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):.*)$/;

/** The account an AWS principal identifier names, `own` when it is the stack's own account, undefined for none (`*`, a canonical user). */
function principalAccount(identifier: string): Answer<string | undefined> {
  const literal = literalOf(identifier);
  if (literal !== undefined) {
    const match = ACCOUNT.exec(literal.trim());
    return known(match ? (match[1] ?? match[2]) : undefined);
  }
  // The caller's own account, and ARNs of resources this stack creates (its roles and users), are this account.
  if (
    /\$\{\s*data\.aws_caller_identity\.[A-Za-z0-9_-]+\.(account_id|arn)\s*\}/.test(identifier) &&
    /^(arn:aws[a-z-]*:(iam|sts)::)?\$\{[^}]*\}(:.*)?$/.test(identifier)
  )
    return known('own');
  if (isConcreteReference(identifier) && !/^\$\{\s*data\./.test(identifier)) return known('own');
  return maybe(`the principal ${describeExpression(identifier)}`);
}

/**
 * Whether `account` is another account than the one the role's provider deploys to: any account not in the
 * provider's allowed_account_ids (an account in its forbidden_account_ids certainly is).
 */
function isOtherAccount(account: string, role: ResourceRecord, context: RuleContext): Answer {
  if (account === 'own') return NO;
  const provider = context.providerFor(role);
  const allowed = provider ? listAttr(provider.body, 'allowed_account_ids') : undefined;
  if (allowed?.state === 'unknown')
    return maybe(`whether account ${account} is this stack's own (allowed_account_ids is ${describeExpression(allowed.expression)})`);
  if (allowed?.state === 'known' && allowed.value.includes(account)) return NO;
  if (allowed?.state === 'known' && allowed.value.some((v) => typeof v !== 'string' || isExpression(v)))
    return maybe(`whether account ${account} is among allowed_account_ids, which holds an expression`);
  return YES;
}

function trustsOtherAccount(s: PolicyStatement, role: ResourceRecord, context: RuleContext): Answer {
  if (s.principals.state === 'absent') return NO;
  if (s.principals.state === 'unknown') return maybe(`Principal = ${describeExpression(s.principals.expression)}`);
  return any(s.principals.value, (entry) => {
    const type = literalOf(entry.type);
    if (type === undefined) return maybe(`Principal type ${describeExpression(entry.type)}`);
    if (type.toUpperCase() !== 'AWS') return NO;
    if (entry.identifiers.state === 'absent') return NO;
    if (entry.identifiers.state === 'unknown') return maybe(`Principal.AWS = ${describeExpression(entry.identifiers.expression)}`);
    return any(entry.identifiers.value, (id) => {
      const account = principalAccount(id);
      if (account.state === 'unknown') return account;
      return account.value === undefined ? NO : isOtherAccount(account.value, role, context);
    });
  });
}

/** sts:ExternalId with StringEquals / StringLike (not a bare wildcard), or aws:MultiFactorAuthPresent = true with Bool. */
function conditionGuards(c: ConditionEntry): Answer {
  const operator = literalOf(c.operator)?.toLowerCase();
  const key = literalOf(c.key)?.toLowerCase();
  if (operator === undefined || key === undefined) return maybe(`Condition ${describeExpression(c.operator)} ${describeExpression(c.key)}`);
  if (c.values.state === 'unknown') return maybe(`Condition values = ${describeExpression(c.values.expression)}`);
  const values = c.values.state === 'known' ? c.values.value.map((v) => literalOf(v) ?? v) : [];
  let guards = false;
  if (key === 'sts:externalid' && ['stringequals', 'stringlike'].includes(operator)) guards = values.length > 0 && values.every((v) => !/^[*?]*$/.test(v));
  if (key === 'aws:multifactorauthpresent' && operator === 'bool') guards = values.length > 0 && values.every((v) => v.toLowerCase() === 'true');
  if (guards && c.mayBeNone) return maybe('a dynamic "condition" block (its for_each may be empty)');
  return known(guards);
}

function guarded(s: PolicyStatement): Answer {
  if (s.conditions.state === 'absent') return NO;
  if (s.conditions.state === 'unknown') return maybe(`Condition = ${describeExpression(s.conditions.expression)}`);
  return any(s.conditions.value, conditionGuards);
}

export const iamCrossAccountTrustGuarded = defineRule({
  id: 'iam-cross-account-trust-guarded',
  title: 'Roles that another AWS account may assume require an external ID or MFA',
  severity: 'warning',
  profile: 'strict',
  category: 'identity',
  resourceTypes: ['aws_iam_role'],
  rationale:
    'A trust policy naming another account (`"AWS": "arn:aws:iam::<account>:root"` or a role in it) lets ' +
    'whatever that account decides act as the role. For a third party (a SaaS vendor, a monitoring service), ' +
    'sts:ExternalId is what stops the confused deputy: another customer of the vendor pointing it at your role. ' +
    'For people, aws:MultiFactorAuthPresent makes a stolen access key not enough. "Another account" is any ' +
    "account named literally that is not in the provider's allowed_account_ids (the one place a configuration " +
    'says which account it deploys to); ARNs of resources in the stack and data.aws_caller_identity are the ' +
    'own account. Principal "*" is ' +
    "iam-trust-policy-no-wildcard's. Strict: trust between accounts of one organization (a CI account " +
    'assuming deploy roles) is often legitimate without either condition; record it as a suppression.',
  fix:
    'Add `Condition: { StringEquals: { "sts:ExternalId": "<id the third party gave you>" } }` for a third party, ' +
    'or `{ Bool: { "aws:MultiFactorAuthPresent": "true" } }` for people; and set the provider\'s ' +
    '`allowed_account_ids` so the own account is known.',
  references: {
    checkov: ['CKV_AWS_61'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_61',
        kind: 'different',
        why:
          'checkov reports every statement that trusts an account ID or account root, whatever its conditions and whichever account it is; ' +
          "here only another account (by the provider's allowed_account_ids) without an sts:ExternalId or aws:MultiFactorAuthPresent condition is " +
          'reported, and role or user ARNs of that account count too.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html'],
  },
  examples: {
    failing: {
      resourceType: 'aws_iam_role',
      body: {
        assume_role_policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole' }],
        }),
      },
    },
    passing: {
      resourceType: 'aws_iam_role',
      body: {
        assume_role_policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: 'arn:aws:iam::444455556666:root' },
              Action: 'sts:AssumeRole',
              Condition: { StringEquals: { 'sts:ExternalId': 'vendor-7f3a' } },
            },
          ],
        }),
      },
    },
  },
  check(role, context) {
    return forbidStatements(
      readPolicy(role.body.assume_role_policy, context),
      'assume_role_policy',
      (s) => and(isAllow(s), includesAction(s, 'sts:AssumeRole'), trustsOtherAccount(s, role, context), not(guarded(s))),
      'lets another AWS account assume the role without an sts:ExternalId or aws:MultiFactorAuthPresent condition',
    );
  },
});
