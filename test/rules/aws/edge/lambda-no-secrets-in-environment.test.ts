import { lambdaNoSecretsInEnvironment as rule } from '../../../../rules/aws/edge/lambda-no-secrets-in-environment';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const FN = 'aws_lambda_function';
const run = (variables: unknown) => findingsFor(rule, FN, { function_name: 'f', environment: { variables } });

describe('lambda-no-secrets-in-environment', () => {
  itHonoursItsExamples(rule);

  it('fires for literal secrets, masked, and for references to secret-bearing attributes', () => {
    const found = run({ AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE' });
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0].message).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(kinds(run({ DB_PASSWORD: 'q8Zr2LmX9vTb4NcK7pWs' }))).toEqual(['violation']);
    expect(kinds(run({ DB_PASSWORD: '${random_password.db.result}' }))).toEqual(['violation']);
    expect(kinds(run({ SECRET: '${aws_secretsmanager_secret_version.s.secret_string}' }))).toEqual(['violation']);
  });

  it('is quiet for ordinary settings, secret ARNs and functions without variables', () => {
    expect(
      run({ LOG_LEVEL: 'info', TABLE: '${aws_dynamodb_table.orders.name}', DB_SECRET_ARN: '${aws_secretsmanager_secret.db.arn}', REGION: '${var.region}' }),
    ).toEqual([]);
    expect(run({ DB_PASSWORD: 'changeme' })).toEqual([]);
    expect(findingsFor(rule, FN, { function_name: 'f' })).toEqual([]);
  });

  it('is unknown for a whole-map expression or a secret-named variable fed by a variable', () => {
    expect(kinds(run('${var.env}'))).toEqual(['unknown']);
    expect(kinds(run({ API_TOKEN: '${var.api_token}' }))).toEqual(['unknown']);
  });
});
