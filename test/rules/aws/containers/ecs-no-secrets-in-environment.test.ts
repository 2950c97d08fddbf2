import { ecsNoSecretsInEnvironment as rule } from '../../../../rules/aws/containers/ecs-no-secrets-in-environment';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { task, TD } from './helpers';

const env = (environment: unknown) => task([{ name: 'app', image: 'app:1', environment }]);

describe('ecs-no-secrets-in-environment', () => {
  itHonoursItsExamples(rule);

  it('fires for a high-entropy value under a secret-sounding name, and for known credential formats under any name', () => {
    expect(kinds(findingsFor(rule, TD, env([{ name: 'DB_PASSWORD', value: 'Zt8!qLw2#rXv9mKp' }])))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, TD, env([{ name: 'SOMETHING', value: 'AKIAIOSFODNN7EXAMPLQ' }])))).toEqual(['violation']);
  });

  it('never puts the secret in the message', () => {
    const [finding] = findingsFor(rule, TD, env([{ name: 'DB_PASSWORD', value: 'Zt8!qLw2#rXv9mKp' }]));
    expect(finding.message).not.toContain('Zt8!qLw2#rXv9mKp');
  });

  it('is quiet for ordinary settings, placeholders, secret ARNs, and secrets with valueFrom', () => {
    expect(
      findingsFor(
        rule,
        TD,
        env([
          { name: 'LOG_LEVEL', value: 'info' },
          { name: 'DB_PASSWORD', value: 'changeme' },
          { name: 'API_TOKEN', value: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:x' },
          { name: 'DB_SECRET', value: '${aws_secretsmanager_secret.db.arn}' },
          { name: 'DB_HOST', value: '${aws_db_instance.main.address}' },
        ]),
      ),
    ).toEqual([]);
  });

  it('is unknown for a secret-sounding name set from an expression, and for an environment that is an expression', () => {
    expect(kinds(findingsFor(rule, TD, env([{ name: 'DB_PASSWORD', value: '${random_password.db.result}' }])))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, TD, env('${local.env}')))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, TD, { family: 'app', container_definitions: '${var.c}' }))).toEqual(['unknown']);
  });
});
