/**
 * Questions about one policy statement, each answered yes / no / unknown. An item that is or contains an
 * expression is judged by its worst case (see `worstCase`): "might this be `*`?" is unknown when it
 * might, and no when even the worst case is specific.
 */
import { and, any, describeExpression, known, maybe, NO, not, YES, type Answer } from '../../../engine/values';
import type { ConditionEntry, PolicyStatement, PrincipalEntry, TemplateList } from './document';
import { globMatch, literalOf, worstCase, type ExpressionResolver } from './template';

/**
 * Whether any item of a list passes `test`, judging expressions by their worst case. `worstTest` is for
 * tests that are not monotone in wildcards (e.g. "a service-wide wildcard, but not `*`"): it says whether
 * the worst case leaves the question open.
 */
export function anyItem(
  list: TemplateList,
  field: string,
  test: (value: string) => boolean,
  resolve?: ExpressionResolver,
  worstTest: (value: string) => boolean = test,
): Answer {
  if (list.state === 'absent') return NO;
  if (list.state === 'unknown') return maybe(`${field} = ${describeExpression(list.expression)}`);
  return any(list.value, (item) => {
    const literal = literalOf(item);
    if (literal !== undefined) return known(test(literal));
    const resolved = resolve ? resolveAll(item, resolve) : undefined;
    if (resolved !== undefined) return known(test(resolved));
    return worstTest(worstCase(item, resolve)) ? maybe(`${field} "${describeExpression(item)}"`) : NO;
  });
}

/** The value of a template when `resolve` knows every expression in it. */
function resolveAll(template: string, resolve: ExpressionResolver): string | undefined {
  let complete = true;
  const value = worstCase(template, (expression) => {
    const r = resolve(expression);
    if (r === undefined) complete = false;
    return r;
  });
  return complete ? value : undefined;
}

/** The literal value of a template field, or unknown naming the expression. */
function fieldIs(template: string | undefined, field: string, test: (value: string) => boolean): Answer {
  if (template === undefined) return maybe(`${field} is missing`);
  const literal = literalOf(template);
  return literal === undefined ? maybe(`${field} = ${describeExpression(template)}`) : known(test(literal));
}

export const isAllow = (s: PolicyStatement): Answer => fieldIs(s.effect, 'Effect', (e) => e.toLowerCase() === 'allow');
export const isDeny = (s: PolicyStatement): Answer => fieldIs(s.effect, 'Effect', (e) => e.toLowerCase() === 'deny');

// --- actions ------------------------------------------------------------------------------------------

/** `*`, `*:*`: every action of every service. */
export const isAllActionsPattern = (pattern: string): boolean => /^\*+(:\*+)?$/.test(pattern);

/** `s3:*`: every action of one service. */
export const isServiceWidePattern = (pattern: string): boolean => /^[A-Za-z0-9-]+:\*+$/.test(pattern);

/**
 * Whether the statement's actions include `action` (`iam:PassRole`): through Action (`*`, `iam:*`,
 * `iam:Pass*`, …), or through NotAction (everything not listed).
 */
export function includesAction(s: PolicyStatement, action: string): Answer {
  const matches = (pattern: string) => globMatch(pattern, action, true);
  if (s.actions.state !== 'absent') return anyItem(s.actions, 'Action', matches);
  if (s.notActions.state !== 'absent') return not(anyItem(s.notActions, 'NotAction', matches));
  return NO;
}

/** Whether Action grants every action (`*`). NotAction is not "every action": it leaves some out. */
export const includesAllActions = (s: PolicyStatement): Answer => anyItem(s.actions, 'Action', isAllActionsPattern);

// --- resources ----------------------------------------------------------------------------------------

const SAMPLE_ARNS = [
  'arn:aws:s3:::sample-bucket/key',
  'arn:aws:iam::111122223333:role/sample',
  'arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0',
];

/** `*`, `arn:aws:*`, `arn:*:*:*:*:*`: a pattern that matches resources of every service. */
export function isAllResourcesPattern(pattern: string): boolean {
  const normalized = pattern.replace(/^arn:aws-[a-z-]+:/, 'arn:aws:');
  return SAMPLE_ARNS.every((arn) => globMatch(normalized, arn));
}

/** Whether the statement applies to every resource: Resource `*`, or NotResource (everything but some). */
export function coversAllResources(s: PolicyStatement): Answer {
  if (s.notResources.state !== 'absent') return YES;
  return anyItem(s.resources, 'Resource', isAllResourcesPattern);
}

// --- principals -----------------------------------------------------------------------------------------

/** One entry is "anyone": `"*"`, `{"AWS": "*"}`, or a data-source `principals { type = "*" or "AWS", identifiers = ["*"] }`. */
function entryIsAnyone(entry: PrincipalEntry, field: string): Answer {
  const typeMatters = fieldIs(entry.type, `${field} type`, (t) => t === '*' || t.toUpperCase() === 'AWS');
  return and(
    typeMatters,
    anyItem(entry.identifiers, `${field}.${literalOf(entry.type) ?? 'type?'}`, (id) => id.trim() === '*'),
  );
}

/**
 * Whether the statement applies to any principal at all: Principal `*` / `{"AWS": "*"}`, or NotPrincipal
 * (everyone except those listed). Only meaningful together with the statement's effect.
 */
export function appliesToAnyone(s: PolicyStatement): Answer {
  if (s.notPrincipals.state !== 'absent') return YES;
  return principalIsAnyone(s);
}

/** Whether Principal is `*` / `{"AWS": "*"}` itself (NotPrincipal, which exempts some, does not count). */
export function principalIsAnyone(s: PolicyStatement): Answer {
  if (s.notPrincipals.state !== 'absent') return NO;
  if (s.principals.state === 'absent') return NO;
  if (s.principals.state === 'unknown') return maybe(`Principal = ${describeExpression(s.principals.expression)}`);
  return any(s.principals.value, (entry) => entryIsAnyone(entry, 'Principal'));
}

// --- conditions -----------------------------------------------------------------------------------------

/**
 * Condition keys that tie a request to known accounts, organizations or networks, so a statement with
 * Principal `*` and one of them does not open the resource to the world. `kms:ViaService` is not among
 * them: it names the AWS service the request came through, not whose request it is (any account's S3
 * call would pass). `sts:ExternalId` is not either: it is a shared string, not an identity.
 */
export const ACCOUNT_BOUNDING_KEYS: readonly string[] = [
  'aws:PrincipalAccount',
  'aws:PrincipalOrgID',
  'aws:PrincipalOrgPaths',
  'aws:PrincipalArn',
  'aws:SourceAccount',
  'aws:SourceArn',
  'aws:SourceOrgID',
  'aws:SourceOrgPaths',
  'aws:SourceOwner',
  'aws:SourceVpc',
  'aws:SourceVpce',
  'kms:CallerAccount',
];

/**
 * Operators that make a key match given values. `…IfExists` is left out (it passes when the key is
 * absent, e.g. for anonymous callers), as are the negated operators, `Null` and `ForAllValues:` (true for
 * an empty key).
 */
const POSITIVE_OPERATORS = ['stringequals', 'stringequalsignorecase', 'stringlike', 'arnequals', 'arnlike'];

/**
 * Whether a `…Like` value still names specific accounts: not a bare wildcard, no wildcard in an ARN's
 * account field (or, for account-less ARNs such as S3's, anywhere), no wildcard before the first `/` of an
 * organization path or in a plain ID.
 */
function likeValueRestricts(value: string): boolean {
  if (/^[*?]*$/.test(value)) return false;
  if (value.startsWith('arn:')) {
    const fields = value.split(':');
    const account = fields[4] ?? '';
    return account === '' ? !/[*?]/.test(fields.slice(5).join(':')) : !/[*?]/.test(account);
  }
  return !/[*?]/.test(value.split('/')[0]);
}

function conditionRestricts(c: ConditionEntry, keys: readonly string[]): Answer {
  const operator = fieldIs(c.operator, 'Condition operator', (op) => POSITIVE_OPERATORS.includes(op.toLowerCase().replace(/^foranyvalue:/, '')));
  const key = fieldIs(c.key, 'Condition key', (k) => keys.some((known) => known.toLowerCase() === k.toLowerCase()));
  const op = (literalOf(c.operator) ?? '').toLowerCase();
  let values: Answer;
  if (c.values.state === 'absent' || (c.values.state === 'known' && c.values.value.length === 0)) values = NO;
  else if (c.values.state === 'unknown') values = maybe(`Condition values = ${describeExpression(c.values.expression)}`);
  else if (!op.endsWith('like')) values = YES;
  // Several values are ORed: one that matches anyone opens the statement.
  else values = not(anyItem(c.values, `${c.operator} ${c.key}`, (v) => !likeValueRestricts(v)));
  const restricts = and(operator, key, values);
  return c.mayBeNone && restricts.state === 'known' && restricts.value ? maybe(`a dynamic "condition" block (its for_each may be empty)`) : restricts;
}

/** Whether a condition of the statement limits it to known accounts (see ACCOUNT_BOUNDING_KEYS). */
export function restrictedByCondition(s: PolicyStatement, keys: readonly string[] = ACCOUNT_BOUNDING_KEYS): Answer {
  if (s.conditions.state === 'absent') return NO;
  if (s.conditions.state === 'unknown') return maybe(`Condition = ${describeExpression(s.conditions.expression)}`);
  return any(s.conditions.value, (c) => conditionRestricts(c, keys));
}

/** An Allow statement any principal can use, with no condition tying it to known accounts. */
export function allowsAnyoneUnrestricted(s: PolicyStatement): Answer {
  return and(isAllow(s), appliesToAnyone(s), not(restrictedByCondition(s)));
}
