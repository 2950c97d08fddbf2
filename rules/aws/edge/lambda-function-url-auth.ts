/** Lambda function URLs require IAM authentication. */
import { defineRule } from '../../../engine/rule';
import { requireOneOf } from '../../common/shapes';

const URL = 'aws_lambda_function_url';

export const lambdaFunctionUrlAuth = defineRule({
  id: 'lambda-function-url-auth',
  title: 'Lambda function URLs use AWS_IAM authorization',
  severity: 'error',
  profile: 'baseline',
  category: 'identity',
  resourceTypes: [URL],
  rationale:
    'A function URL with authorization_type = "NONE" is a public HTTPS endpoint: anyone who finds the ' +
    'lambda-url hostname invokes the function, with no WAF, throttling per client or request validation in ' +
    "front of it, and every call runs (and is billed) with the function's role. Public endpoints belong " +
    'behind API Gateway or CloudFront (with origin access control for Lambda), where they can be ' +
    'authenticated, filtered and rate limited; an intended public URL is suppressed with its reason.',
  fix: 'Set authorization_type = "AWS_IAM" and sign requests with SigV4 (or put CloudFront with origin access control for Lambda in front).',
  references: {
    checkov: ['CKV_AWS_258'],
    docs: ['https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html'],
  },
  examples: {
    failing: { resourceType: URL, body: { function_name: '${aws_lambda_function.api.function_name}', authorization_type: 'NONE' } },
    passing: { resourceType: URL, body: { function_name: '${aws_lambda_function.api.function_name}', authorization_type: 'AWS_IAM' } },
  },
  check: (resource) => requireOneOf(resource.body, 'authorization_type', 'IAM authorization', ['AWS_IAM']),
});
