/**
 * Tags as the cloud will see them: AWS resource tags merged over the provider's `default_tags` (or a
 * plan's `tags_all`), DigitalOcean's string tags. A tag set that is partly an expression is "partly unknown":
 * a tag that is not among the known ones may still be there, so the answer is unknown, not "missing".
 */
import { memoPer } from '../../engine/context';
import type { RuleContext } from '../../engine/rule';
import type { JsonObject, ProviderRecord, ResourceRecord } from '../../engine/types';
import { blocks, isExpression, isObject, type Value } from '../../engine/values';

export interface TagSet {
  readonly known: ReadonlyMap<string, string>;
  /** Keys whose value is an expression. */
  readonly unknownValues: ReadonlySet<string>;
  /** Set when part of the tag set itself is an expression (`tags = merge(...)`), so any key may exist. */
  readonly unknownExpression?: string;
}

const EMPTY: TagSet = { known: new Map(), unknownValues: new Set() };

/** Read an AWS-style `tags` map (object of key → value) from a body attribute. */
export function readTagMap(value: unknown): TagSet {
  if (value === undefined || value === null) return EMPTY;
  if (isExpression(value) || !isObject(value)) {
    return { ...EMPTY, unknownExpression: typeof value === 'string' ? value : JSON.stringify(value) };
  }
  const known = new Map<string, string>();
  const unknownValues = new Set<string>();
  let unknownExpression: string | undefined;
  for (const [key, v] of Object.entries(value)) {
    if (isExpression(key)) unknownExpression ??= key;
    else if (isExpression(v) || (typeof v === 'object' && v !== null)) unknownValues.add(key);
    else if (v !== null && v !== undefined) known.set(key, String(v));
  }
  return unknownExpression ? { known, unknownValues, unknownExpression } : { known, unknownValues };
}

/** Later sets win, as `tags` wins over `default_tags`. */
export function mergeTagSets(...sets: TagSet[]): TagSet {
  const known = new Map<string, string>();
  const unknownValues = new Set<string>();
  let unknownExpression: string | undefined;
  for (const set of sets) {
    for (const key of set.unknownValues) {
      known.delete(key);
      unknownValues.add(key);
    }
    for (const [key, value] of set.known) {
      unknownValues.delete(key);
      known.set(key, value);
    }
    unknownExpression ??= set.unknownExpression;
  }
  return unknownExpression ? { known, unknownValues, unknownExpression } : { known, unknownValues };
}

/** The provider's `default_tags { tags = {...} }`, read once per provider configuration and stack. */
export function providerDefaultTags(resource: ResourceRecord, context: RuleContext): TagSet {
  const provider = context.providerFor(resource);
  if (!provider) return EMPTY;
  return memoPer(context, 'tags/provider-default-tags', provider, defaultTagsOf);
}

function defaultTagsOf(provider: ProviderRecord): TagSet {
  const defaults = blocks(provider.body, 'default_tags');
  if (defaults.unknownExpression) return { ...EMPTY, unknownExpression: defaults.unknownExpression };
  return mergeTagSets(...defaults.occurrences.map((o) => (o.mayBeNone === undefined ? readTagMap(o.body.tags) : mayBeAbsent(readTagMap(o.body.tags)))));
}

/** Tags from a block that may not exist (a dynamic block whose for_each may be empty): each may be missing. */
export function mayBeAbsent(tags: TagSet): TagSet {
  return { ...tags, known: new Map(), unknownValues: new Set([...tags.unknownValues, ...tags.known.keys()]) };
}

/** The tags an AWS resource ends up with. Plans carry the merged `tags_all`; configs merge by hand. */
export function awsTags(resource: ResourceRecord, context: RuleContext, body: JsonObject = resource.body): TagSet {
  if (body !== resource.body) return mergeTagSets(providerDefaultTags(resource, context), readTagMap(body.tags));
  // Several rules read the same resource's tags: read once per resource and stack.
  return memoPer(context, 'tags/aws', resource, () =>
    context.stack.source === 'plan' && 'tags_all' in body
      ? readTagMap(body.tags_all)
      : mergeTagSets(providerDefaultTags(resource, context), readTagMap(body.tags)),
  );
}

/** Whether a tag set has `key` = `value`. */
export function hasTag(tags: TagSet, key: string, value?: string): Value<boolean> {
  const found = tags.known.get(key);
  if (found !== undefined && (value === undefined || found === value)) return { state: 'known', value: true };
  if (tags.unknownValues.has(key)) return { state: 'unknown', expression: `tags["${key}"]` };
  if (found === undefined && tags.unknownExpression) return { state: 'unknown', expression: tags.unknownExpression };
  return { state: 'known', value: false };
}

/** A DigitalOcean `tags` list: known strings, and whether any element (or the list) is an expression. */
export function digitaloceanTags(body: JsonObject): { readonly known: ReadonlySet<string>; readonly unknownExpression?: string } {
  const value = body.tags;
  if (value === undefined || value === null) return { known: new Set() };
  if (!Array.isArray(value)) return { known: new Set(), unknownExpression: typeof value === 'string' ? value : JSON.stringify(value) };
  const known = new Set<string>();
  let unknownExpression: string | undefined;
  for (const tag of value) {
    if (isExpression(tag) || typeof tag !== 'string') unknownExpression ??= String(tag);
    else known.add(tag);
  }
  return unknownExpression ? { known, unknownExpression } : { known };
}

/** Whether a DigitalOcean tag list includes `tag`. */
export function hasDigitaloceanTag(body: JsonObject, tag: string): Value<boolean> {
  const tags = digitaloceanTags(body);
  if (tags.known.has(tag)) return { state: 'known', value: true };
  if (tags.unknownExpression) return { state: 'unknown', expression: tags.unknownExpression };
  return { state: 'known', value: false };
}
