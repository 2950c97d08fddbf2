import { instanceProfileRequired as rule } from '../../../../rules/aws/compute/instance-profile-required';
import { findings, findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

describe('instance-profile-required', () => {
  itHonoursItsExamples(rule);

  it('aws_instance: fires without iam_instance_profile, or with an empty one', () => {
    expect(kinds(findingsFor(rule, 'aws_instance', { ami: 'ami-1' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, 'aws_instance', { ami: 'ami-1', iam_instance_profile: '' }))).toEqual(['violation']);
  });
  it('aws_instance: stays quiet with a profile, and a reference to one counts as set', () => {
    expect(findingsFor(rule, 'aws_instance', { ami: 'ami-1', iam_instance_profile: 'relay' })).toEqual([]);
    expect(findingsFor(rule, 'aws_instance', { ami: 'ami-1', iam_instance_profile: '${aws_iam_instance_profile.relay.name}' })).toEqual([]);
  });
  it('aws_instance: is unknown when the profile is a variable (it may be empty)', () => {
    expect(kinds(findingsFor(rule, 'aws_instance', { ami: 'ami-1', iam_instance_profile: '${var.profile}' }))).toEqual(['unknown']);
  });
  it("aws_instance: takes the launch template's iam_instance_profile block (name or arn) when unset", () => {
    const run = (template: Record<string, unknown>) =>
      findings(rule, {
        resource: { aws_launch_template: { lt: template }, aws_instance: { subject: { launch_template: { id: '${aws_launch_template.lt.id}' } } } },
      });
    expect(run({ iam_instance_profile: { arn: '${aws_iam_instance_profile.relay.arn}' } })).toEqual([]);
    expect(run({ dynamic: { iam_instance_profile: { for_each: [1], content: { name: 'relay' } } } })).toEqual([]);
    expect(kinds(run({ dynamic: { iam_instance_profile: { for_each: '${var.p}', content: { name: 'relay' } } } }))).toEqual(['unknown']);
    expect(kinds(run({}))).toEqual(['violation']);
    expect(kinds(run({ iam_instance_profile: {} }))).toEqual(['violation']);
    expect(kinds(run({ iam_instance_profile: { name: '${var.profile}' } }))).toEqual(['unknown']);
  });
  it('aws_instance: is unknown when the launch template is not in this stack', () => {
    expect(kinds(findingsFor(rule, 'aws_instance', { launch_template: { name: '${var.template}' } }))).toEqual(['unknown']);
  });

  describe('aws_spot_instance_request (the aws_instance schema)', () => {
    const spot = (body: Record<string, unknown>) => findingsFor(rule, 'aws_spot_instance_request', { ami: 'ami-1', ...body });
    it('fires without a profile, stays quiet with one, is unknown for a variable', () => {
      expect(kinds(spot({}))).toEqual(['violation']);
      expect(spot({ iam_instance_profile: '${aws_iam_instance_profile.relay.name}' })).toEqual([]);
      expect(kinds(spot({ iam_instance_profile: '${var.profile}' }))).toEqual(['unknown']);
    });
  });
});
