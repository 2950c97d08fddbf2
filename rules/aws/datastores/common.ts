/**
 * What several data store rules share: resource policies that must not open a queue, topic or file system
 * to every AWS account, the OpenSearch / Elasticsearch domain types, and "one block of a kind must be on".
 */
import type { RuleContext } from '../../../engine/rule';
import { pass, unknown, violation } from '../../../engine/results';
import type { CheckResult, JsonObject, ResourceRecord } from '../../../engine/types';
import { blocks, boolAttr, describeExpression, stringAttr } from '../../../engine/values';
import { forEachBlock, requireBool } from '../../common/shapes';
import { allowsAnyoneUnrestricted, forbidStatements, readPolicy } from '../policy';

/** The two resource types of the same service (Elasticsearch was renamed OpenSearch; both are in use). */
export const SEARCH_DOMAIN_TYPES: readonly string[] = ['aws_opensearch_domain', 'aws_elasticsearch_domain'];

/**
 * The resource policy in `attribute` has no Allow statement for any principal ("*") without a condition
 * that ties it to known accounts. `whenAbsent` is what an unset policy means (the service's default policy).
 */
export function policyNotOpen(resource: ResourceRecord, context: RuleContext, attribute: string, whenAbsent: string): CheckResult[] {
  const read = readPolicy(resource.body[attribute], context);
  if (read.state === 'absent') return [pass(whenAbsent, attribute)];
  return forbidStatements(read, attribute, allowsAnyoneUnrestricted, 'allows any principal ("*") with no condition limiting it to known accounts');
}

/** Block `name` must exist and have `enabled` true (its default when the block is written is `enabledDefault`). */
export function requireEnabledBlock(body: JsonObject, name: string, what: string, enabledDefault?: boolean): CheckResult[] {
  return forEachBlock(
    body,
    name,
    (b) => requireBool(b.body, 'enabled', what, { path: b.path, ...(enabledDefault === undefined ? {} : { defaultValue: enabledDefault }) }),
    violation(`${what} is required, but there is no ${name} block (it defaults to off)`, name),
  );
}

/**
 * Some block of kind `name` has `key` = `value` and is enabled (`enabled` defaults to `enabledDefault`):
 * pass when a block certainly is, unknown when one may be, violation when none can be.
 */
export function requireBlockWith(body: JsonObject, name: string, key: string, value: string, what: string, enabledDefault = true): CheckResult {
  const found = blocks(body, name);
  let doubt: string | undefined = found.unknownExpression === undefined ? undefined : `${name} is ${describeExpression(found.unknownExpression)}`;
  for (const block of found.occurrences) {
    const kind = stringAttr(block.body, key);
    const enabled = boolAttr(block.body, 'enabled');
    if (kind.state === 'known' && kind.value !== value) continue;
    if (enabled.state === 'known' && !enabled.value) continue;
    if (kind.state === 'unknown') doubt ??= `${block.path}.${key} is ${describeExpression(kind.expression)}`;
    else if (enabled.state === 'unknown') doubt ??= `${block.path}.enabled is ${describeExpression(enabled.expression)}`;
    else if (block.mayBeNone !== undefined)
      doubt ??= `${block.path} comes from a dynamic block whose for_each (${describeExpression(block.mayBeNone)}) may be empty`;
    else if (enabled.state === 'known' || enabledDefault) return pass(`${what}: ${block.path} publishes ${value}`, name);
  }
  if (doubt !== undefined) return unknown(`${what} cannot be verified: ${doubt}`, name);
  return violation(`${what} is required, but no enabled ${name} block has ${key} = "${value}"`, name);
}
