import * as path from 'path';
import { Guardrails } from '../../../aspects/cdktf/guardrails';
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
    expect(types).toEqual(['aws_iam_role_policy', 'aws_iam_role_policy', 'aws_kms_alias', 'aws_kms_key', 'aws_secretsmanager_secret', 'aws_secretsmanager_secret']);
  });
});
