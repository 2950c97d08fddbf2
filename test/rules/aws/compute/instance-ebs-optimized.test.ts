import { instanceEbsOptimized as rule } from '../../../../rules/aws/compute/instance-ebs-optimized';
import { findings, findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

describe('instance-ebs-optimized', () => {
  itHonoursItsExamples(rule);

  it('aws_instance: fires when ebs_optimized is unset or false', () => {
    expect(kinds(findingsFor(rule, 'aws_instance', { ami: 'ami-1' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, 'aws_instance', { ami: 'ami-1', ebs_optimized: false }))).toEqual(['violation']);
  });
  it('aws_instance: stays quiet with ebs_optimized = true', () => expect(findingsFor(rule, 'aws_instance', { ami: 'ami-1', ebs_optimized: true })).toEqual([]));
  it('aws_instance: is unknown when ebs_optimized is an expression', () => {
    expect(kinds(findingsFor(rule, 'aws_instance', { ami: 'ami-1', ebs_optimized: '${var.opt}' }))).toEqual(['unknown']);
  });
  it('aws_instance: takes the launch template value (a string there) when unset', () => {
    const run = (template: Record<string, unknown>) =>
      findings(rule, {
        resource: { aws_launch_template: { lt: template }, aws_instance: { subject: { launch_template: { id: '${aws_launch_template.lt.id}' } } } },
      });
    expect(run({ ebs_optimized: 'true' })).toEqual([]);
    expect(kinds(run({ ebs_optimized: 'false' }))).toEqual(['violation']);
  });

  describe('aws_spot_instance_request (the aws_instance schema)', () => {
    const spot = (body: Record<string, unknown>) => findingsFor(rule, 'aws_spot_instance_request', { ami: 'ami-1', ...body });
    it('fires when not EBS-optimized, stays quiet when it is, is unknown for an expression', () => {
      expect(kinds(spot({}))).toEqual(['violation']);
      expect(spot({ ebs_optimized: true })).toEqual([]);
      expect(kinds(spot({ ebs_optimized: '${var.o}' }))).toEqual(['unknown']);
    });
    it('takes the setting from its launch template when unset', () => {
      const lt = (body: object) => ({ resource: { aws_launch_template: { lt: body } } });
      const body = { launch_template: { id: '${aws_launch_template.lt.id}' } };
      expect(findingsFor(rule, 'aws_spot_instance_request', body, lt({ ebs_optimized: true }))).toEqual([]);
      expect(kinds(findingsFor(rule, 'aws_spot_instance_request', body, lt({})))).toEqual(['violation']);
    });
  });
});
