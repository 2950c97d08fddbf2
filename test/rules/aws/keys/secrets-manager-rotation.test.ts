import { secretsManagerRotation as rule } from '../../../../rules/aws/keys/secrets-manager-rotation';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { exampleFindings } from '../policy/helpers';

const T = 'aws_secretsmanager_secret';
const permission = (principal: unknown) => ({ action: 'lambda:InvokeFunction', function_name: '${aws_lambda_function.rotate.function_name}', principal });
const rotation = (secretId: string) => ({
  secret_id: secretId,
  rotation_lambda_arn: '${aws_lambda_function.rotate.arn}',
  rotation_rules: { automatically_after_days: 30 },
});

describe('secrets-manager-rotation', () => {
  const lambda = { aws_lambda_permission: { rotate: permission('secretsmanager.amazonaws.com') } };

  it('fires for a secret without rotation in a stack with a rotation Lambda', () => {
    expect(kinds(findingsFor(rule, T, { name: 'db' }, { resource: lambda }))).toEqual(['violation']);
  });

  it('is quiet when a rotation references the secret by id, ARN or name', () => {
    for (const pointer of ['${aws_secretsmanager_secret.subject.id}', '${aws_secretsmanager_secret.subject.arn}', 'db']) {
      const resource = { ...lambda, aws_secretsmanager_secret_rotation: { r: rotation(pointer) } };
      expect(findingsFor(rule, T, { name: 'db' }, { resource })).toEqual([]);
    }
  });

  it('is quiet in a stack without a rotation Lambda', () => {
    expect(findingsFor(rule, T, { name: 'db' })).toEqual([]);
    expect(findingsFor(rule, T, { name: 'db' }, { resource: { aws_lambda_permission: { api: permission('apigateway.amazonaws.com') } } })).toEqual([]);
  });

  it('fires when the only rotation is for another secret', () => {
    const resource = { ...lambda, aws_secretsmanager_secret_rotation: { r: rotation('${aws_secretsmanager_secret.other.id}') } };
    expect(kinds(findingsFor(rule, T, { name: 'db' }, { resource }))).toEqual(['violation']);
  });

  it('is unknown when a rotation may be for it, or the Lambda permission principal is an expression', () => {
    const maybeRotation = { ...lambda, aws_secretsmanager_secret_rotation: { r: rotation('${var.secret}') } };
    expect(kinds(findingsFor(rule, T, { name: 'db' }, { resource: maybeRotation }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, T, { name: 'db' }, { resource: { aws_lambda_permission: { p: permission('${var.principal}') } } }))).toEqual(['unknown']);
    expect(
      kinds(findingsFor(rule, T, { name: '${var.name}' }, { resource: { ...lambda, aws_secretsmanager_secret_rotation: { r: rotation('db') } } })),
    ).toEqual(['unknown']);
  });

  it('has examples that behave', () => {
    const { failing, passing } = exampleFindings(rule);
    expect(kinds(failing)).toEqual(['violation']);
    expect(passing).toEqual([]);
  });
});
