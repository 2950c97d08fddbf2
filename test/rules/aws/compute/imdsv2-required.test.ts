import { imdsv2Required as rule } from '../../../../rules/aws/compute/imdsv2-required';
import { findings, findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

describe('imdsv2-required', () => {
  itHonoursItsExamples(rule);

  for (const type of ['aws_instance', 'aws_spot_instance_request', 'aws_launch_template', 'aws_launch_configuration']) {
    describe(type, () => {
      const run = (body: Record<string, unknown>) => findingsFor(rule, type, body);
      it('fires without a metadata_options block, and with http_tokens optional or unset', () => {
        expect(kinds(run({}))).toEqual(['violation']);
        expect(kinds(run({ metadata_options: { http_tokens: 'optional' } }))).toEqual(['violation']);
        expect(kinds(run({ metadata_options: { http_endpoint: 'enabled' } }))).toEqual(['violation']);
      });
      it('stays quiet with http_tokens required, or with the endpoint disabled', () => {
        expect(run({ metadata_options: { http_tokens: 'required' } })).toEqual([]);
        expect(run({ metadata_options: [{ http_endpoint: 'disabled' }] })).toEqual([]);
      });
      it('is unknown when http_tokens or http_endpoint is an expression', () => {
        expect(kinds(run({ metadata_options: { http_tokens: '${var.tokens}' } }))).toEqual(['unknown']);
        expect(kinds(run({ metadata_options: { http_tokens: 'optional', http_endpoint: '${var.endpoint}' } }))).toEqual(['unknown']);
        expect(kinds(run({ metadata_options: '${local.metadata}' }))).toEqual(['unknown']);
      });
      it('reads a dynamic metadata_options block', () => {
        expect(run({ dynamic: { metadata_options: { for_each: [1], content: { http_tokens: 'required' } } } })).toEqual([]);
        expect(kinds(run({ dynamic: { metadata_options: { for_each: [1], content: { http_tokens: 'optional' } } } }))).toEqual(['violation']);
      });
      it('a dynamic metadata_options block whose for_each is empty is missing, and one whose for_each is an expression may be', () => {
        expect(kinds(run({ dynamic: { metadata_options: { for_each: [], content: { http_tokens: 'required' } } } }))).toEqual(['violation']);
        expect(kinds(run({ dynamic: { metadata_options: { for_each: '${var.imds}', content: { http_tokens: 'required' } } } }))).toEqual(['unknown']);
        expect(kinds(run({ dynamic: { metadata_options: { for_each: '${var.imds}', content: { http_tokens: 'optional' } } } }))).toEqual(['violation']);
      });
    });
  }

  describe('aws_instance launched from a launch template', () => {
    const stack = (template: Record<string, unknown>, instance: Record<string, unknown> = {}) =>
      findings(rule, {
        resource: {
          aws_launch_template: { lt: template },
          aws_instance: { subject: { launch_template: { id: '${aws_launch_template.lt.id}' }, ...instance } },
        },
      }).filter((v) => v.address === 'aws_instance.subject');
    it("takes the template's metadata options when it sets none itself", () => {
      expect(stack({ metadata_options: { http_tokens: 'required' } })).toEqual([]);
      const found = stack({});
      expect(kinds(found)).toEqual(['violation']);
      expect(found[0].message).toContain('aws_launch_template.lt');
    });
    it('its own metadata_options win over the template', () => {
      expect(kinds(stack({ metadata_options: { http_tokens: 'required' } }, { metadata_options: { http_tokens: 'optional' } }))).toEqual(['violation']);
    });
    it('is unknown when the template is not in this stack', () => {
      expect(kinds(findingsFor(rule, 'aws_instance', { launch_template: { id: 'lt-0123456789abcdef0' } }))).toEqual(['unknown']);
    });
  });
});
