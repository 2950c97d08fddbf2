/** Instances accept only session-token (IMDSv2) requests to the instance metadata service. */
import { defineRule } from '../../../engine/rule';
import { pass, unknownValue, violation } from '../../../engine/results';
import type { CheckResult } from '../../../engine/types';
import { stringAttr, type BlockOccurrence } from '../../../engine/values';
import { forEachBlock } from '../../common/shapes';
import { checkWithLaunchTemplate, isSet } from './launch-template';

export const imdsv2Required = defineRule({
  id: 'imdsv2-required',
  title: 'Instances require IMDSv2 session tokens (or disable the metadata service)',
  severity: 'error',
  profile: 'baseline',
  category: 'compute',
  resourceTypes: ['aws_instance', 'aws_spot_instance_request', 'aws_launch_template', 'aws_launch_configuration'],
  rationale:
    'IMDSv1 answers any GET to 169.254.169.254, so a server-side request forgery, an open proxy or a ' +
    "misconfigured reverse proxy on the instance hands out the instance role's credentials (the Capital One " +
    'breach). IMDSv2 demands a PUT-issued session token that such requests cannot obtain. Without a ' +
    'metadata_options block the provider leaves http_tokens at "optional" unless the AMI says otherwise, so a ' +
    'missing block fails.',
  fix:
    'Add `metadata_options { http_tokens = "required", http_endpoint = "enabled", http_put_response_hop_limit = 1 }` ' +
    '(or `http_endpoint = "disabled"` when nothing on the host needs instance metadata).',
  references: {
    checkov: ['CKV_AWS_79'],
    docs: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html'],
  },
  examples: {
    failing: { resourceType: 'aws_instance', body: { ami: 'ami-0123456789abcdef0', instance_type: 't3.micro' } },
    passing: { resourceType: 'aws_instance', body: { ami: 'ami-0123456789abcdef0', instance_type: 't3.micro', metadata_options: { http_tokens: 'required' } } },
  },
  check: (resource, context) =>
    checkWithLaunchTemplate(resource, context, isSet('metadata_options'), (body) =>
      forEachBlock(
        body,
        'metadata_options',
        tokensRequired,
        violation('no metadata_options block: IMDSv1 stays available (http_tokens defaults to "optional")', 'metadata_options'),
      ),
    ),
});

function tokensRequired(block: BlockOccurrence): CheckResult {
  const tokens = stringAttr(block.body, 'http_tokens');
  const endpoint = stringAttr(block.body, 'http_endpoint');
  if (tokens.state === 'known' && tokens.value === 'required') return pass('IMDSv2 is required', `${block.path}.http_tokens`);
  if (endpoint.state === 'known' && endpoint.value === 'disabled') return pass('the metadata service is disabled', `${block.path}.http_endpoint`);
  if (tokens.state === 'unknown') return unknownValue(`${block.path}.http_tokens`, tokens);
  if (endpoint.state === 'unknown') return unknownValue(`${block.path}.http_endpoint`, endpoint);
  const shown = tokens.state === 'known' ? `"${tokens.value}"` : 'unset (which means "optional")';
  return violation(`${block.path}.http_tokens is ${shown}: IMDSv1 requests without a session token are answered`, `${block.path}.http_tokens`);
}
