/**
 * cdktf's `Fn.jsonencode({...})` (an IAM policy, ECS container definitions) is read as the JSON it encodes,
 * at synth and in the CLI, so rules judge it instead of reporting an expression unknown; what cannot be
 * converted, or is one expression, stays unknown.
 */
import { App, Fn, TerraformStack, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { withJsonencodeEvaluated } from '../../engine/input/jsonencode-literals';
import { Guardrails } from '../../aspects/guardrails';
import { GuardrailViolationError } from '../../engine/violation-error';
import { stackFromTerraformJson } from '../../engine/input/terraform-json';
import { checkStack } from '../../aspects/check-stack';
import { cli, only, tempDir, writeFiles } from '../cli/harness';
import { synthError } from '../helpers/app';

const ADMIN = 'iam-no-admin-policy';
const PRIVILEGED = 'ecs-no-privileged-containers';

function stack() {
  const s = new TerraformStack(Testing.app(), 'main');
  new AwsProvider(s, 'aws', { region: 'eu-west-1' });
  return s;
}
const found = (s: TerraformStack, ...rules: string[]) =>
  checkStack(s, { rules: Object.fromEntries([ADMIN, PRIVILEGED].filter((r) => !rules.includes(r)).map((r) => [r, 'off'])) })
    .violations.filter((v) => rules.includes(v.ruleId))
    .map((v) => `${v.ruleId} ${v.address} ${v.kind}`);

describe('Fn.jsonencode at synth', () => {
  test('an admin policy written with Fn.jsonencode fires; a scoped one passes', () => {
    const s = stack();
    const bucket = new S3Bucket(s, 'b', { bucket: 'data' });
    new IamPolicy(s, 'admin', { policy: Fn.jsonencode({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) });
    new IamPolicy(s, 'read', {
      policy: Fn.jsonencode({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `${bucket.arn}/*` }] }),
    });
    expect(found(s, ADMIN)).toEqual([`${ADMIN} aws_iam_policy.admin violation`]);
  });

  test('container definitions written with Fn.jsonencode are read: a privileged container fires', () => {
    const s = stack();
    const task = (id: string, privileged: boolean) =>
      new EcsTaskDefinition(s, id, { family: id, containerDefinitions: Fn.jsonencode([{ name: 'app', image: 'nginx', privileged }]) });
    task('bad', true);
    task('good', false);
    expect(found(s, PRIVILEGED)).toEqual([`${PRIVILEGED} aws_ecs_task_definition.bad violation`]);
  });

  test('jsonencode of one expression stays unknown', () => {
    const s = stack();
    new IamPolicy(s, 'p', { policy: Fn.jsonencode(Fn.lookup({ a: 1 }, 'a', {})) });
    expect(found(s, ADMIN)).toEqual([`${ADMIN} aws_iam_policy.p unknown`]);
  });
});

describe('withJsonencodeEvaluated', () => {
  const evaluated = (policy: unknown) =>
    withJsonencodeEvaluated([stackFromTerraformJson({ resource: { aws_iam_policy: { p: { policy } } } }, { stack: 's' })])[0].resources[0].body.policy;

  test('a literal argument becomes its JSON text; references stay ${…} strings', () => {
    expect(
      JSON.parse(evaluated('${jsonencode({"Version" = "2012-10-17", "Statement" = [{"Effect" = "Allow", "Resource" = aws_s3_bucket.b.arn}]})}') as string),
    ).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Resource: '${aws_s3_bucket.b.arn}' }],
    });
  });

  test('what does not convert, or is one expression, or is more than the call, is left as written', () => {
    for (const text of ['${jsonencode(local.doc)}', '${jsonencode({"a" = )}', '${jsonencode({}) == jsonencode({})}', 'prefix-${jsonencode({})}']) {
      expect(evaluated(text)).toBe(text);
    }
  });

  test('a call in a nested block list is found and converted in place; its neighbours are kept', () => {
    const body = {
      name: 'r',
      inline_policy: [
        { name: 'plain', policy: '{}' },
        { name: 'encoded', policy: '${jsonencode({"Statement" = [{"Action" = "*"}]})}' },
      ],
    };
    const [stack] = withJsonencodeEvaluated([stackFromTerraformJson({ resource: { aws_iam_role: { r: body } } }, { stack: 's' })]);
    const inline = stack.resources[0].body.inline_policy as { name: string; policy: string }[];
    expect(inline[0]).toEqual({ name: 'plain', policy: '{}' });
    expect(JSON.parse(inline[1].policy)).toEqual({ Statement: [{ Action: '*' }] });
  });

  test('no jsonencode: nothing is converted and the stacks are returned as they are', () => {
    const stacks = [stackFromTerraformJson({ resource: { aws_iam_policy: { p: { policy: '{}' } } } }, { stack: 's' })];
    expect(withJsonencodeEvaluated(stacks)[0]).toBe(stacks[0]);
  });
});

test('the CLI reads Fn.jsonencode the same way', async () => {
  const app = new App({ outdir: tempDir('jsonencode-') });
  const s = new TerraformStack(app, 'main');
  new AwsProvider(s, 'aws', { region: 'eu-west-1' });
  new IamPolicy(s, 'admin', { policy: Fn.jsonencode({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) });
  const dir = writeFiles(tempDir('jsonencode-cli-'), { 'main.tf.json': JSON.parse(Testing.synth(s)) });
  const run = await cli(['check', '.', '--format', 'json', ...only(ADMIN)], { cwd: dir });
  expect(JSON.parse(run.stdout).violations.map((v: { address: string; kind: string }) => `${v.address} ${v.kind}`)).toEqual(['aws_iam_policy.admin violation']);
});

test('a guarded synth converts every stack’s Fn.jsonencode values in one run of the converter, and refuses each bad stack', () => {
  const childProcess = require('child_process') as typeof import('child_process');
  const spawn = jest.spyOn(childProcess, 'spawnSync');
  try {
    const app = new App({ outdir: tempDir('jsonencode-synth-') });
    Guardrails.enforce(app, { rules: { [PRIVILEGED]: 'off' } });
    for (const id of ['one', 'two']) {
      const s = new TerraformStack(app, id);
      new AwsProvider(s, 'aws', { region: 'eu-west-1' });
      new IamPolicy(s, 'admin', { policy: Fn.jsonencode({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) });
    }
    const refused: unknown = synthError(app);
    expect(refused).toBeInstanceOf(GuardrailViolationError);
    expect((refused as GuardrailViolationError).violations.filter((v) => v.ruleId === ADMIN).map((v) => `${v.stack} ${v.address}`)).toEqual([
      'one aws_iam_policy.admin',
      'two aws_iam_policy.admin',
    ]);
    // hcl.ts runs `node -e <script> <path of @cdktf/hcl2json>`.
    const converterRuns = spawn.mock.calls.filter(([, args]) => Array.isArray(args) && String(args[2]).includes('hcl2json'));
    expect(converterRuns).toHaveLength(1);
  } finally {
    spawn.mockRestore();
  }
});
