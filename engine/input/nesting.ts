/**
 * How deep a parsed document nests. Past MAX_NESTING a document is refused by name, so that no recursive
 * reader after this, ours or a rule's, can overflow the stack on it. Each walk is iterative.
 *
 * Parsing already walks every JSON document to count its members (the repeated-key check): that walk
 * measures the depth too and marks a document within the limit, so assertNesting need not walk it again.
 */
import { GuardrailInputError } from './input-error';

/**
 * The deepest nesting of objects and arrays read. Real configurations and plans stay far below (a WAF rule
 * nested in a plan inside a module call is some 40 levels); past it, recursive readers could overflow.
 */
export const MAX_NESTING = 256;

/** Parsed documents whose depth was measured within MAX_NESTING (they are never changed after parsing). */
const withinLimit = new WeakSet<object>();

/** Refuse a document nested deeper than `limit` objects and arrays. */
export function assertNesting(doc: unknown, where: string, limit: number = MAX_NESTING): void {
  if (typeof doc !== 'object' || doc === null) return;
  if (limit >= MAX_NESTING && withinLimit.has(doc)) return;
  if (walk(doc, limit).deepest > limit) {
    throw new GuardrailInputError(
      where,
      `is nested too deeply (more than ${limit} levels of objects and arrays), far beyond any Terraform configuration or plan`,
    );
  }
}

/** Members (`"key": value`) of every object in a parsed document; a document within MAX_NESTING is marked as such. */
export function membersParsed(doc: unknown): number {
  if (typeof doc !== 'object' || doc === null) return 0;
  const { members, deepest } = walk(doc, Infinity);
  if (deepest <= MAX_NESTING) withinLimit.add(doc);
  return members;
}

/**
 * Members counted and the deepest container (the document is 1), stopping once deeper than `limit`.
 * Containers only are pushed, each with its depth; `for…in`, not Object.values, so walking a large plan
 * allocates nothing per object. JSON.parse makes own, enumerable members only.
 */
function walk(doc: object, limit: number): { members: number; deepest: number } {
  let members = 0;
  let deepest = 1;
  const values: object[] = [doc];
  const depths: number[] = [1];
  while (values.length > 0) {
    const value = values.pop() as object;
    const depth = depths.pop() as number;
    if (depth > deepest) {
      deepest = depth;
      if (deepest > limit) break;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item === 'object' && item !== null) {
          values.push(item);
          depths.push(depth + 1);
        }
      }
    } else {
      for (const key in value) {
        if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
        members++;
        const item: unknown = (value as Record<string, unknown>)[key];
        if (typeof item === 'object' && item !== null) {
          values.push(item);
          depths.push(depth + 1);
        }
      }
    }
  }
  return { members, deepest };
}
