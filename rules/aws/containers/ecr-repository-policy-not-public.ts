/** No ECR repository policy lets anyone pull or push without an account-limiting condition. */
import { defineRule } from '../../../engine/rule';
import { ACCOUNT_BOUNDING_KEYS, allowsAnyoneUnrestricted, forbidStatements, readPolicy } from '../policy';

export const ecrRepositoryPolicyNotPublic = defineRule({
  id: 'ecr-repository-policy-not-public',
  title: 'ECR repository policies do not allow Principal "*" without an account-limiting condition',
  severity: 'error',
  profile: 'baseline',
  category: 'compute',
  resourceTypes: ['aws_ecr_repository_policy'],
  rationale:
    'A repository policy statement that allows Principal "*" (or {"AWS": "*"}, or NotPrincipal) lets every AWS ' +
    'account pull the images, with the code, configuration and often credentials baked into them, and, with ' +
    'push actions, replace them. Sharing with the organization is done with a condition on one of ' +
    `${ACCOUNT_BOUNDING_KEYS.join(', ')}. Images meant for the world belong in ECR Public.`,
  fix:
    'Name the accounts or roles that pull (`"Principal": { "AWS": "arn:aws:iam::<account>:root" }`), or keep "*" ' +
    'and add `StringEquals: { "aws:PrincipalOrgID": "<org id>" }`.',
  references: {
    checkov: ['CKV_AWS_32'],
    docs: ['https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html'],
  },
  examples: {
    failing: {
      resourceType: 'aws_ecr_repository_policy',
      body: {
        repository: 'app',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: '*', Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] }],
        }),
      },
    },
    passing: {
      resourceType: 'aws_ecr_repository_policy',
      body: {
        repository: 'app',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] }],
        }),
      },
    },
  },
  check(resource, context) {
    return forbidStatements(
      readPolicy(resource.body.policy, context),
      'policy',
      allowsAnyoneUnrestricted,
      'allows any principal ("*") with no condition limiting it to known accounts',
    );
  },
});
