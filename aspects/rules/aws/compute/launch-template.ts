/**
 * An aws_instance (or aws_spot_instance_request, which has its schema) that leaves a setting unset takes it
 * from its launch template (the instance's attributes are optional+computed and only sent when set). So
 * "unset on the instance" means "whatever the template says": decided from the template when it is in this
 * stack, unknown when it is not.
 */
import type { RuleContext } from '../../../engine/rule';
import { unknown } from '../../../engine/results';
import type { CheckResult, JsonObject, ResourceRecord } from '../../../engine/types';
import { blockPresence, blocks, describeExpression, referencedAddress } from '../../../engine/values';
import { AWS_INSTANCE_TYPES } from '../../common/network-interfaces';

export type TemplateSource =
  | { readonly kind: 'none' }
  | { readonly kind: 'template'; readonly template: ResourceRecord }
  | { readonly kind: 'unknown'; readonly result: CheckResult };

/** The launch template an instance (aws_instance, aws_spot_instance_request) launches from, if any. */
export function launchTemplateOf(instance: ResourceRecord, context: RuleContext): TemplateSource {
  if (!AWS_INSTANCE_TYPES.includes(instance.type)) return { kind: 'none' };
  const found = blocks(instance.body, 'launch_template');
  const present = blockPresence(found);
  if (present.state === 'unknown') return { kind: 'unknown', result: unknown(`launch_template is ${describeExpression(present.expression)}, so whether a template decides is not known`, 'launch_template') };
  const block = found.occurrences[0];
  if (!present.value || !block) return { kind: 'none' };
  const reference = block.body.id ?? block.body.name;
  const address = referencedAddress(reference);
  const template = address ? context.resourceAt(address) : undefined;
  if (template?.type === 'aws_launch_template') return { kind: 'template', template };
  const what = typeof reference === 'string' ? describeExpression(reference) : 'a launch template';
  return { kind: 'unknown', result: unknown(`the setting is unset here, so ${what} decides it, and that launch template is not in this stack`, 'launch_template') };
}

/**
 * Run `check` on the instance's own body when it sets the value (or has no launch template), otherwise on
 * the launch template's body, prefixing the template's results with where they came from.
 */
export function checkWithLaunchTemplate(
  resource: ResourceRecord,
  context: RuleContext,
  setHere: (body: JsonObject) => boolean | 'maybe',
  check: (body: JsonObject, source: 'instance' | 'template') => CheckResult | readonly CheckResult[],
): CheckResult[] {
  const own = () => ([] as CheckResult[]).concat(check(resource.body, 'instance'));
  const here = setHere(resource.body);
  if (here === true) return own();
  const source = launchTemplateOf(resource, context);
  if (source.kind === 'none') return own();
  const fromTemplate =
    source.kind === 'unknown'
      ? [source.result]
      : ([] as CheckResult[]).concat(check(source.template.body, 'template')).map((r) => ({
          ...r,
          message: `from launch template ${source.template.address}: ${r.message}`,
          ...(r.attribute ? { attribute: 'launch_template' } : {}),
        }));
  // Set only by a dynamic block that may produce none: either the instance's value or the template's holds.
  return here === 'maybe' ? [...own(), ...fromTemplate] : fromTemplate;
}

/**
 * Whether `key` is present (not null) in a body, including as a block: 'maybe' when it comes only from a
 * dynamic block whose for_each may be empty.
 */
export const isSet = (key: string) => (body: JsonObject): boolean | 'maybe' => {
  if (body[key] !== undefined && body[key] !== null) return true;
  const present = blockPresence(blocks(body, key));
  return present.state === 'unknown' ? 'maybe' : present.value;
};
