/** Instance metadata responses do not travel further than the instance (or one container hop). */
import { defineRule } from '../../../engine/rule';
import { pass } from '../../../engine/results';
import { forEachBlock, requireNumber } from '../../common/shapes';
import { checkWithLaunchTemplate, isSet } from './launch-template';

export const imdsHopLimit = defineRule({
  id: 'imds-hop-limit',
  title: 'The IMDS response hop limit is at most 2',
  severity: 'error',
  profile: 'baseline',
  category: 'compute',
  resourceTypes: ['aws_instance', 'aws_spot_instance_request', 'aws_launch_template', 'aws_launch_configuration'],
  rationale:
    'The hop limit is the TTL of the IMDSv2 token response. At 1 only processes on the instance get a token; ' +
    'at 2 containers behind one bridge also can (what container hosts need). Higher values let the token ' +
    'cross further network hops (nested containers, forwarded traffic), which widens who can steal the ' +
    'instance credentials. Unset means the AWS default of 1.',
  fix: 'Set `metadata_options { http_put_response_hop_limit = 1 }` (2 on container hosts), or leave it unset.',
  references: {
    checkov: ['CKV_AWS_341'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_341',
        kind: 'looser',
        why:
          'checkov expects exactly 1; 2 passes here, because containers behind one bridge (Docker, ECS on EC2, EKS nodes) need one hop to get an ' +
          'IMDSv2 token, and AWS itself recommends 2 for container hosts; 3 and more are reported, which is the real widening.',
      },
      {
        peer: 'checkov',
        check: 'CKV_AWS_341',
        kind: 'stricter',
        why: 'checkov checks launch templates and launch configurations only; this rule also checks aws_instance and aws_spot_instance_request.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html'],
  },
  examples: {
    failing: { resourceType: 'aws_launch_template', body: { metadata_options: { http_tokens: 'required', http_put_response_hop_limit: 5 } } },
    passing: { resourceType: 'aws_launch_template', body: { metadata_options: { http_tokens: 'required', http_put_response_hop_limit: 1 } } },
  },
  check: (resource, context) =>
    checkWithLaunchTemplate(resource, context, isSet('metadata_options'), (body) =>
      forEachBlock(
        body,
        'metadata_options',
        (block) => requireNumber(block.body, 'http_put_response_hop_limit', 'IMDS hop limit', { max: 2 }, { path: block.path, defaultValue: 1 }),
        pass('no metadata_options block: the hop limit is the AWS default of 1'),
      ),
    ),
});
