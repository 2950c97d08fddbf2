/**
 * A module call hides its resources from every rule: the synthesized configuration holds only the call.
 * Rather than passing silently, each call is reported as unknown until the resources are checked where
 * they are visible, in a plan.
 */
import { defineRule } from '../../engine/rule';
import { approvalFor } from '../../engine/approved-modules';
import { pass, unknown } from '../../engine/results';
import { stringAttr } from '../../engine/values';

export const moduleContentsUnverified = defineRule({
  id: 'module-contents-unverified',
  title: 'Resources created inside Terraform modules are checked (in a plan)',
  severity: 'error',
  profile: 'baseline',
  category: 'coverage',
  resourceTypes: ['module'],
  rationale:
    'A `module` call (cdktf `TerraformHclModule`, or a module block in hand-written JSON) creates resources that ' +
    'are not in the synthesized configuration, so no guardrail can see them: a public bucket or an open security ' +
    'group inside a module would pass unnoticed. A guardrail that silently checks nothing is worse than none, so ' +
    'each call is reported as a value that cannot be verified at synth time.',
  fix:
    'Check the plan, where modules are expanded: `terraform show -json tfplan > plan.json && cdktf-guardrails check ' +
    'plan.json`. Then either suppress this rule for the module construct with the reason "checked in the plan ' +
    'gate" (Guardrails.suppress(module, "module-contents-unverified", { reason })), or use `unknownValues: ' +
    "'warning'`. A module whose contents your team has reviewed can be approved at its exact version with the " +
    '`approvedModules` option (source, version, reason), which every report lists. Better still, build the ' +
    'resources with constructs so they are checked at synth.',
  examples: {
    failing: { resourceType: 'module', body: { source: 'terraform-aws-modules/vpc/aws', version: '5.0.0' } },
    passing: { resourceType: 'module', body: { source: './modules/empty', count: 0 } },
  },
  check(call, context) {
    const approval = approvalFor(call.body, context.approvedModules);
    if (approval) return pass(`${approval.source}${approval.version ? `@${approval.version}` : ''} is approved: ${approval.reason}`);
    const source = stringAttr(call.body, 'source');
    const from = source.state === 'known' ? ` (source ${source.value})` : '';
    return unknown(
      `${call.address}${from} creates resources that are not in this configuration; check them in the plan, or approve the module (approvedModules)`,
      'source',
    );
  },
});
