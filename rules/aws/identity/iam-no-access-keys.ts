/** Stacks do not mint long-lived IAM access keys. */
import { defineRule } from '../../../engine/rule';
import { violation } from '../../../engine/results';
import { show, stringAttr } from '../../../engine/values';

export const iamNoAccessKeys = defineRule({
  id: 'iam-no-access-keys',
  title: 'No IAM access keys are created',
  severity: 'error',
  profile: 'baseline',
  category: 'identity',
  resourceTypes: ['aws_iam_access_key'],
  rationale:
    'An access key never expires, works from anywhere, and its secret ends up in Terraform state (in plain ' +
    "text unless pgp_key is set, and then still in state), in CI variables and in laptops' config files. Leaked " +
    'keys are the most common way into AWS accounts. Workloads in AWS use roles; CI uses OIDC federation; ' +
    'people use SSO: none of them needs a long-lived key.',
  fix:
    'Remove the aws_iam_access_key. Give AWS workloads an instance profile / task role / function role, let CI ' +
    'assume a role through an OIDC provider (aws_iam_openid_connect_provider), and give people IAM Identity ' +
    'Center access. Where a third party only accepts keys, suppress this rule for that key with the reason and ' +
    'an expiry, and rotate it.',
  references: {
    docs: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles'],
  },
  examples: {
    failing: { resourceType: 'aws_iam_access_key', body: { user: '${aws_iam_user.ci.name}' } },
    // Every access key breaks the rule: the passing configuration is one that creates none.
    passing: { resourceType: 'aws_iam_access_key', body: { user: '${aws_iam_user.ci.name}', count: 0 } },
  },
  check(resource) {
    const user = stringAttr(resource.body, 'user');
    const who = show(user, 'an IAM user');
    // Even an Inactive key is a credential in state that one API call re-activates.
    return violation(`a long-lived access key for ${who}; its secret is stored in Terraform state`, 'user');
  },
});
