import { TerraformHclModule } from 'cdktf';
import { moduleContentsUnverified as rule } from '../../../rules/cross-cloud/module-contents-unverified';
import { Guardrails, GuardrailViolationError } from '../../../index';
import { awsStack, readReport, synthError, testApp } from '../../helpers/app';
import { findings, kinds } from '../../helpers/rule-harness';

describe('module-contents-unverified', () => {
  test('every module call is unknown: its resources are not in the configuration', () => {
    const found = findings(rule, { module: { vpc: { source: 'terraform-aws-modules/vpc/aws' } } } as never);
    expect(kinds(found)).toEqual(['unknown']);
    expect(found[0]).toMatchObject({ address: 'module.vpc' });
    expect(found[0].message).toContain('(source terraform-aws-modules/vpc/aws)');
  });

  test('a call whose local module was read passes, saying where from; the same call not read stays unknown', () => {
    const call = {
      type: 'module',
      name: 'sg',
      address: 'module.sg',
      mode: 'module',
      body: { source: './modules/sg' },
      constructPath: 'main/sg',
      ownedByConstruct: true,
    } as const;
    const context = { approvedModules: [] } as never;
    expect(rule.check({ ...call, readFrom: 'stacks/main/modules/sg' }, context)).toMatchObject({
      status: 'pass',
      message: 'read from stacks/main/modules/sg: the resources it creates are checked as module.sg.…',
    });
    expect(rule.check(call, context)).toMatchObject({ status: 'unknown' });
    // The marker is set by the readers only: a body that says so is just an argument.
    expect(kinds(findings(rule, { module: { sg: { source: 'x/y/aws', readFrom: 'modules/sg' } } } as never))).toEqual(['unknown']);
  });

  test('a module call with count = 0 creates nothing; no module call, no finding', () => {
    expect(findings(rule, { module: { off: { source: './m', count: 0 } } } as never)).toEqual([]);
    expect(findings(rule, { resource: { aws_ebs_volume: { v: { encrypted: true } } } })).toEqual([]);
  });

  test('a TerraformHclModule refuses synth by default, passes when suppressed with a reason, and is audited', () => {
    const build = (suppress: boolean) => {
      const app = testApp();
      Guardrails.enforce(app);
      const stack = awsStack(app);
      const vpc = new TerraformHclModule(stack, 'vpc', { source: 'terraform-aws-modules/vpc/aws', version: '5.0.0' });
      if (suppress) Guardrails.suppress(vpc, 'module-contents-unverified', { reason: 'module resources are checked in the plan gate' });
      return app;
    };
    const refused = synthError(build(false));
    expect(refused).toBeInstanceOf(GuardrailViolationError);
    expect(refused.violations[0]).toMatchObject({ ruleId: 'module-contents-unverified', kind: 'unknown', address: 'module.vpc', constructPath: 'main/vpc' });
    const app = build(true);
    expect(synthError(app)).toBeUndefined();
    expect(readReport(app).suppressed[0].address).toBe('module.vpc');
  });
});
