import * as fs from 'fs';
import * as path from 'path';
import { App, Aspects, TerraformResource, TerraformStack, TerraformVariable, type IAspect } from 'cdktf';
import { Construct, type IConstruct } from 'constructs';
import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Guardrails, GuardrailViolationError, type Violation } from '../../index';
import { awsStack, readReport, stackFile, synthError, testApp } from '../helpers/app';

const goodVolume = { availabilityZone: 'eu-west-1a', size: 10, encrypted: true };
const badVolume = { availabilityZone: 'eu-west-1a', size: 10 };

describe('Guardrails.enforce on an App', () => {
  test('a compliant multi-stack app synthesizes and writes the reports', () => {
    const app = testApp();
    Guardrails.enforce(app);
    new EbsVolume(awsStack(app, 'one'), 'data', goodVolume);
    new EbsVolume(awsStack(app, 'two'), 'data', goodVolume);
    expect(synthError(app)).toBeUndefined();
    expect(fs.existsSync(stackFile(app, 'one'))).toBe(true);
    const report = readReport(app);
    expect(report.summary).toMatchObject({ stacks: 2, errors: 0, resourcesChecked: 2 });
    expect(fs.existsSync(`${app.outdir}/guardrails/report.sarif`)).toBe(true);
  });

  test('every violation in every stack is listed, with rule, construct path, address, problem and fix', () => {
    const app = testApp();
    Guardrails.enforce(app);
    new EbsVolume(awsStack(app, 'one'), 'data', badVolume);
    const two = awsStack(app, 'two');
    new EbsVolume(two, 'logs', badVolume);
    new EbsVolume(two, 'cache', badVolume);
    const error = synthError(app);
    expect(error).toBeInstanceOf(GuardrailViolationError);
    expect(error.violations).toHaveLength(3);
    expect(error.violations.map((v: any) => `${v.stack}:${v.address}`).sort()).toEqual([
      'one:aws_ebs_volume.data',
      'two:aws_ebs_volume.cache',
      'two:aws_ebs_volume.logs',
    ]);
    expect(error.message).toContain('3 guardrail violations in 2 stacks');
    expect(error.message).toContain('[volume-encryption-required] two aws_ebs_volume.logs');
    expect(error.message).toContain('construct: two/logs');
    expect(error.message).toContain('problem:   the volume is not encrypted');
    expect(error.message).toMatch(/fix: +Set `encrypted = true`/);
    const v = error.violations[0];
    expect(v).toMatchObject({
      ruleId: 'volume-encryption-required',
      severity: 'error',
      kind: 'violation',
      constructPath: 'one/data',
      address: 'aws_ebs_volume.data',
    });
  });

  test('a refused stack leaves no cdk.tf.json behind; a compliant sibling keeps its output', () => {
    const app = testApp();
    Guardrails.enforce(app);
    new EbsVolume(awsStack(app, 'good'), 'data', goodVolume);
    new EbsVolume(awsStack(app, 'bad'), 'data', badVolume);
    expect(synthError(app)).toBeInstanceOf(GuardrailViolationError);
    expect(fs.existsSync(stackFile(app, 'bad'))).toBe(false);
    expect(fs.existsSync(stackFile(app, 'good'))).toBe(true);
    expect(readReport(app).summary.errors).toBe(1);
  });

  test('stacks created after enforce are covered', () => {
    const app = testApp();
    Guardrails.enforce(app);
    const late = awsStack(app, 'late');
    new EbsVolume(late, 'data', badVolume);
    expect(synthError(app)?.violations?.[0]?.stack).toBe('late');
  });

  test('a stack nested inside a construct is covered', () => {
    const app = testApp();
    Guardrails.enforce(app);
    const group = new Construct(app, 'group');
    const stack = new TerraformStack(group, 'nested');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    new EbsVolume(stack, 'data', badVolume);
    expect(synthError(app)).toBeInstanceOf(GuardrailViolationError);
  });

  test('an escape-hatch override on the resource is what gets checked', () => {
    const app = testApp();
    Guardrails.enforce(app);
    const volume = new EbsVolume(awsStack(app), 'data', goodVolume);
    volume.addOverride('encrypted', false);
    expect(synthError(app)?.violations?.[0]?.address).toBe('aws_ebs_volume.data');
  });

  test('a resource injected by a stack-level addOverride (no construct owns it) is checked', () => {
    const app = testApp();
    Guardrails.enforce(app);
    const stack = awsStack(app);
    stack.addOverride('resource.aws_ebs_volume.sneaky', { availability_zone: 'eu-west-1a', size: 1 });
    const error = synthError(app);
    expect(error?.violations?.[0]).toMatchObject({ address: 'aws_ebs_volume.sneaky', constructPath: 'main' });
  });

  test('a stack-level override that changes a construct-owned resource is checked', () => {
    const app = testApp();
    Guardrails.enforce(app);
    const stack = awsStack(app);
    new EbsVolume(stack, 'data', goodVolume);
    stack.addOverride('resource.aws_ebs_volume.data.encrypted', false);
    expect(synthError(app)?.violations?.[0]?.address).toBe('aws_ebs_volume.data');
  });

  test('a raw TerraformResource subclass of a covered type is checked', () => {
    class HandRolledVolume extends TerraformResource {
      constructor(scope: Construct, id: string) {
        super(scope, id, { terraformResourceType: 'aws_ebs_volume' });
      }
      protected synthesizeAttributes() {
        return { availability_zone: 'eu-west-1a', size: 5 };
      }
    }
    const app = testApp();
    Guardrails.enforce(app);
    new HandRolledVolume(awsStack(app), 'raw');
    expect(synthError(app)?.violations?.[0]).toMatchObject({ address: 'aws_ebs_volume.raw', constructPath: 'main/raw' });
  });

  test("a user's aspect that runs after enforce and weakens a resource is caught", () => {
    class Unencrypt implements IAspect {
      visit(node: IConstruct) {
        if (node instanceof EbsVolume) node.encrypted = false;
      }
    }
    const app = testApp();
    Guardrails.enforce(app);
    const stack = awsStack(app);
    new EbsVolume(stack, 'data', goodVolume);
    Aspects.of(stack).add(new Unencrypt());
    expect(synthError(app)).toBeInstanceOf(GuardrailViolationError);
  });

  test('an unresolved token is reported as unknown: an error by default, a warning when relaxed', () => {
    const build = (options?: object) => {
      const app = testApp();
      Guardrails.enforce(app, options);
      const stack = awsStack(app);
      const encrypt = new TerraformVariable(stack, 'encrypt', { type: 'bool', default: true });
      new EbsVolume(stack, 'data', { ...badVolume, encrypted: encrypt.booleanValue });
      return app;
    };
    const strict = build();
    const error = synthError(strict);
    expect(error.violations[0]).toMatchObject({ kind: 'unknown', severity: 'error' });
    expect(error.message).toContain('cannot be verified at synth time: encrypted is ${var.encrypt}');
    const relaxed = build({ unknownValues: 'warning' });
    expect(synthError(relaxed)).toBeUndefined();
    expect(readReport(relaxed).violations[0]).toMatchObject({ kind: 'unknown', severity: 'warning' });
  });

  test('a reference to another resource attribute is unknown too', () => {
    const app = testApp();
    Guardrails.enforce(app);
    const stack = awsStack(app);
    const a = new EbsVolume(stack, 'a', goodVolume);
    new EbsVolume(stack, 'b', { ...badVolume, encrypted: a.encrypted });
    expect(synthError(app)?.violations?.[0]).toMatchObject({ address: 'aws_ebs_volume.b', kind: 'unknown' });
  });

  describe('enforcement cannot be switched off from outside the code', () => {
    afterEach(() => {
      delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
    });

    test('CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS does not turn it off', () => {
      process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = 'true';
      const app = testApp();
      Guardrails.enforce(app);
      new EbsVolume(awsStack(app), 'data', badVolume);
      expect(synthError(app)).toBeInstanceOf(GuardrailViolationError);
    });

    test('App({ skipValidation: true }) does not turn it off', () => {
      const app = testApp({ skipValidation: true });
      Guardrails.enforce(app);
      new EbsVolume(awsStack(app), 'data', badVolume);
      expect(synthError(app)).toBeInstanceOf(GuardrailViolationError);
    });

    test('hclOutput apps are checked too: the cdk.tf that was written is what is checked', () => {
      process.env.SYNTH_HCL_OUTPUT = 'true';
      try {
        const app = testApp({ hclOutput: true });
        Guardrails.enforce(app);
        new EbsVolume(awsStack(app), 'data', badVolume);
        const error = synthError(app);
        expect(error).toBeInstanceOf(GuardrailViolationError);
        expect(error.violations.map((v: Violation) => v.file)).toEqual(['stacks/main/cdk.tf']);
        const kept = path.join(app.outdir, 'guardrails/refused/stacks/main/cdk.tf');
        expect(fs.readFileSync(kept, 'utf8')).toMatch(/resource "aws_ebs_volume" "data"/);
        expect(fs.existsSync(path.join(app.outdir, 'stacks/main/cdk.tf'))).toBe(false);
      } finally {
        delete process.env.SYNTH_HCL_OUTPUT;
      }
    });

    test('an hclOutput app whose cdk.tf holds JSON (App({ hclOutput }) without SYNTH_HCL_OUTPUT) is refused: Terraform cannot parse it', () => {
      const app = testApp({ hclOutput: true });
      Guardrails.enforce(app);
      new EbsVolume(awsStack(app), 'data', { ...badVolume, encrypted: true });
      expect(() => app.synth()).toThrow(/holds JSON although it is named \.tf/);
    });

    test('calling the prototype synth directly still checks', () => {
      const app = testApp();
      Guardrails.enforce(app);
      new EbsVolume(awsStack(app), 'data', badVolume);
      expect(() => App.prototype.synth.call(app)).toThrow(GuardrailViolationError);
    });

    test('a subclass of App that calls super.synth() is checked once', () => {
      let synths = 0;
      class MyApp extends App {
        synth() {
          synths++;
          super.synth();
        }
      }
      const app = new MyApp({ outdir: testApp().outdir });
      Guardrails.enforce(app);
      new EbsVolume(awsStack(app), 'data', badVolume);
      const error = synthError(app);
      expect(error).toBeInstanceOf(GuardrailViolationError);
      expect(error.violations).toHaveLength(1);
      expect(synths).toBe(1);
    });

    test('apps without guardrails are untouched by the prototype wrapper', () => {
      const guarded = testApp();
      Guardrails.enforce(guarded);
      const plain = testApp();
      new EbsVolume(awsStack(plain), 'data', badVolume);
      expect(synthError(plain)).toBeUndefined();
    });

    test('a suppression written into the JSON by an override refuses synth (a forged record is never written out)', () => {
      const app = testApp();
      Guardrails.enforce(app);
      const stack = awsStack(app);
      new EbsVolume(stack, 'data', badVolume);
      stack.addOverride('//.guardrails.suppressions', [{ ruleId: 'volume-encryption-required', scope: '', reason: 'trust me, it is fine here' }]);
      expect(() => app.synth()).toThrow(/suppression record\(s\) in its synthesized configuration that Guardrails\.suppress did not make/);
      expect(fs.existsSync(path.join(app.outdir, 'stacks/main/cdk.tf.json'))).toBe(false);
    });

    test('a forged suppression on a resource refuses synth too', () => {
      const app = testApp();
      Guardrails.enforce(app);
      const volume = new EbsVolume(awsStack(app), 'data', badVolume);
      volume.addOverride('//.guardrails.suppressions', [{ ruleId: 'volume-encryption-required', scope: 'test', reason: 'trust me, it is fine here' }]);
      expect(() => app.synth()).toThrow(/refusing to synthesize/);
    });

    test('the synth wrapper cannot be replaced on the instance', () => {
      const app = testApp();
      Guardrails.enforce(app);
      expect(() => {
        (app as any).synth = () => undefined;
      }).toThrow();
    });
  });

  test('per-rule levels: off and warning are honoured and audited in the report', () => {
    const app = testApp();
    Guardrails.enforce(app, { rules: { 'volume-encryption-required': 'warning', 'public-ip-requires-approval': 'off' } });
    const stack = awsStack(app);
    new EbsVolume(stack, 'data', badVolume);
    new Instance(stack, 'web', {
      ami: 'ami-12345678',
      instanceType: 't3.micro',
      associatePublicIpAddress: true,
      rootBlockDevice: { encrypted: true },
      metadataOptions: { httpTokens: 'required' },
    });
    expect(synthError(app)).toBeUndefined();
    const report = readReport(app);
    const mine = report.violations.filter((v: any) => ['volume-encryption-required', 'public-ip-requires-approval'].includes(v.ruleId));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ ruleId: 'volume-encryption-required', severity: 'warning' });
    expect(report.rulesOff).toContainEqual({ ruleId: 'public-ip-requires-approval', reason: 'turned-off' });
    expect(report.levelChanges).toEqual(
      expect.arrayContaining([
        { ruleId: 'volume-encryption-required', from: 'error', to: 'warning' },
        { ruleId: 'public-ip-requires-approval', from: 'error', to: 'off' },
      ]),
    );
  });

  test('the report lists every rule evaluated and the resource types no rule covers', () => {
    const app = testApp();
    Guardrails.enforce(app);
    const stack = awsStack(app);
    new EbsVolume(stack, 'data', goodVolume);
    stack.addOverride('resource.aws_cloudwatch_dashboard.ops', { dashboard_name: 'ops', dashboard_body: '{}' });
    expect(synthError(app)).toBeUndefined();
    const report = readReport(app);
    expect(report.rulesEvaluated.map((r: any) => r.id)).toEqual(expect.arrayContaining(['volume-encryption-required', 'public-ip-requires-approval']));
    expect(report.uncoveredTypes).toContainEqual({ type: 'aws_cloudwatch_dashboard', count: 1, stacks: ['main'] });
  });
});

describe('Guardrails.enforce on a single stack', () => {
  test('covers that stack only, with its own options', () => {
    const app = testApp();
    const guarded = awsStack(app, 'guarded');
    const other = awsStack(app, 'other');
    Guardrails.enforce(guarded);
    new EbsVolume(other, 'data', badVolume);
    expect(synthError(app)).toBeUndefined();
    new EbsVolume(guarded, 'data', badVolume);
    expect(synthError(app)?.violations?.map((v: any) => v.stack)).toEqual(['guarded']);
  });

  test('stack options take precedence over app options', () => {
    const app = testApp();
    Guardrails.enforce(app);
    const relaxed = awsStack(app, 'relaxed');
    Guardrails.enforce(relaxed, { rules: { 'volume-encryption-required': 'warning' } });
    new EbsVolume(relaxed, 'data', badVolume);
    new EbsVolume(awsStack(app, 'strict'), 'data', badVolume);
    const error = synthError(app);
    expect(error.violations.map((v: any) => v.stack)).toEqual(['strict']);
    expect(readReport(app).summary).toMatchObject({ errors: 1, warnings: 1 });
  });
});

describe('bad arguments are clear errors at the call', () => {
  test.each([
    ['a plain construct', () => new Construct(testApp(), 'x'), /scope must be a cdktf App or TerraformStack, got Construct \(a construct at path 'x'\)/],
    ['a string', () => 'app', /scope must be a cdktf App or TerraformStack, got string/],
    ['undefined', () => undefined, /scope must be a cdktf App or TerraformStack, got undefined/],
  ])('wrong scope: %s', (_name, scope, message) => {
    expect(() => Guardrails.enforce(scope() as any)).toThrow(message);
  });

  test.each([
    [
      { rules: { 'volume-encrypton-required': 'error' } },
      /options\.rules: unknown rule id 'volume-encrypton-required' \(did you mean 'volume-encryption-required'\?\)/,
    ],
    [{ rules: { 'volume-encryption-required': 'fatal' } }, /rules\['volume-encryption-required'\]: expected 'error', 'warning' or 'off', got "fatal"/],
    [{ profile: 'paranoid' }, /profile: expected 'baseline' or 'strict', got "paranoid"/],
    [{ unknownValues: 'ignore' }, /unknownValues: expected 'error' or 'warning'/],
    [{ publicExposureTag: { aws: { key: '', value: 'public' } } }, /publicExposureTag\.aws: expected \{ key: non-empty string/],
    [{ publicExposureTag: { digitalocean: 'exposure = public' } }, /publicExposureTag\.digitalocean: expected a DigitalOcean tag/],
    [{ requiredTags: ['owner', ''] }, /requiredTags: expected an array of non-empty tag keys/],
    [{ unknownOption: true }, /unknown option 'unknownOption'/],
  ])('options %j', (options, message) => {
    expect(() => Guardrails.enforce(testApp(), options as any)).toThrow(message);
  });

  test('enforcing the same scope twice is an error, not a silent replacement', () => {
    const app = testApp();
    Guardrails.enforce(app);
    expect(() => Guardrails.enforce(app, { profile: 'strict' })).toThrow(/already enforced on this App/);
  });
});
