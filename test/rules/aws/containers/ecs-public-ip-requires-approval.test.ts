import { ecsPublicIpRequiresApproval as rule } from '../../../../rules/aws/containers/ecs-public-ip-requires-approval';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { findingsFor, kinds } from '../../../helpers/rule-harness';

describe('ecs-public-ip-requires-approval', () => {
  itHonoursItsExamples(rule);

  for (const type of ['aws_ecs_service', 'aws_ecs_task_set']) {
    describe(type, () => {
      const body = (assign: unknown, tags?: unknown) => ({ network_configuration: { subnets: ['s'], assign_public_ip: assign }, ...(tags ? { tags } : {}) });

      it('fires for public IPs without the approval tag', () => {
        expect(kinds(findingsFor(rule, type, body(true)))).toEqual(['violation']);
        expect(kinds(findingsFor(rule, type, body(true, { exposure: 'private' })))).toEqual(['violation']);
      });

      it('is quiet with the approval tag (own or the provider default_tags), or without public IPs', () => {
        expect(findingsFor(rule, type, body(true, { exposure: 'public' }))).toEqual([]);
        expect(findingsFor(rule, type, body(true), { provider: { aws: [{ default_tags: { tags: { exposure: 'public' } } }] } })).toEqual([]);
        expect(findingsFor(rule, type, body(false))).toEqual([]);
        expect(findingsFor(rule, type, { network_configuration: { subnets: ['s'] } })).toEqual([]);
        expect(findingsFor(rule, type, {})).toEqual([]);
      });

      it('is unknown when assign_public_ip or the tags are expressions', () => {
        expect(kinds(findingsFor(rule, type, body('${var.public}')))).toEqual(['unknown']);
        expect(kinds(findingsFor(rule, type, body(true, '${var.tags}')))).toEqual(['unknown']);
      });
    });
  }

  it('honours a configured approval tag', () => {
    const body = { network_configuration: { assign_public_ip: true }, tags: { internet: 'yes' } };
    expect(findingsFor(rule, 'aws_ecs_service', body, {}, { publicExposureTag: { aws: { key: 'internet', value: 'yes' } } })).toEqual([]);
  });
});
