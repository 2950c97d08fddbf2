/** Lambda environment variables carry no secrets: no literal keys or passwords, no secret-bearing references. */
import { defineRule } from '../../../engine/rule';
import { pass, unknown, violation } from '../../../engine/results';
import type { CheckResult } from '../../../engine/types';
import { attr, describeExpression, isObject } from '../../../engine/values';
import { forEachBlock } from '../../common/shapes';
import { analyseUserData } from '../../common/user-data/analyse';

const FUNCTION = 'aws_lambda_function';

/** Variable names that say their value is a secret (DB_PASSWORD, API_TOKEN, STRIPE_SECRET_KEY…). */
const SECRET_NAME = /(?:password|passwd|secret|token|api_?key|auth_?key|access_?key|secret_?key|private_?key|credentials?)$/i;

function checkVariable(name: string, value: unknown, at: string): CheckResult | undefined {
  if (typeof value !== 'string') return undefined;
  // Read as the line `NAME="value"`, so the shared detectors see the name next to the value.
  const found = analyseUserData(`${name}="${value}"`, 'text', () => undefined);
  if (found.secrets.length > 0) return violation(`${at}.${name} holds ${found.secrets[0]}`, at);
  // An expression whose value cannot be judged matters only under a name that says it is a secret.
  if (found.unknowns.length > 0 && SECRET_NAME.test(name.replace(/[-.]/g, '_'))) {
    return unknown(
      `${at}.${name} is named like a secret and is ${describeExpression(value)}: if that is the secret itself, it sits in plain text in the function configuration`,
      at,
    );
  }
  return undefined;
}

export const lambdaNoSecretsInEnvironment = defineRule({
  id: 'lambda-no-secrets-in-environment',
  title: 'Lambda environment variables contain no secrets',
  severity: 'error',
  profile: 'baseline',
  category: 'identity',
  resourceTypes: [FUNCTION],
  rationale:
    'Environment variables are configuration, not a secret store: anyone with lambda:GetFunctionConfiguration ' +
    '(read-only roles, support tooling, the console) reads them in plain text, and they sit in Terraform state, ' +
    'plan output and every copy of the synthesized JSON. Literal keys and tokens (AWS access keys, GitHub, ' +
    'Slack, Tailscale, DigitalOcean tokens, PEM private keys, high-entropy values under password/secret/token ' +
    'names) and references to secret-bearing attributes (random_password.x.result, ' +
    'aws_secretsmanager_secret_version.x.secret_string, aws_iam_access_key.x.secret…) are reported; a ' +
    'variable named like a secret whose value is an expression that cannot be judged (var.db_password) is unknown.',
  fix:
    "Pass the secret's ARN or parameter name instead (DB_SECRET_ARN = aws_secretsmanager_secret.db.arn), grant " +
    'the function secretsmanager:GetSecretValue on it and read it at start-up (or use the AWS Parameters and ' +
    'Secrets Lambda extension). Rotate any secret that was already in the configuration.',
  references: {
    checkov: ['CKV_AWS_45'],
    docs: [
      'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-encryption',
      'https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html',
    ],
  },
  examples: {
    failing: {
      resourceType: FUNCTION,
      body: { function_name: 'api', runtime: 'nodejs22.x', environment: { variables: { GITHUB_TOKEN: 'ghp_0123456789abcdefghijABCDEFGHIJ0123456789' } } },
    },
    passing: {
      resourceType: FUNCTION,
      body: {
        function_name: 'api',
        runtime: 'nodejs22.x',
        environment: { variables: { GITHUB_TOKEN_SECRET_ARN: '${aws_secretsmanager_secret.github.arn}', LOG_LEVEL: 'info' } },
      },
    },
  },
  check(resource) {
    return forEachBlock(resource.body, 'environment', (env): CheckResult[] => {
      const at = `${env.path}.variables`;
      const variables = attr(env.body, 'variables');
      if (variables.state === 'absent') return [pass(`${env.path} has no variables`, at)];
      if (variables.state === 'unknown' || !isObject(variables.value)) {
        return [
          unknown(
            `${at} is ${variables.state === 'unknown' ? describeExpression(variables.expression) : JSON.stringify(variables.value)}, which cannot be checked for secrets`,
            at,
          ),
        ];
      }
      const results = Object.entries(variables.value).flatMap(([name, value]) => checkVariable(name, value, at) ?? []);
      return results.length > 0 ? results : [pass(`${at} hold no secrets`, at)];
    });
  },
});
