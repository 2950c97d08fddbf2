/**
 * "Every bucket has a versioning resource": finding the resources that configure another one by pointing
 * at it (`aws_s3_bucket_versioning.bucket = "${aws_s3_bucket.logs.id}"`,
 * `aws_secretsmanager_secret_rotation.secret_id = "${aws_secretsmanager_secret.db.id}"`).
 *
 * A pointer that is an expression this stack cannot resolve (`${var.bucket}`, `${local.name}`) may or may
 * not name the target: it makes the answer unknown, never "found". Shared by the S3 rules and the
 * Secrets Manager rotation rule; it could move to rules/common if other clouds need it.
 */
import type { RuleContext } from '../../../engine/rule';
import { pass, unknown, violation } from '../../../engine/results';
import type { CheckResult, ResourceRecord } from '../../../engine/types';
import { describeExpression, isExpression, isNo, known, maybe, NO, referencedAddress, YES, type Answer } from '../../../engine/values';
import { literalOf } from '../policy/template';

export interface Companions {
  /** Companions that certainly exist and certainly point at the target. */
  readonly found: readonly ResourceRecord[];
  /** Companions that may point at the target (or may not exist), and why. */
  readonly uncertain: readonly { readonly resource: ResourceRecord; readonly why: string }[];
}

/**
 * Resources of `type` whose `attribute` points at `target`: by reference to it, or by its literal name
 * (the value of one of `nameAttributes` on the target, e.g. a bucket's `bucket`).
 */
export function companionsOf(target: ResourceRecord, context: RuleContext, type: string, attribute: string, nameAttributes: readonly string[]): Companions {
  const found: ResourceRecord[] = [];
  const uncertain: { resource: ResourceRecord; why: string }[] = [];
  for (const candidate of candidatesFor(target, context, type, attribute, nameAttributes)) {
    const exists = existsAlongside(candidate, target);
    if (isNo(exists)) continue;
    const points = pointsAt(candidate.body[attribute], target, nameAttributes);
    if (points.state === 'known' && !points.value) continue;
    if (points.state === 'unknown')
      uncertain.push({ resource: candidate, why: `has ${attribute} = ${points.expression}, which may or may not be ${target.address}` });
    else if (exists.state === 'unknown') uncertain.push({ resource: candidate, why: exists.expression });
    else found.push(candidate);
  }
  return { found, uncertain };
}

/**
 * The standard result for "the target must have a companion of `type`": pass naming it, unknown naming
 * the doubtful one, or a violation saying what its absence means (`consequence`, e.g. "so deleted objects
 * cannot be recovered").
 */
export function companionResult(companions: Companions, type: string, consequence: string): CheckResult {
  const [first] = companions.found;
  if (first) return pass(`${first.address} points at it`);
  const [doubt] = companions.uncertain;
  if (doubt) return unknown(`no ${type} is known to point at it: ${doubt.resource.address} ${doubt.why}`);
  return violation(`no ${type} points at it, ${consequence}`);
}

interface PointerIndex {
  /** Position of each candidate, to keep the stack's order. */
  readonly position: ReadonlyMap<ResourceRecord, number>;
  /** Candidates whose pointer is a plain reference, by the address it references. */
  readonly byReference: ReadonlyMap<string, ResourceRecord[]>;
  /** Candidates whose pointer is a literal name, by that name. */
  readonly byName: ReadonlyMap<string, ResourceRecord[]>;
  /** Candidates with a literal pointer (any name): all of them when a target's name is not known. */
  readonly literal: readonly ResourceRecord[];
  /** Candidates whose pointer is neither (an expression, a non-string): always checked in full. */
  readonly other: readonly ResourceRecord[];
}

/**
 * The companions of `type` that may point at `target`, from a per-stack index (built once per type and
 * attribute), so a stack with many buckets and companions is checked in linear time. A candidate is left
 * out only when its pointer certainly names something else; the full check (pointsAt) decides the rest.
 */
function candidatesFor(
  target: ResourceRecord,
  context: RuleContext,
  type: string,
  attribute: string,
  nameAttributes: readonly string[],
): readonly ResourceRecord[] {
  const index = context.memo(`companions/${type}/${attribute}`, () => indexPointers(context.resourcesOfType(type), attribute));
  const byReference = index.byReference.get(target.address) ?? [];
  // The common case, without a set or a sort: every candidate points by reference (each list is in stack order).
  if (index.other.length === 0 && index.literal.length === 0) return byReference;
  const names = knownNames(target, nameAttributes);
  const chosen = new Set<ResourceRecord>([...byReference, ...index.other]);
  if (names === undefined) index.literal.forEach((c) => chosen.add(c));
  else for (const name of names) (index.byName.get(name) ?? []).forEach((c) => chosen.add(c));
  return [...chosen].sort((a, b) => index.position.get(a)! - index.position.get(b)!);
}

function indexPointers(resources: readonly ResourceRecord[], attribute: string): PointerIndex {
  const position = new Map<ResourceRecord, number>();
  const byReference = new Map<string, ResourceRecord[]>();
  const byName = new Map<string, ResourceRecord[]>();
  const literal: ResourceRecord[] = [];
  const other: ResourceRecord[] = [];
  const add = (map: Map<string, ResourceRecord[]>, key: string, r: ResourceRecord) => {
    const list = map.get(key);
    if (list) list.push(r);
    else map.set(key, [r]);
  };
  resources.forEach((candidate, i) => {
    if (candidate.mode !== 'managed') return;
    position.set(candidate, i);
    const value = candidate.body[attribute];
    if (value === undefined || value === null) return; // points at nothing
    if (typeof value !== 'string') other.push(candidate);
    else if (isExpression(value)) {
      const address = referencedAddress(value);
      if (address !== undefined) add(byReference, address, candidate);
      else other.push(candidate);
    } else {
      literal.push(candidate);
      add(byName, literalOf(value) ?? value, candidate);
    }
  });
  return { position, byReference, byName, literal, other };
}

/**
 * The literal names a target can be pointed at by, or undefined when a literal pointer might name it in
 * ways an exact lookup would miss (a name that is an expression, or generated from a prefix).
 */
function knownNames(target: ResourceRecord, nameAttributes: readonly string[]): string[] | undefined {
  const names: string[] = [];
  for (const attribute of nameAttributes) {
    const own = target.body[attribute];
    if (typeof own === 'string' && isExpression(own)) return undefined;
    if (own !== undefined && own !== null) names.push(String(own));
    else if (target.body[`${attribute}_prefix`] !== undefined && target.body[`${attribute}_prefix`] !== null) return undefined;
  }
  return names;
}

/** Whether a pointer value names `target`. */
export function pointsAt(value: unknown, target: ResourceRecord, nameAttributes: readonly string[]): Answer {
  if (value === undefined || value === null) return NO;
  if (typeof value !== 'string') return maybe(JSON.stringify(value));
  if (isExpression(value)) {
    const address = referencedAddress(value);
    if (address !== undefined) return address === target.address ? YES : NO;
    return maybe(describeExpression(value));
  }
  const name = literalOf(value) ?? value;
  for (const attribute of nameAttributes) {
    const own = target.body[attribute];
    if (typeof own === 'string' && isExpression(own)) return maybe(`"${name}" (${target.address}.${attribute} is ${describeExpression(own)})`);
    if (own !== undefined && own !== null && String(own) === name) return YES;
    const prefix = target.body[`${attribute}_prefix`];
    if ((own === undefined || own === null) && typeof prefix === 'string' && (isExpression(prefix) || name.startsWith(prefix))) {
      return maybe(`"${name}" (${target.address} gets a generated name from ${attribute}_prefix)`);
    }
  }
  return NO;
}

const META = ['count', 'for_each'] as const;

/**
 * Whether `candidate` exists whenever `target` does. `count = 0` or an empty `for_each` creates nothing;
 * an expression may create nothing, unless it is the very expression the target uses (the common
 * "one companion per bucket" pattern).
 */
function existsAlongside(candidate: ResourceRecord, target: ResourceRecord): Answer {
  for (const meta of META) {
    const value = candidate.body[meta];
    if (value === undefined || value === null) continue;
    if (value === 0 || value === '0') return NO;
    if (Array.isArray(value)) return known(value.length > 0);
    if (typeof value === 'object') return known(Object.keys(value).length > 0);
    if (isExpression(value)) return target.body[meta] === value ? YES : maybe('has a count or for_each that may create no instance');
  }
  return YES;
}
