/**
 * An aws_instance that leaves a setting unset takes it from its launch template (the instance's attributes
 * are optional+computed and only sent when set). So "unset on the instance" means "whatever the template
 * says": decided from the template when it is in this stack, unknown when it is not.
 */
import type { RuleContext } from '../../../engine/rule';
import { unknown } from '../../../engine/results';
import type { CheckResult, JsonObject, ResourceRecord } from '../../../engine/types';
import { blocks, describeExpression, referencedAddress } from '../../../engine/values';

export type TemplateSource =
  | { readonly kind: 'none' }
  | { readonly kind: 'template'; readonly template: ResourceRecord }
  | { readonly kind: 'unknown'; readonly result: CheckResult };

/** The launch template an aws_instance launches from, if any. */
export function launchTemplateOf(instance: ResourceRecord, context: RuleContext): TemplateSource {
  if (instance.type !== 'aws_instance') return { kind: 'none' };
  const found = blocks(instance.body, 'launch_template');
  if (found.unknownExpression) return { kind: 'unknown', result: unknown(`launch_template is ${describeExpression(found.unknownExpression)}`, 'launch_template') };
  const block = found.occurrences[0];
  if (!block) return { kind: 'none' };
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
  setHere: (body: JsonObject) => boolean,
  check: (body: JsonObject, source: 'instance' | 'template') => CheckResult | readonly CheckResult[],
): CheckResult[] {
  const own = () => ([] as CheckResult[]).concat(check(resource.body, 'instance'));
  if (setHere(resource.body)) return own();
  const source = launchTemplateOf(resource, context);
  if (source.kind === 'none') return own();
  if (source.kind === 'unknown') return [source.result];
  return ([] as CheckResult[]).concat(check(source.template.body, 'template')).map((r) => ({
    ...r,
    message: `from launch template ${source.template.address}: ${r.message}`,
    ...(r.attribute ? { attribute: 'launch_template' } : {}),
  }));
}

/** Whether `key` is present (not null) in a body, including as a (possibly dynamic) block. */
export const isSet = (key: string) => (body: JsonObject): boolean =>
  (body[key] !== undefined && body[key] !== null) || blocks(body, key).occurrences.length > 0;
