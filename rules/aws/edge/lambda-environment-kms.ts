/** Lambda environment variables are encrypted with a customer-managed KMS key. */
import { defineRule } from '../../../engine/rule';
import { notApplicable } from '../../../engine/results';
import { attr } from '../../../engine/values';
import { forEachBlock, requirePresent } from '../../common/shapes';

const FUNCTION = 'aws_lambda_function';

export const lambdaEnvironmentKms = defineRule({
  id: 'lambda-environment-kms',
  title: 'Lambda functions with environment variables encrypt them with a customer-managed KMS key',
  severity: 'warning',
  profile: 'strict',
  category: 'keys',
  resourceTypes: [FUNCTION],
  rationale:
    'Without kms_key_arn, environment variables are encrypted with the AWS managed key aws/lambda, which every ' +
    'principal allowed to read the function configuration can use: the encryption never refuses anyone. With ' +
    'a customer-managed key, reading the values also needs kms:Decrypt on that key, its use is logged in ' +
    'CloudTrail, and access can be revoked by key policy. Strict: for variables that hold no sensitive ' +
    'configuration the managed key is enough.',
  fix: 'Set kms_key_arn to a customer-managed aws_kms_key (with rotation enabled) and grant the function role kms:Decrypt on it.',
  references: {
    checkov: ['CKV_AWS_173'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_173',
        kind: 'different',
        why: 'a function without environment variables is not applicable here (checkov reports a kms_key_arn without variables, a harmless drift quirk).',
      },
    ],
    docs: ['https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html'],
  },
  examples: {
    failing: { resourceType: FUNCTION, body: { function_name: 'api', environment: { variables: { TABLE: 'orders' } } } },
    passing: {
      resourceType: FUNCTION,
      body: { function_name: 'api', environment: { variables: { TABLE: 'orders' } }, kms_key_arn: '${aws_kms_key.lambda.arn}' },
    },
  },
  check(resource) {
    return forEachBlock(resource.body, 'environment', (env) => {
      const variables = attr(env.body, 'variables');
      if (
        variables.state === 'absent' ||
        (variables.state === 'known' && typeof variables.value === 'object' && Object.keys(variables.value as object).length === 0)
      ) {
        return notApplicable(`${env.path} has no variables to encrypt`);
      }
      return requirePresent(resource.body, 'kms_key_arn', 'a customer-managed key for the environment variables');
    });
  },
});
