/**
 * The tags instances get from the autoscaling groups that launch them from a launch configuration (which
 * has no tags of its own): only `tag` blocks with `propagate_at_launch = true` reach the instances.
 */
import type { RuleContext } from '../../engine/rule';
import type { ResourceRecord } from '../../engine/types';
import { blocks, boolAttr, referencedAddress, stringAttr, type Value } from '../../engine/values';

export interface GroupTag {
  readonly group: ResourceRecord;
  /** Whether the group's instances carry `key` = `value`. */
  readonly tagged: Value<boolean>;
}

/** The aws_autoscaling_groups in this stack that launch from `launchConfiguration`, and whether each tags its instances `key` = `value`. */
export function groupsTagging(launchConfiguration: ResourceRecord, context: RuleContext, key: string, value: string): GroupTag[] {
  return context
    .resourcesOfType('aws_autoscaling_group')
    .filter((group) => referencedAddress(group.body.launch_configuration) === launchConfiguration.address)
    .map((group) => ({ group, tagged: propagatesTag(group, key, value) }));
}

function propagatesTag(group: ResourceRecord, key: string, value: string): Value<boolean> {
  const tags = blocks(group.body, 'tag');
  if (tags.unknownExpression) return { state: 'unknown', expression: tags.unknownExpression };
  let doubt: Value<boolean> = { state: 'known', value: false };
  for (const tag of tags.occurrences) {
    const k = stringAttr(tag.body, 'key');
    const v = stringAttr(tag.body, 'value');
    const propagate = boolAttr(tag.body, 'propagate_at_launch');
    const unknownPart = [k, v, propagate].find((x) => x.state === 'unknown');
    if (unknownPart?.state === 'unknown') {
      doubt = unknownPart;
      continue;
    }
    const matches = k.state === 'known' && k.value === key && v.state === 'known' && v.value === value;
    if (!matches || !(propagate.state === 'known' && propagate.value)) continue;
    // A matching tag from a dynamic block whose for_each may be empty may not be there.
    if (tag.mayBeNone !== undefined) doubt = { state: 'unknown', expression: tag.mayBeNone };
    else return { state: 'known', value: true };
  }
  return doubt;
}
