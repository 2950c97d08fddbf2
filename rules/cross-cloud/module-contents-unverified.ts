/**
 * A module call hides its resources from every rule unless its source is read. A local module (a
 * TerraformHclModule or `.gen` module on a local directory) is read by both entry points and its resources
 * are checked under `module.<name>.…`, so its call passes. A registry or remote module is not read: rather
 * than passing silently, the call is reported as unknown until its resources are checked where they are
 * visible (a plan), or the module is approved at its exact version.
 */
import { defineRule } from '../../engine/rule';
import { approvalFor } from '../../engine/approved-modules';
import { pass, unknown } from '../../engine/results';
import { stringAttr } from '../../engine/values';

export const moduleContentsUnverified = defineRule({
  id: 'module-contents-unverified',
  title: 'Resources created inside Terraform modules are checked (read, or in a plan)',
  severity: 'error',
  profile: 'baseline',
  category: 'coverage',
  resourceTypes: ['module'],
  rationale:
    'A `module` call (cdktf `TerraformHclModule`, a `.gen` module, or a module block in hand-written JSON) creates ' +
    'resources that are not in the synthesized configuration: a public bucket or an open security group inside a ' +
    'module would pass unnoticed. A module whose source is a local directory (`./modules/x`, or the ' +
    '`./assets/__cdktf_module_asset_…` copy cdktf makes of it) is read, at synth and by the CLI: its `*.tf` and ' +
    '`*.tf.json` files are read as Terraform reads them, its resources are checked as `module.<name>.<type>.<name>` ' +
    "with the call's literal inputs (anything else stays unknown), and the call passes. A registry or remote " +
    'module is not read; a guardrail that silently checks nothing is worse than none, so each such call is reported ' +
    'as a value that cannot be verified at synth time.',
  fix:
    'Use a local module (its resources are then checked with the rest of the stack), or check the plan, where ' +
    'every module is expanded: `terraform show -json tfplan > plan.json && cdktf-guardrails check plan.json`. ' +
    'Then either suppress this rule for the module construct with the reason "checked in the plan gate" ' +
    '(Guardrails.suppress(module, "module-contents-unverified", { reason })), or use `unknownValues: ' +
    "'warning'`. A registry module whose contents your team has reviewed can be approved at its exact version " +
    'with the `approvedModules` option (source, version, reason), which every report lists. Better still, build ' +
    'the resources with constructs so they are checked at synth.',
  examples: {
    failing: { resourceType: 'module', body: { source: 'terraform-aws-modules/vpc/aws', version: '5.0.0' } },
    passing: { resourceType: 'module', body: { source: 'terraform-aws-modules/vpc/aws', version: '5.0.0', count: 0 } },
  },
  check(call, context) {
    if (call.readFrom !== undefined) {
      return pass(`read from ${call.readFrom}: the resources it creates are checked as ${call.address}.…`, 'source');
    }
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
