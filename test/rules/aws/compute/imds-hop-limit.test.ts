import { imdsHopLimit as rule } from '../../../../rules/aws/compute/imds-hop-limit';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

describe('imds-hop-limit', () => {
  itHonoursItsExamples(rule);

  for (const type of ['aws_instance', 'aws_spot_instance_request', 'aws_launch_template', 'aws_launch_configuration']) {
    describe(type, () => {
      const run = (body: Record<string, unknown>) => findingsFor(rule, type, body);
      it('fires on a hop limit above 2', () => {
        expect(kinds(run({ metadata_options: { http_tokens: 'required', http_put_response_hop_limit: 3 } }))).toEqual(['violation']);
        expect(kinds(run({ metadata_options: { http_put_response_hop_limit: '64' } }))).toEqual(['violation']);
      });
      it('stays quiet at 1 or 2, when unset (AWS default 1), and without a block', () => {
        expect(run({ metadata_options: { http_put_response_hop_limit: 1 } })).toEqual([]);
        expect(run({ metadata_options: { http_put_response_hop_limit: 2 } })).toEqual([]);
        expect(run({ metadata_options: { http_tokens: 'required' } })).toEqual([]);
        expect(run({})).toEqual([]);
      });
      it('is unknown when the hop limit is an expression', () => {
        expect(kinds(run({ metadata_options: { http_put_response_hop_limit: '${var.hops}' } }))).toEqual(['unknown']);
      });
      it('reads a dynamic metadata_options block', () => {
        expect(kinds(run({ dynamic: { metadata_options: { for_each: [1], content: { http_put_response_hop_limit: 4 } } } }))).toEqual(['violation']);
      });
    });
  }
});
