import { wafv2WebAclNotEmpty as rule } from '../../../../rules/aws/edge/wafv2-web-acl-not-empty';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const ACL = 'aws_wafv2_web_acl';
const rule1 = { name: 'r', priority: 1, action: { block: {} }, statement: {}, visibility_config: {} };
const run = (body: Record<string, unknown>) => kinds(findingsFor(rule, ACL, { name: 'a', scope: 'REGIONAL', ...body }));

describe('wafv2-web-acl-not-empty', () => {
  itHonoursItsExamples(rule);

  it('fires for default allow without rules (or an empty rule_json)', () => {
    expect(run({ default_action: { allow: {} } })).toEqual(['violation']);
    expect(run({ default_action: { allow: {} }, rule_json: '[]' })).toEqual(['violation']);
    expect(run({ default_action: { allow: {} }, dynamic: { rule: { for_each: [], content: rule1 } } })).toEqual(['violation']);
  });

  it('is quiet with rules, with rule_json rules, or with default block', () => {
    expect(run({ default_action: { allow: {} }, rule: [rule1] })).toEqual([]);
    expect(run({ default_action: { allow: {} }, rule_json: JSON.stringify([{ Name: 'r' }]) })).toEqual([]);
    expect(run({ default_action: { block: {} } })).toEqual([]);
  });

  it('is unknown when the rules or the default action are expressions', () => {
    expect(run({ default_action: { allow: {} }, rule_json: '${var.rules}' })).toEqual(['unknown']);
    expect(run({ default_action: { allow: {} }, dynamic: { rule: { for_each: '${var.rules}', content: rule1 } } })).toEqual(['unknown']);
    expect(run({ default_action: '${var.action}' })).toEqual(['unknown']);
  });
});
