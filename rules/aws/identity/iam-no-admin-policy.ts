/** No policy grants every action on every resource, and no principal gets the AdministratorAccess managed policy. */
import { defineRule, type RuleContext } from '../../../engine/rule';
import { pass, unknown, violation } from '../../../engine/results';
import type { CheckResult, ResourceRecord } from '../../../engine/types';
import { and, describeExpression, isExpression, listAttr } from '../../../engine/values';
import { coversAllResources, includesAllActions, isAllow, isConcreteReference, literalOf } from '../policy';
import { checkIdentityPolicies, IDENTITY_POLICY_TYPES } from './identity-policies';

const ATTACHMENT_TYPES = ['aws_iam_role_policy_attachment', 'aws_iam_user_policy_attachment', 'aws_iam_group_policy_attachment', 'aws_iam_policy_attachment'];
/** IAM Identity Center: a permission set's managed policy applies to everyone the set is assigned to. */
const SSO_ATTACHMENT = 'aws_ssoadmin_managed_policy_attachment';
const ADMIN_POLICY = /^arn:aws[a-z-]*:iam::aws:policy\/AdministratorAccess$/;

export const iamNoAdminPolicy = defineRule({
  id: 'iam-no-admin-policy',
  title: 'No IAM policy allows every action on every resource',
  severity: 'error',
  profile: 'baseline',
  category: 'identity',
  resourceTypes: [...IDENTITY_POLICY_TYPES, ...ATTACHMENT_TYPES, SSO_ATTACHMENT],
  rationale:
    'Action "*" on Resource "*" (or the AWS managed AdministratorAccess policy) is the whole account: whoever ' +
    'holds it, or steals the credentials of whoever holds it, can read every secret, delete every backup and ' +
    'create new users to come back later. Workloads never need it; people who administer accounts get it ' +
    'through SSO permission sets with MFA, not from application stacks.',
  fix:
    'List the actions and resources the workload uses (IAM Access Analyzer can generate a policy from CloudTrail ' +
    'activity). Do not attach arn:aws:iam::aws:policy/AdministratorAccess from a stack.',
  references: {
    checkov: ['CKV_AWS_62', 'CKV_AWS_274'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_62',
        kind: 'stricter',
        why: 'also catches *:* and arn:aws:* style wildcards, NotResource, and inline_policy blocks of aws_iam_role; checkov matches only the literal "*" on policy resources and passes a policy it cannot parse',
      },
      {
        peer: 'checkov',
        check: 'CKV_AWS_274',
        kind: 'stricter',
        why: 'also matches AdministratorAccess in other partitions (aws-us-gov, aws-cn) and through data "aws_iam_policy" lookups, and reports an unresolved policy_arn as unknown instead of passing it',
      },
    ],
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
  },
  examples: {
    failing: {
      resourceType: 'aws_iam_policy',
      body: { policy: JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }) },
    },
    passing: {
      resourceType: 'aws_iam_policy',
      body: {
        policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::reports/*' }] }),
      },
    },
  },
  check(resource, context) {
    const results: CheckResult[] = [];
    if (IDENTITY_POLICY_TYPES.includes(resource.type)) {
      results.push(
        ...checkIdentityPolicies(
          resource,
          context,
          (s) => and(isAllow(s), includesAllActions(s), coversAllResources(s)),
          'allows every action ("*") on every resource',
        ),
      );
    }
    if (resource.type === 'aws_iam_role') results.push(...managedPolicyArns(resource, context));
    if (ATTACHMENT_TYPES.includes(resource.type)) results.push(adminArn(resource.body.policy_arn, 'policy_arn', context));
    if (resource.type === SSO_ATTACHMENT) results.push(adminArn(resource.body.managed_policy_arn, 'managed_policy_arn', context));
    return results;
  },
});

/** The deprecated `managed_policy_arns` of aws_iam_role. */
function managedPolicyArns(role: ResourceRecord, context: RuleContext): CheckResult[] {
  const arns = listAttr(role.body, 'managed_policy_arns');
  if (arns.state === 'absent') return [];
  if (arns.state === 'unknown') return [unknown(`managed_policy_arns is ${describeExpression(arns.expression)}`, 'managed_policy_arns')];
  return arns.value.map((arn) => adminArn(arn, 'managed_policy_arns', context));
}

/**
 * Whether an attached policy ARN is AdministratorAccess. A reference to a policy this stack creates is
 * not (that policy is checked itself); a `data "aws_iam_policy"` lookup is read; anything else is unknown.
 */
function adminArn(value: unknown, attribute: string, context: RuleContext): CheckResult {
  if (typeof value !== 'string') return unknown(`${attribute} is ${JSON.stringify(value ?? null)}`, attribute);
  if (!isExpression(value)) {
    const arn = literalOf(value) ?? value;
    return ADMIN_POLICY.test(arn.trim()) ? violation(`${attribute} attaches AdministratorAccess`, attribute) : pass(`${attribute} is ${arn}`, attribute);
  }
  const data = /^\$\{\s*(data\.aws_iam_policy\.[A-Za-z0-9_-]+)(?:\[[^\]]*\])?\.arn\s*\}$/.exec(value);
  if (data) {
    const lookup = context.resourceAt(data[1]);
    const name = lookup?.body.name;
    const arn = lookup?.body.arn;
    if (typeof name === 'string' && !isExpression(name)) {
      return name === 'AdministratorAccess'
        ? violation(`${attribute} attaches AdministratorAccess (${data[1]})`, attribute)
        : pass(`${attribute} is the policy ${name}`, attribute);
    }
    if (typeof arn === 'string' && !isExpression(arn)) {
      return ADMIN_POLICY.test(arn)
        ? violation(`${attribute} attaches AdministratorAccess (${data[1]})`, attribute)
        : pass(`${attribute} is ${arn}`, attribute);
    }
  } else if (isConcreteReference(value) && /^\$\{\s*aws_iam_policy\./.test(value)) {
    return pass(`${attribute} is a policy this stack creates, checked on its own`, attribute);
  }
  return unknown(`${attribute} is ${describeExpression(value)}, which may be AdministratorAccess`, attribute);
}
