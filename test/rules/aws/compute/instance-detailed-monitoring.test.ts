import { instanceDetailedMonitoring as rule } from '../../../../rules/aws/compute/instance-detailed-monitoring';
import { findings, findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const withTemplate = (template: Record<string, unknown>) =>
  findings(rule, {
    resource: { aws_launch_template: { lt: template }, aws_instance: { subject: { launch_template: { name: '${aws_launch_template.lt.name}' } } } },
  }).filter((v) => v.address === 'aws_instance.subject');

describe('instance-detailed-monitoring', () => {
  itHonoursItsExamples(rule);

  it('aws_instance: fires when monitoring is unset or false', () => {
    expect(kinds(findingsFor(rule, 'aws_instance', { ami: 'ami-1' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, 'aws_instance', { ami: 'ami-1', monitoring: false }))).toEqual(['violation']);
  });
  it('aws_instance: stays quiet with monitoring = true', () => expect(findingsFor(rule, 'aws_instance', { ami: 'ami-1', monitoring: 'true' })).toEqual([]));
  it('aws_instance: is unknown when monitoring is an expression', () => {
    expect(kinds(findingsFor(rule, 'aws_instance', { ami: 'ami-1', monitoring: '${var.monitoring}' }))).toEqual(['unknown']);
  });
  it("aws_instance: takes the launch template's monitoring block (static or dynamic) when unset", () => {
    expect(withTemplate({ monitoring: { enabled: true } })).toEqual([]);
    expect(withTemplate({ dynamic: { monitoring: { for_each: [1], content: { enabled: true } } } })).toEqual([]);
    expect(kinds(withTemplate({ dynamic: { monitoring: { for_each: [], content: { enabled: true } } } }))).toEqual(['violation']);
    expect(kinds(withTemplate({ dynamic: { monitoring: { for_each: '${var.m}', content: { enabled: true } } } }))).toEqual(['unknown']);
    expect(kinds(withTemplate({}))).toEqual(['violation']);
    expect(kinds(withTemplate({ monitoring: { enabled: '${var.on}' } }))).toEqual(['unknown']);
  });

  describe('aws_spot_instance_request (the aws_instance schema)', () => {
    const spot = (body: Record<string, unknown>) => findingsFor(rule, 'aws_spot_instance_request', { ami: 'ami-1', ...body });
    it('fires without monitoring, stays quiet with it, is unknown for an expression', () => {
      expect(kinds(spot({}))).toEqual(['violation']);
      expect(spot({ monitoring: true })).toEqual([]);
      expect(kinds(spot({ monitoring: '${var.m}' }))).toEqual(['unknown']);
    });
  });
});
