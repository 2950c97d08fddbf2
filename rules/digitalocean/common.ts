/**
 * Shapes the DigitalOcean rules share: whether a resource that another one relies on will exist at all,
 * DigitalOcean's string tags resolved through `digitalocean_tag` resources, and references to droplets.
 * Every answer is the engine's three-valued `Answer`: known yes / no, or unknown with why, so the rules can
 * fail closed on the unknowns.
 */
import type { RuleContext } from '../../engine/rule';
import type { JsonObject, ResourceRecord } from '../../engine/types';
import { describeExpression, isExpression, isObject, maybe, NO, referencedAddress, withoutConversions, YES, type Answer } from '../../engine/values';

/**
 * Whether a resource that protects others (a firewall) will be created: `count = 0` or an empty literal
 * `for_each` creates nothing, and a `count` / `for_each` that is an expression may create nothing.
 */
export function willExist(resource: ResourceRecord): Answer {
  const { count, for_each: forEach } = resource.body;
  if (count === 0 || count === '0') return NO;
  if (isExpression(count)) return maybe(`${resource.address} has count = ${describeExpression(count)}, which may be 0`);
  if (Array.isArray(forEach) && forEach.length === 0) return NO;
  if (isObject(forEach) && Object.keys(forEach).length === 0) return NO;
  if (isExpression(forEach)) return maybe(`${resource.address} has for_each = ${describeExpression(forEach)}, which may be empty`);
  return YES;
}

/** Whether a resource is one of several instances (`count` / `for_each`). */
export function hasInstances(resource: ResourceRecord): boolean {
  return resource.body.count !== undefined || resource.body.for_each !== undefined;
}

/**
 * One element of a DigitalOcean tag list, resolved as far as the stack allows. In Terraform, tags are
 * often `digitalocean_tag.web.id` (a tag's id is its name): when that resource is in the stack with a
 * literal name, the name is known.
 */
export type TagRef =
  | { readonly kind: 'name'; readonly name: string }
  /** A `digitalocean_tag` in this stack whose name is not known: equal only to another reference to it. */
  | { readonly kind: 'tag-resource'; readonly address: string }
  | { readonly kind: 'unknown'; readonly expression: string };

export interface TagList {
  readonly refs: readonly TagRef[];
  /** Set when the whole list is an expression: any tag may be in it. */
  readonly unknownExpression?: string;
}

const TAG_REFERENCE = /^\$\{digitalocean_tag\.([A-Za-z0-9_-]+)\.(?:id|name)\}$/;

export function resolveTag(element: unknown, context: RuleContext): TagRef {
  if (typeof element !== 'string') return { kind: 'unknown', expression: JSON.stringify(element) };
  if (!isExpression(element)) return { kind: 'name', name: element };
  const match = TAG_REFERENCE.exec(element.trim());
  const tag = match ? context.resourceAt(`digitalocean_tag.${match[1]}`) : undefined;
  if (!tag || tag.type !== 'digitalocean_tag' || hasInstances(tag)) return { kind: 'unknown', expression: element };
  const name = tag.body.name;
  if (typeof name === 'string' && !isExpression(name)) return { kind: 'name', name };
  return { kind: 'tag-resource', address: tag.address };
}

/** A tag list attribute (`tags` of a droplet or firewall, `source_tags` of a rule). */
export function readTagList(body: JsonObject, attribute: string, context: RuleContext): TagList {
  const value = body[attribute];
  if (value === undefined || value === null) return { refs: [] };
  if (!Array.isArray(value)) return { refs: [], unknownExpression: typeof value === 'string' ? value : JSON.stringify(value) };
  return { refs: value.map((element) => resolveTag(element, context)) };
}

/** Whether two tag references name the same tag. */
export function sameTag(a: TagRef, b: TagRef): Answer {
  if (a.kind === 'name' && b.kind === 'name') return a.name === b.name ? YES : NO;
  if (a.kind === 'tag-resource' && b.kind === 'tag-resource' && a.address === b.address) return YES;
  const unknownOne = a.kind === 'unknown' ? a : b.kind === 'unknown' ? b : undefined;
  return maybe(unknownOne ? `tag ${describeExpression(unknownOne.expression)} is not known` : 'a digitalocean_tag name is not known');
}

/** A readable form of a tag reference for messages. */
export function showTag(ref: TagRef): string {
  if (ref.kind === 'name') return `"${ref.name}"`;
  return ref.kind === 'tag-resource' ? ref.address : describeExpression(ref.expression);
}

/**
 * Whether a `droplet_ids` element (`${digitalocean_droplet.web.id}`, `${digitalocean_droplet.web[0].id}`)
 * or a whole `droplet_ids` expression (`${digitalocean_droplet.web[*].id}`) refers to `droplet`.
 * A literal number is a droplet outside this stack; anything else may be any droplet.
 */
export function refersToDroplet(element: unknown, droplet: ResourceRecord): Answer {
  if (typeof element === 'number' || (typeof element === 'string' && !isExpression(element))) return NO;
  if (typeof element !== 'string') return maybe(`droplet id ${JSON.stringify(element)} is not a droplet id`);
  const inner = withoutConversions(element);
  const address = referencedAddress(inner);
  if (address === undefined) return maybe(`droplet id ${describeExpression(element)} is not known`);
  if (address !== droplet.address) return NO;
  // `web[0].id` covers one instance of a counted droplet; `web[*].id`, `web.*.id` and `web.id` cover all.
  const index = /^\$\{[^.[]+\.[^.[]+\[([^\]]*)\]/.exec(inner)?.[1];
  if (index !== undefined && index.trim() !== '*' && hasInstances(droplet)) {
    return maybe(`${describeExpression(element)} refers to one instance of ${droplet.address}, which has count / for_each`);
  }
  return YES;
}
