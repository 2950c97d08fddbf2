/**
 * An aws_instance (or aws_spot_instance_request, which has its schema) that leaves a setting unset takes it
 * from its launch template (the instance's attributes are optional+computed and only sent when set). So
 * "unset on the instance" means "whatever the template says": decided from the template when it is in this
 * stack, unknown when it is not.
 */
import type { RuleContext } from '../../../engine/rule';
import { unknown } from '../../../engine/results';
import type { CheckResult, JsonObject, ResourceRecord } from '../../../engine/types';
import {
  ABSENT,
  blockPresence,
  blocks,
  describeExpression,
  isYes,
  known,
  maybe,
  referencedAddress,
  YES,
  type Answer,
  type Value,
} from '../../../engine/values';
import { AWS_INSTANCE_TYPES } from '../../common/network-interfaces';

/**
 * The launch template an instance (aws_instance, aws_spot_instance_request) launches from: known (the
 * aws_launch_template in this stack), absent (none), or unknown (why) when it cannot be read here.
 */
export function launchTemplateOf(instance: ResourceRecord, context: RuleContext): Value<ResourceRecord> {
  if (!AWS_INSTANCE_TYPES.includes(instance.type)) return ABSENT;
  const found = blocks(instance.body, 'launch_template');
  const present = blockPresence(found);
  if (present.state === 'unknown')
    return maybe(`launch_template is ${describeExpression(present.expression)}, so whether a template decides is not known`, 'launch_template');
  const block = found.occurrences[0];
  if (!present.value || !block) return ABSENT;
  const reference = block.body.id ?? block.body.name;
  const address = referencedAddress(reference);
  const template = address ? context.resourceAt(address) : undefined;
  if (template?.type === 'aws_launch_template') return known(template);
  const what = typeof reference === 'string' ? describeExpression(reference) : 'a launch template';
  return maybe(`the setting is unset here, so ${what} decides it, and that launch template is not in this stack`, 'launch_template');
}

/**
 * Run `check` on the instance's own body when it sets the value (or has no launch template), otherwise on
 * the launch template's body, prefixing the template's results with where they came from.
 */
export function checkWithLaunchTemplate(
  resource: ResourceRecord,
  context: RuleContext,
  setHere: (body: JsonObject) => Answer,
  check: (body: JsonObject, source: 'instance' | 'template') => CheckResult | readonly CheckResult[],
): CheckResult[] {
  const own = () => ([] as CheckResult[]).concat(check(resource.body, 'instance'));
  const here = setHere(resource.body);
  if (isYes(here)) return own();
  const source = launchTemplateOf(resource, context);
  if (source.state === 'absent') return own();
  const fromTemplate =
    source.state === 'unknown'
      ? [unknown(source.expression, source.attribute)]
      : ([] as CheckResult[]).concat(check(source.value.body, 'template')).map((r) => ({
          ...r,
          message: `from launch template ${source.value.address}: ${r.message}`,
          ...(r.attribute ? { attribute: 'launch_template' } : {}),
        }));
  // Set only by a dynamic block that may produce none: either the instance's value or the template's holds.
  return here.state === 'unknown' ? [...own(), ...fromTemplate] : fromTemplate;
}

/**
 * Whether `key` is present (not null) in a body, including as a block: unknown when it comes only from a
 * dynamic block whose for_each may be empty.
 */
export const isSet =
  (key: string) =>
  (body: JsonObject): Answer =>
    body[key] !== undefined && body[key] !== null ? YES : blockPresence(blocks(body, key));
