import * as path from 'path';
import { Guardrails } from '../../../aspects/guardrails';
import { stackFile, testApp } from '../../helpers/app';
import { describeWithTerraform, initValidatePlan } from '../../helpers/terraform';
import { referenceStore, secretsStack } from './helpers';

describeWithTerraform('SecretStore with real terraform (offline)', (setup) => {
  test('init + validate + plan', () => {
    const app = testApp();
    referenceStore(secretsStack(app, true));
    Guardrails.enforce(app, { profile: 'strict' });
    app.synth();
    const plan: any = initValidatePlan(setup(), path.dirname(stackFile(app, 'secrets')));
    const types = plan.resource_changes.map((r: any) => r.type).sort();
    // One policy per role (ci-deploy, the operator, derp-relay, infra-admin), from the secrets' writers and readers and the grant.
    expect(types).toEqual([
      'aws_iam_role_policy',
      'aws_iam_role_policy',
      'aws_iam_role_policy',
      'aws_iam_role_policy',
      'aws_kms_alias',
      'aws_kms_key',
      'aws_secretsmanager_secret',
      'aws_secretsmanager_secret',
    ]);
    const key = plan.resource_changes.find((r: any) => r.type === 'aws_kms_key').change.after;
    const actions = JSON.parse(key.policy).Statement.flatMap((s: any) => s.Action);
    expect(actions).toEqual(expect.arrayContaining(['kms:GenerateDataKey', 'kms:Decrypt']));
  });
});
