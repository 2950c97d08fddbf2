/** A WAF web ACL that allows by default has rules to apply. */
import { defineRule } from '../../../engine/rule';
import { pass, unknown, violation } from '../../../engine/results';
import type { CheckResult } from '../../../engine/types';
import { attr, blockPresence, blocks, describeExpression, known, maybe, type Answer } from '../../../engine/values';

const ACL = 'aws_wafv2_web_acl';

/** Whether the ACL has at least one rule: `rule` blocks, or a non-empty `rule_json`. */
function hasRules(body: Record<string, unknown>): Answer {
  const ruleBlocks = blockPresence(blocks(body, 'rule'));
  if (ruleBlocks.state === 'known' && ruleBlocks.value) return known(true, 'it has rule blocks');
  const json = attr(body, 'rule_json');
  if (json.state === 'unknown') return maybe(`rule_json is ${describeExpression(json.expression)}`);
  if (json.state === 'known') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(json.value));
    } catch {
      return maybe('rule_json is not valid JSON');
    }
    if (!Array.isArray(parsed) || parsed.length > 0) return known(true, 'its rule_json has rules');
  }
  return ruleBlocks.state === 'unknown'
    ? maybe(`rule comes from a dynamic block whose for_each (${describeExpression(ruleBlocks.expression)}) may be empty`)
    : known(false);
}

/** The default action: `allow`, `block`, or unknown. */
function defaultAction(body: Record<string, unknown>): Answer<'allow' | 'block' | 'none'> {
  const found = blocks(body, 'default_action');
  if (found.unknownExpression) return maybe(`default_action is ${describeExpression(found.unknownExpression)}`);
  const [action] = found.occurrences;
  if (!action) return known('none');
  if (action.mayBeNone) return maybe(`default_action comes from a dynamic block (${describeExpression(action.mayBeNone)})`);
  for (const kind of ['block', 'allow'] as const) {
    const present = blockPresence(blocks(action.body, kind));
    if (present.state === 'unknown') return maybe(`default_action.${kind} comes from ${describeExpression(present.expression)}`);
    if (present.value) return known(kind);
  }
  return known('none');
}

export const wafv2WebAclNotEmpty = defineRule({
  id: 'wafv2-web-acl-not-empty',
  title: 'WAFv2 web ACLs that allow by default have rules',
  severity: 'warning',
  profile: 'strict',
  category: 'network',
  resourceTypes: [ACL],
  rationale:
    'A web ACL with default_action allow and no rules lets every request through: it costs money, shows up as ' +
    '"protected by WAF" in reviews and compliance checks, and inspects nothing. An ACL that blocks by default ' +
    'with no rules blocks everything, which is visible at once, so it is not reported. Strict: an ACL may be ' +
    'created empty while its rules are managed elsewhere (Firewall Manager).',
  fix: 'Add rules to the web ACL, e.g. the AWS managed rule groups AWSManagedRulesCommonRuleSet and AWSManagedRulesKnownBadInputsRuleSet, and a rate-based rule.',
  references: {
    checkov: ['CKV_AWS_175'],
    docs: ['https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-list.html'],
  },
  examples: {
    failing: { resourceType: ACL, body: { name: 'edge', scope: 'CLOUDFRONT', default_action: { allow: {} } } },
    passing: {
      resourceType: ACL,
      body: {
        name: 'edge',
        scope: 'CLOUDFRONT',
        default_action: { allow: {} },
        rule: [
          {
            name: 'common',
            priority: 1,
            override_action: { none: {} },
            statement: { managed_rule_group_statement: { name: 'AWSManagedRulesCommonRuleSet', vendor_name: 'AWS' } },
            visibility_config: { cloudwatch_metrics_enabled: true, metric_name: 'common', sampled_requests_enabled: true },
          },
        ],
      },
    },
  },
  check(resource): CheckResult {
    const rules = hasRules(resource.body);
    if (rules.state === 'known' && rules.value) return pass(`${rules.why}`, 'rule');
    const action = defaultAction(resource.body);
    if (action.state === 'known' && action.value === 'block') return pass('no rules, but default_action blocks every request', 'default_action');
    if (action.state === 'unknown') return unknown(`it may have no rules, and ${action.expression}`, 'default_action');
    if (rules.state === 'unknown') return unknown(`default_action allows, and ${rules.expression}`, 'rule');
    return violation('it has no rules and default_action allows, so it lets every request through', 'rule');
  },
});
