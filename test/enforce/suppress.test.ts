import * as fs from 'fs';
import { Construct } from 'constructs';
import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { Guardrails, GuardrailViolationError } from '../../index';
import { awsStack, readReport, stackFile, synthError, testApp } from '../helpers/app';

const badVolume = { availabilityZone: 'eu-west-1a', size: 10 };
const reason = 'legacy volume, migration tracked in INFRA-1234';

describe('Guardrails.suppress', () => {
  test('covers the resources under its scope, is audited, and travels in the synthesized JSON', () => {
    const app = testApp();
    Guardrails.enforce(app);
    const stack = awsStack(app);
    const legacy = new Construct(stack, 'legacy');
    new EbsVolume(legacy, 'data', badVolume);
    Guardrails.suppress(legacy, 'volume-encryption-required', { reason, expires: '2999-12-31' });
    expect(synthError(app)).toBeUndefined();
    const report = readReport(app);
    expect(report.suppressed).toHaveLength(1);
    expect(report.suppressed[0]).toMatchObject({
      address: expect.stringMatching(/^aws_ebs_volume\.legacy_data_/),
      constructPath: 'main/legacy/data',
      suppression: { ruleId: 'volume-encryption-required', scope: 'main/legacy', reason, expires: '2999-12-31' },
    });
    const json = JSON.parse(fs.readFileSync(stackFile(app, 'main'), 'utf8'));
    expect(json['//'].guardrails.suppressions).toEqual([{ ruleId: 'volume-encryption-required', scope: 'main/legacy', reason, expires: '2999-12-31' }]);
  });

  test('does not cover siblings, or other rules', () => {
    const app = testApp();
    Guardrails.enforce(app);
    const stack = awsStack(app);
    const legacy = new Construct(stack, 'legacy');
    new EbsVolume(legacy, 'data', badVolume);
    new EbsVolume(stack, 'legacy2', badVolume); // path main/legacy2 is not under main/legacy
    Guardrails.suppress(legacy, 'public-ip-requires-approval', { reason });
    Guardrails.suppress(legacy, 'volume-encryption-required', { reason });
    const error = synthError(app);
    expect(error.violations.map((v: any) => v.address)).toEqual(['aws_ebs_volume.legacy2']);
  });

  test("rewriting a resource's // metadata cannot move it under a suppression", () => {
    const app = testApp();
    Guardrails.enforce(app);
    const stack = awsStack(app);
    const legacy = new Construct(stack, 'legacy');
    new EbsVolume(legacy, 'old', badVolume);
    Guardrails.suppress(legacy, 'volume-encryption-required', { reason });
    const fresh = new EbsVolume(stack, 'fresh', badVolume);
    fresh.addOverride('//.metadata.path', 'main/legacy/fresh');
    stack.addOverride('resource.aws_ebs_volume.injected', { ...badVolume, '//': { metadata: { path: 'main/legacy/injected' } } });
    const error = synthError(app);
    expect(error.violations.map((v: any) => [v.address, v.constructPath]).sort()).toEqual([
      ['aws_ebs_volume.fresh', 'main/fresh'],
      ['aws_ebs_volume.injected', 'main'],
    ]);
  });

  test('a suppression on a stack also covers resources injected by stack overrides', () => {
    const app = testApp();
    Guardrails.enforce(app);
    const stack = awsStack(app);
    stack.addOverride('resource.aws_ebs_volume.injected', badVolume);
    Guardrails.suppress(stack, 'volume-encryption-required', { reason });
    expect(synthError(app)).toBeUndefined();
  });

  test('a suppression on the app covers every stack', () => {
    const app = testApp();
    Guardrails.enforce(app);
    new EbsVolume(awsStack(app, 'a'), 'data', badVolume);
    new EbsVolume(awsStack(app, 'b'), 'data', badVolume);
    Guardrails.suppress(app, 'volume-encryption-required', { reason });
    expect(synthError(app)).toBeUndefined();
    expect(readReport(app).suppressed).toHaveLength(2);
  });

  test('an expired suppression no longer applies, and says so', () => {
    const app = testApp();
    Guardrails.enforce(app);
    const stack = awsStack(app);
    new EbsVolume(stack, 'data', badVolume);
    Guardrails.suppress(stack, 'volume-encryption-required', { reason, expires: '2020-01-31' });
    const error = synthError(app);
    expect(error).toBeInstanceOf(GuardrailViolationError);
    expect(error.violations[0]).toMatchObject({ kind: 'expired-suppression', address: 'aws_ebs_volume.data' });
    expect(error.message).toContain(`(the suppression "${reason}" expired on 2020-01-31)`);
  });

  test('a suppression applies through its expiry day (options.today)', () => {
    const build = (today: string) => {
      const app = testApp();
      Guardrails.enforce(app, { today });
      const stack = awsStack(app);
      new EbsVolume(stack, 'data', badVolume);
      Guardrails.suppress(stack, 'volume-encryption-required', { reason, expires: '2030-06-30' });
      return synthError(app);
    };
    expect(build('2030-06-30')).toBeUndefined();
    expect(build('2030-07-01')).toBeInstanceOf(GuardrailViolationError);
  });

  test('suppressions can be declared before enforce', () => {
    const app = testApp();
    const stack = awsStack(app);
    new EbsVolume(stack, 'data', badVolume);
    Guardrails.suppress(stack, 'volume-encryption-required', { reason });
    Guardrails.enforce(app);
    expect(synthError(app)).toBeUndefined();
  });

  describe('bad arguments are clear errors at the call', () => {
    const stack = () => awsStack(testApp());
    test('unknown rule id', () => {
      expect(() => Guardrails.suppress(stack(), 'volume-encryption', { reason })).toThrow(
        /Guardrails\.suppress\(main, "volume-encryption"\): ruleId: unknown rule id "volume-encryption" \(did you mean 'volume-encryption-required'\?\)/,
      );
    });
    test('reason shorter than 10 characters', () => {
      expect(() => Guardrails.suppress(stack(), 'volume-encryption-required', { reason: 'legacy' })).toThrow(/reason .* must be at least 10 characters/);
      expect(() => Guardrails.suppress(stack(), 'volume-encryption-required', { reason: '          x' })).toThrow(/at least 10 characters/);
      expect(() => Guardrails.suppress(stack(), 'volume-encryption-required', undefined as any)).toThrow(/expected \{ reason, expires\? \}/);
    });
    test.each(['2025-13-01', '2025-02-30', '31/12/2025', '2025-1-1', 'tomorrow'])('malformed expiry %s', (expires) => {
      expect(() => Guardrails.suppress(stack(), 'volume-encryption-required', { reason, expires })).toThrow(/expires .* must be a date YYYY-MM-DD/);
    });
    test('a scope that is not a construct, or not in an App', () => {
      expect(() => Guardrails.suppress('main' as any, 'volume-encryption-required', { reason })).toThrow(/scope must be a construct, got string/);
      expect(() => Guardrails.suppress(new Construct(undefined as any, ''), 'volume-encryption-required', { reason })).toThrow(
        /does not belong to a cdktf App/,
      );
    });
    test('custom rule ids can be suppressed once registered', () => {
      const app = testApp();
      const s = awsStack(app);
      expect(() => Guardrails.suppress(s, 'team-naming', { reason })).toThrow(/unknown rule id/);
      Guardrails.enforce(app, {
        customRules: [
          {
            id: 'team-naming',
            title: 'names',
            severity: 'warning',
            resourceTypes: ['aws_ebs_volume'],
            rationale: 'consistent names',
            fix: 'rename',
            check: () => undefined,
          },
        ],
      });
      expect(() => Guardrails.suppress(s, 'team-naming', { reason })).not.toThrow();
    });
  });
});
