/** Trails record management events, reads and writes: every change to the account, and the look-around before it. */
import { defineRule } from '../../../engine/rule';
import { pass, unknown, violation } from '../../../engine/results';
import type { JsonObject } from '../../../engine/types';
import {
  and,
  any,
  blocks,
  boolAttr,
  describeExpression,
  isExpression,
  known,
  listAttr,
  map,
  maybe,
  NO,
  not,
  orDefault,
  stringAttr,
  YES,
} from '../../../engine/values';
import type { Answer, Blocks } from '../../../engine/values';

export const cloudtrailManagementEvents = defineRule({
  id: 'cloudtrail-management-events',
  title: 'CloudTrail trails record all management events (reads and writes)',
  severity: 'warning',
  profile: 'strict',
  category: 'logging',
  resourceTypes: ['aws_cloudtrail'],
  rationale:
    'Event selectors can narrow a trail to data events, or to read-only or write-only management events: a trail ' +
    'that skips writes misses every change an attacker makes (new keys, opened security groups, disabled logging), ' +
    'one that skips reads misses the reconnaissance before it. Strict: a second trail for data events only is ' +
    'legitimate when another trail of the account records the management events.',
  fix:
    'Leave out event selectors (a trail records all management events by default), or have one `event_selector` with ' +
    '`include_management_events = true` and `read_write_type = "All"`, or an `advanced_event_selector` with ' +
    '`field_selector { field = "eventCategory", equals = ["Management"] }` and no `readOnly` field selector.',
  references: {
    docs: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html'],
  },
  examples: {
    failing: {
      resourceType: 'aws_cloudtrail',
      body: { name: 'audit', s3_bucket_name: 'audit-logs', event_selector: { read_write_type: 'ReadOnly', include_management_events: true } },
    },
    passing: { resourceType: 'aws_cloudtrail', body: { name: 'audit', s3_bucket_name: 'audit-logs' } },
  },
  check(resource) {
    const basic = blocks(resource.body, 'event_selector');
    const advanced = blocks(resource.body, 'advanced_event_selector');
    const none = (b: typeof basic) => b.occurrences.length === 0 && b.unknownExpression === undefined;
    if (none(basic) && none(advanced)) return pass('no event selectors: all management events are recorded');
    const answer = none(basic) ? logsManagement(advanced, advancedSelector) : logsManagement(basic, basicSelector);
    if (answer.state === 'unknown') return unknown(`whether it records all management events: ${answer.expression}`);
    return answer.value ? pass(answer.why ?? 'records all management events') : violation('no event selector records all management events (reads and writes)');
  },
});

/** Some selector (one that certainly exists) records every management event. */
function logsManagement(found: Blocks, test: (selector: JsonObject, path: string) => Answer): Answer {
  const each = found.occurrences.map((o) =>
    o.mayBeNone ? and(maybe(`${o.path} comes from ${describeExpression(o.mayBeNone)}`), test(o.body, o.path)) : test(o.body, o.path),
  );
  if (found.unknownExpression !== undefined) each.push(maybe(`the selectors are ${describeExpression(found.unknownExpression)}`));
  return any(each, (a) => a);
}

function basicSelector(selector: JsonObject, path: string): Answer {
  const included = orDefault(boolAttr(selector, 'include_management_events'), true);
  const readsAndWrites = map(orDefault(stringAttr(selector, 'read_write_type'), 'All'), (rw) => rw === 'All');
  const answer = and(included, readsAndWrites);
  return answer.state === 'known' && answer.value ? known(true, `${path} records all management events`) : answer;
}

function advancedSelector(selector: JsonObject, path: string): Answer {
  const fields = blocks(selector, 'field_selector');
  if (fields.unknownExpression !== undefined) return maybe(`${path}.field_selector is ${describeExpression(fields.unknownExpression)}`);
  const management = any(fields.occurrences, (f) => and(fieldIs(f.body, 'eventCategory'), equalsIncludes(f.body, 'Management')));
  const readOnlyFilter = any(fields.occurrences, (f) => fieldIs(f.body, 'readOnly'));
  const answer = and(management, not(readOnlyFilter));
  return answer.state === 'known' && answer.value ? known(true, `${path} records all management events`) : answer;
}

function fieldIs(field: JsonObject, name: string): Answer {
  const value = stringAttr(field, 'field');
  if (value.state === 'unknown') return maybe(`field is ${describeExpression(value.expression)}`);
  return known(value.state === 'known' && value.value === name);
}

function equalsIncludes(field: JsonObject, wanted: string): Answer {
  const values = listAttr(field, 'equals');
  if (values.state === 'unknown') return maybe(`equals is ${describeExpression(values.expression)}`);
  if (values.state === 'absent') return NO;
  if (values.value.includes(wanted)) return YES;
  const expression = values.value.find(isExpression);
  return expression !== undefined ? maybe(`equals holds ${describeExpression(expression)}`) : NO;
}
