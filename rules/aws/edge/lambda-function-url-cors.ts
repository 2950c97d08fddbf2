/** Lambda function URLs do not let every web origin call them with credentials or send writes. */
import { defineRule } from '../../../engine/rule';
import { forEachBlock } from '../../common/shapes';
import { corsRuleResult } from './edge-common';

const URL = 'aws_lambda_function_url';

export const lambdaFunctionUrlCors = defineRule({
  id: 'lambda-function-url-cors',
  title: 'Lambda function URL CORS does not open writes or credentialed requests to every origin',
  severity: 'warning',
  profile: 'strict',
  category: 'network',
  resourceTypes: [URL],
  rationale:
    "CORS decides which other web sites may call the URL from a visitor's browser and read the answer. " +
    'allow_origins = ["*"] with allow_credentials = true, or with methods beyond GET and HEAD (POST, PUT, ' +
    'DELETE, "*"), lets any site a user visits act against the function in that user\'s browser: cross-site ' +
    'request forgery by design. Strict: a public, read-only or token-authenticated API may need a wide ' +
    'CORS policy.',
  fix: 'List the origins that need access in cors.allow_origins (e.g. ["https://app.example.com"]), or keep "*" only with allow_methods = ["GET", "HEAD"] and allow_credentials = false.',
  references: {
    checkov: ['CKV2_AWS_75'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV2_AWS_75',
        kind: 'different',
        why: 'checkov reports "*" origins only together with "*" methods; here "*" origins are reported with credentials or with any method beyond GET and HEAD, and accepted for reads.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/lambda/latest/dg/urls-configuration.html#urls-cors'],
  },
  examples: {
    failing: { resourceType: URL, body: { authorization_type: 'AWS_IAM', cors: { allow_origins: ['*'], allow_methods: ['*'] } } },
    passing: {
      resourceType: URL,
      body: { authorization_type: 'AWS_IAM', cors: { allow_origins: ['https://app.example.com'], allow_methods: ['*'], allow_credentials: true } },
    },
  },
  check: (resource) =>
    forEachBlock(resource.body, 'cors', (cors) =>
      corsRuleResult(cors.body, cors.path, { origins: 'allow_origins', methods: 'allow_methods', credentials: 'allow_credentials' }),
    ),
});
