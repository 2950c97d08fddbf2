import * as path from 'path';
import { Guardrails } from '../../../aspects/guardrails';
import { stackFile, testApp } from '../../helpers/app';
import { describeWithTerraform, initValidatePlan } from '../../helpers/terraform';
import { awsMonitoring, monitoringStack } from './helpers';

describeWithTerraform('Monitoring on AWS with real terraform (offline)', (setup) => {
  test('init + validate + plan', () => {
    const app = testApp();
    const { stack, fleet } = monitoringStack(app, true);
    awsMonitoring(stack, fleet);
    Guardrails.enforce(app, { profile: 'strict' });
    app.synth();
    const plan: any = initValidatePlan(setup(), path.dirname(stackFile(app, 'monitoring')));
    const types = plan.resource_changes.map((r: any) => r.type).sort();
    expect(types).toEqual([
      'aws_cloudwatch_metric_alarm',
      'aws_iam_instance_profile',
      'aws_iam_role',
      'aws_iam_role_policy',
      'aws_iam_role_policy_attachment',
      'aws_instance',
      'aws_kms_alias',
      'aws_kms_key',
      'aws_security_group',
      'aws_sns_topic',
      'aws_sns_topic_subscription',
    ]);
    // Every alarm notifies the encrypted alert topic.
    const alarm = plan.resource_changes.find((r: any) => r.type === 'aws_cloudwatch_metric_alarm');
    expect(alarm.change.after_unknown.alarm_actions).toBeTruthy();
    const topic = plan.resource_changes.find((r: any) => r.type === 'aws_sns_topic').change;
    expect(topic.after.name).toBe('derp-monitoring-alerts');
    expect(topic.after_unknown.kms_master_key_id).toBe(true);
    const sg = plan.resource_changes.find((r: any) => r.type === 'aws_security_group').change.after;
    expect(sg.ingress).toEqual([]);
    expect(sg.egress).toHaveLength(4);
  });
});
