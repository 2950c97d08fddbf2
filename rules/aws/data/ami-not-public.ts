/**
 * AMIs are never shared with everyone: a launch permission names an account, an organization or an OU, and
 * an account-level image block public access setting, when declared, keeps new public sharing blocked.
 */
import { defineRule } from '../../../engine/rule';
import { pass, unknownValue, violation } from '../../../engine/results';
import type { CheckResult, JsonObject } from '../../../engine/types';
import { stringAttr } from '../../../engine/values';
import { requireOneOf } from '../../common/shapes';

/** An AWS account ID: exactly twelve digits. */
const ACCOUNT_ID = /^\d{12}$/;

export const amiNotPublic = defineRule({
  id: 'ami-not-public',
  title: 'AMIs are not shared publicly',
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: ['aws_ami_launch_permission', 'aws_ec2_image_block_public_access'],
  rationale:
    'A launch permission with group = "all" makes an AMI public: any AWS account can find it, launch it and ' +
    'copy its snapshots, and with them everything baked into the image (SSH host keys, credentials, internal ' +
    'configuration, the application itself). Public AMIs are regularly searched for exactly that. Sharing ' +
    'with a named account, organization or OU does not expose it to the world. Declaring ' +
    'aws_ec2_image_block_public_access with state = "unblocked" removes the account-wide guard against ' +
    'making AMIs public in that region.',
  fix:
    'Share an AMI with specific principals only: set `account_id` (a 12-digit account), `organization_arn` ' +
    'or `organizational_unit_arn` on aws_ami_launch_permission, never `group = "all"`. Declare ' +
    'aws_ec2_image_block_public_access with `state = "block-new-sharing"`.',
  references: {
    docs: [
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-intro.html',
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/block-public-access-to-amis.html',
    ],
  },
  examples: {
    failing: { resourceType: 'aws_ami_launch_permission', body: { image_id: 'ami-0123456789abcdef0', group: 'all' } },
    passing: { resourceType: 'aws_ami_launch_permission', body: { image_id: 'ami-0123456789abcdef0', account_id: '123456789012' } },
  },
  check(resource) {
    if (resource.type === 'aws_ec2_image_block_public_access') {
      // `block-new-sharing` is the only blocking state AMIs have; existing public AMIs stay public either way.
      return requireOneOf(resource.body, 'state', 'blocking public sharing of AMIs', ['block-new-sharing']);
    }
    return launchPermission(resource.body);
  },
});

/**
 * The provider takes exactly one of account_id, group, organization_arn and organizational_unit_arn.
 * The only group EC2 knows is "all" (everyone); an organization or OU ARN can only name an organization,
 * so it is never public whatever its value.
 */
function launchPermission(body: JsonObject): CheckResult[] {
  const results: CheckResult[] = [];
  const group = stringAttr(body, 'group');
  if (group.state === 'unknown') results.push(unknownValue('group', group));
  else if (group.state === 'known') results.push(violation(`group = "${group.value}" shares the AMI with every AWS account`, 'group'));

  const account = stringAttr(body, 'account_id');
  if (account.state === 'unknown') results.push(unknownValue('account_id', account));
  else if (account.state === 'known' && !ACCOUNT_ID.test(account.value)) {
    results.push(violation(`account_id = "${account.value}" is not a 12-digit account ID, so the AMI is not shared with one named account`, 'account_id'));
  }
  return results.length > 0 ? results : [pass('the AMI is shared with a named account, organization or OU only')];
}
