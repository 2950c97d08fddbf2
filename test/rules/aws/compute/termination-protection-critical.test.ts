import { terminationProtectionCritical as rule } from '../../../../rules/aws/compute/termination-protection-critical';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const instance = (body: Record<string, unknown>, provider?: Record<string, unknown>) =>
  findingsFor(rule, 'aws_instance', { ami: 'ami-1', ...body }, provider ? { provider: { aws: provider } } : {});

describe('termination-protection-critical', () => {
  itHonoursItsExamples(rule);

  it('aws_instance: fires on a critical instance without termination protection (tag on the resource or in default_tags)', () => {
    expect(kinds(instance({ tags: { critical: 'true' } }))).toEqual(['violation']);
    expect(kinds(instance({ tags: { critical: 'True' }, disable_api_termination: false }))).toEqual(['violation']);
    expect(kinds(instance({}, { region: 'eu-central-1', default_tags: { tags: { critical: 'true' } } }))).toEqual(['violation']);
  });
  it('aws_instance: stays quiet when protected, and on instances not tagged critical', () => {
    expect(instance({ tags: { critical: 'true' }, disable_api_termination: true })).toEqual([]);
    expect(instance({ tags: { critical: 'false' } })).toEqual([]);
    expect(instance({ tags: { owner: 'net' } })).toEqual([]);
    expect(instance({ tags: { critical: 'false' } }, { default_tags: { tags: { critical: 'true' } } })).toEqual([]);
  });
  it('aws_instance: is unknown when the tags or disable_api_termination are expressions', () => {
    expect(kinds(instance({ tags: { critical: '${var.critical}' } }))).toEqual(['unknown']);
    expect(kinds(instance({ tags: '${local.tags}' }))).toEqual(['unknown']);
    expect(kinds(instance({ tags: { critical: 'true' }, disable_api_termination: '${var.protect}' }))).toEqual(['unknown']);
  });
  it('aws_instance: a protected instance passes even when its tags are unknown', () => {
    expect(instance({ tags: '${local.tags}', disable_api_termination: true })).toEqual([]);
  });

  describe('aws_spot_instance_request (the aws_instance schema; the critical tag is read from the request)', () => {
    const spot = (body: Record<string, unknown>) => findingsFor(rule, 'aws_spot_instance_request', { ami: 'ami-1', ...body });
    it('fires when critical and unprotected, stays quiet when protected, is unknown for an expression', () => {
      expect(kinds(spot({ tags: { critical: 'true' } }))).toEqual(['violation']);
      expect(spot({ tags: { critical: 'true' }, disable_api_termination: true })).toEqual([]);
      expect(kinds(spot({ tags: { critical: 'true' }, disable_api_termination: '${var.p}' }))).toEqual(['unknown']);
    });
  });
});
