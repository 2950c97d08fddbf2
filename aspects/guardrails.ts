/** The public synth-time API: `Guardrails.enforce` and `Guardrails.suppress`. */
import type { IConstruct } from 'constructs';
import { GuardrailConfigError, describe } from '../engine/config-error';
import { resolveOptions, type GuardrailOptions } from '../engine/options';
import { validateSuppression, type SuppressionInput } from '../engine/suppressions';
import { builtInRules } from '../rules';
import { existingGuard, guardFor } from './app-guard';
import { registerOptions } from './guardrails-aspect';
import { appOf, isApp, isConstruct, isStack, kindOf, type CdkApp, type CdkStack } from './scope';

export class Guardrails {
  /**
   * Refuse to synthesize any stack under `scope` that breaks a guardrail.
   *
   * On an App, every stack of the app is covered, including stacks created after this call. On a
   * TerraformStack, that stack is covered (with these options, even if the app is enforced too).
   * Synth then throws `GuardrailViolationError` listing every error-level finding of every stack, and
   * writes `<outdir>/guardrails/report.json` and `report.sarif` whether it passes or not.
   * Neither `CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS` nor `App({ skipValidation: true })` turns this off.
   */
  static enforce(scope: CdkApp | CdkStack, options?: GuardrailOptions): void {
    const where = 'Guardrails.enforce';
    if (!isApp(scope) && !isStack(scope)) {
      const other: unknown = scope;
      const path = isConstruct(other) ? ` (a construct at path '${other.node.path}')` : '';
      throw new GuardrailConfigError(`${where}: scope must be a cdktf App or TerraformStack, got ${kindOf(scope)}${path}`);
    }
    resolveOptions(options, builtInRules, `${where} options`);
    const app = isApp(scope) ? scope : appOf(scope);
    if (!app) throw new GuardrailConfigError(`${where}: the stack '${scope.node.path}' does not belong to a cdktf App`);
    registerOptions(guardFor(app), scope, { given: options, by: 'enforce', where: `Guardrails.enforce(${scope.node.path || '<app>'})` });
  }

  /**
   * Suppress one rule for every resource under `scope` (a construct, a stack or the whole app), with a
   * reason (at least 10 characters) and optionally an expiry date `YYYY-MM-DD`, after which the finding is
   * reported again as an expired suppression. Every suppression is listed in the reports, and travels in
   * the synthesized JSON so the CLI honours it too.
   */
  static suppress(scope: IConstruct, ruleId: string, suppression: SuppressionInput): void {
    const where = 'Guardrails.suppress';
    if (!isConstruct(scope)) throw new GuardrailConfigError(`${where}: scope must be a construct, got ${kindOf(scope)}`);
    const app = appOf(scope);
    if (!app) throw new GuardrailConfigError(`${where}: the construct at '${scope.node.path}' does not belong to a cdktf App`);
    const guard = existingGuard(app);
    const known = new Set(builtInRules.map((r) => r.id));
    for (const options of [guard?.appOptions, ...(guard ? guard.stackOptions.values() : [])]) {
      options?.knownRuleIds.forEach((id) => known.add(id));
    }
    validateSuppression(ruleId, suppression, known, `${where}(${scope.node.path || '<app>'}, ${describe(ruleId)})`);
    guardFor(app).suppressions.push({
      ruleId,
      scope: scope.node.path,
      reason: suppression.reason.trim(),
      ...(suppression.expires !== undefined ? { expires: suppression.expires } : {}),
    });
  }
}
