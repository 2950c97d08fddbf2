/**
 * Every rule example, as docs/rules.md and `explain` show it in cdktf TypeScript, is code a cdktf user can
 * paste: each is written into a stack class in its own file in a temporary directory, and the whole set is
 * type-checked with the TypeScript compiler against the installed provider bindings
 * (`new Instance(scope, id, {...})` must compile). Then each is run in a real cdktf app and must synthesize
 * the Terraform JSON of the example itself, so a wrong name or shape cannot hide behind a type that happens
 * to accept it. What cannot compile for a good reason is named below, never skipped in silence.
 *
 * Rule examples show only what the rule looks at, so many leave out fields cdktf requires (a CloudFront
 * distribution's origin); the docs name those in a comment. The type-check renders them as
 * `undefined as never` placeholders instead, which proves the named list both complete (nothing else is
 * missing) and right (a wrong name would be an excess property).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { App, TerraformStack, Testing } from 'cdktf';
import type { CdktfField, CdktfType } from '../../engine/docs/cdktf-binding-types';
import { CDKTF_BINDINGS } from '../../engine/docs/cdktf-bindings';
import { CDKTF_CORE_MODULE, renderCdktfExample, type CdktfSnippet } from '../../engine/docs/cdktf-example';
import type { RuleExample } from '../../engine/rule';
import { builtInRules } from '../../rules';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Examples that cannot be checked against an installed binding, and why: none since lib/tailscale binds every
 * tailscale type a rule covers. A gap must be named here with its reason, never skipped silently.
 */
const KNOWN_GAPS: Record<string, string[]> = {};

function diagnosticText(d: ts.Diagnostic): string {
  const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
  return `TS${d.code} ${where ? `${where.line + 1}:${where.character + 1} ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
}

interface Case {
  readonly label: string;
  readonly example: RuleExample;
  readonly snippet: CdktfSnippet;
  readonly file: string;
}

/** The snippet as a module: its imports, and its lines as the body of a stack's constructor. */
function stackModule(snippet: CdktfSnippet): string {
  const imports = new Map(snippet.imports);
  imports.set(CDKTF_CORE_MODULE, [...new Set(['TerraformStack', ...(imports.get(CDKTF_CORE_MODULE) ?? [])])]);
  return [
    "import type { Construct } from 'constructs';",
    ...[...imports].map(([module, names]) => `import { ${names.join(', ')} } from '${module}';`),
    '',
    'export class Example extends TerraformStack {',
    '  constructor(scope: Construct, id: string) {',
    '    super(scope, id);',
    ...snippet.lines.map((line) => (line ? `    ${line}` : '')),
    '  }',
    '}',
    '',
  ].join('\n');
}

/**
 * Shapes no rule example has yet, which the renderer must write as cdktf takes them: references where the
 * field is not a string (cdktf's Token), to a declared resource (its attribute, in a template literal when
 * part of a string), and a single block written as a list of one.
 */
const SYNTHETIC: Record<string, RuleExample> = {
  'synthetic: kept references typed with Token': {
    resourceType: 'aws_instance',
    body: {
      ami: '${var.ami}',
      monitoring: '${var.monitoring}',
      tags: '${var.tags}',
      metadata_options: [{ http_tokens: 'required', http_put_response_hop_limit: '${var.hops}' }],
    },
  },
  'synthetic: references to declared resources': {
    resourceType: 'aws_eks_cluster',
    body: { name: 'main', role_arn: '${aws_iam_role.eks.arn}', vpc_config: { subnet_ids: ['${aws_subnet.a.id}', 'subnet-${aws_subnet.a.id}'] } },
    others: { aws_subnet: { a: { vpc_id: 'vpc-1', cidr_block: '10.0.0.0/24' } } },
  },
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-examples-'));
const examples: [string, RuleExample][] = [
  ...builtInRules.flatMap((rule) =>
    (['failing', 'passing'] as const).flatMap((which): [string, RuleExample][] => (rule.examples ? [[`${rule.id} ${which}`, rule.examples[which]]] : [])),
  ),
  ...Object.entries(SYNTHETIC),
];
const cases: Case[] = examples.map(([label, example], i) => {
  const snippet = renderCdktfExample(example, { placeholders: true });
  const file = path.join(dir, `${String(i).padStart(3, '0')}-${label.replace(/[^a-z0-9-]+/g, '-')}.ts`);
  fs.writeFileSync(file, stackModule(snippet));
  return { label, example, snippet, file };
});

const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: ['node'],
  typeRoots: [path.join(ROOT, 'node_modules', '@types')],
  // The temporary directory has no node_modules: resolve packages from the repository's, and the
  // package's own tailscale subpath from its source.
  baseUrl: dir,
  paths: {
    'cdktf-guardrails/tailscale': [path.join(ROOT, 'tailscale.ts')],
    '*': [path.join(ROOT, 'node_modules', '*'), path.join(ROOT, 'node_modules', '@types', '*')],
  },
};

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('every rule has both examples, and every example is rendered', () => {
  expect(builtInRules.filter((r) => !r.examples).map((r) => r.id)).toEqual([]);
  expect(cases).toHaveLength(builtInRules.length * 2 + Object.keys(SYNTHETIC).length);
});

test('what cannot be written against an installed binding is exactly the known list', () => {
  const gaps = Object.fromEntries(cases.filter((c) => c.snippet.gaps.length > 0).map((c) => [c.label, [...c.snippet.gaps]]));
  expect(gaps).toEqual(KNOWN_GAPS);
});

describe('type-checked against the installed bindings', () => {
  let diagnostics: Map<string, string[]>;

  beforeAll(() => {
    const program = ts.createProgram(
      cases.map((c) => c.file),
      compilerOptions,
    );
    // Only the examples' own diagnostics: the package's sources they reach (lib/tailscale) are tsc's business.
    diagnostics = new Map(
      cases.map((c) => {
        const source = program.getSourceFile(c.file)!;
        return [c.file, [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map(diagnosticText)];
      }),
    );
  }, 120_000);

  test('every example without a known gap compiles', () => {
    const failing = cases
      .filter((c) => !(c.label in KNOWN_GAPS) && diagnostics.get(c.file)!.length > 0)
      .map((c) => `${c.label} (${c.file}):\n  ${diagnostics.get(c.file)!.join('\n  ')}`);
    expect(failing).toEqual([]);
  });

  test('an example with a gap fails only for it: the `cdktf get` module it imports is not there', () => {
    for (const c of cases.filter((c) => c.label in KNOWN_GAPS)) {
      const errors = diagnostics.get(c.file)!;
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) expect(e).toMatch(/^TS2307 .*'\.\/\.gen\/providers\/tailscale\//);
    }
  });

  test('the docs name the same left-out fields as the placeholders', () => {
    for (const c of cases) expect(renderCdktfExample(c.example).omitted).toEqual(c.snippet.omitted);
  });

  test('the check itself catches a wrong name or shape in the table (so the tests above can fail)', () => {
    const rule = builtInRules.find((r) => r.id === 'imdsv2-required')!;
    const instance = CDKTF_BINDINGS.bindings.aws_instance;
    const metadataOptions = instance.fields.metadata_options;
    const wrong: [string, CdktfField][] = [
      ['a wrong name', { name: 'metadataOption', type: metadataOptions as CdktfType }],
      ['a single block taken for a list', { list: metadataOptions as CdktfType }],
    ];
    for (const [what, field] of wrong) {
      const table = { ...CDKTF_BINDINGS, bindings: { ...CDKTF_BINDINGS.bindings, aws_instance: { ...instance, fields: { ...instance.fields, metadata_options: field } } } };
      const file = path.join(dir, `wrong-${wrong.findIndex(([w]) => w === what)}.ts`);
      fs.writeFileSync(file, stackModule(renderCdktfExample(rule.examples!.passing, { table, placeholders: true })));
      const program = ts.createProgram([file], compilerOptions);
      expect([what, program.getSemanticDiagnostics(program.getSourceFile(file)).length > 0]).toEqual([what, true]);
    }
  }, 60_000);
});

describe('synthesized by cdktf, each gives back its example', () => {
  /** Terraform JSON's equivalent spellings: a single block as an object or a list of one; 30 or "30". */
  function normal(value: unknown): unknown {
    if (Array.isArray(value)) {
      if (value.length === 1 && typeof value[0] === 'object' && value[0] !== null && !Array.isArray(value[0])) return normal(value[0]);
      return value.map(normal);
    }
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([k]) => k !== '//')
          .map(([k, v]) => [k, normal(v)]),
      );
    }
    return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
  }

  /** cdktf writes every field of an attribute-as-block (a security group's ingress), null where unset. */
  function withoutNulls(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(withoutNulls);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([, v]) => v !== null)
          .map(([k, v]) => [k, withoutNulls(v)]),
      );
    }
    return value;
  }

  interface Synthesized {
    readonly resource?: Record<string, Record<string, unknown>>;
    readonly module?: Record<string, unknown>;
  }

  function synthesize(c: Case): Synthesized {
    // The snippet as the docs show it (left-out fields in a comment, not as placeholders).
    const js = ts.transpileModule(stackModule(renderCdktfExample(c.example)), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
    const exports: { Example?: new (scope: App, id: string) => TerraformStack } = {};
    const load = (id: string): unknown => (id === 'cdktf-guardrails/tailscale' ? require('../../tailscale') : require(id));
    new Function('require', 'exports', js.outputText)(load, exports);
    return JSON.parse(Testing.synth(new exports.Example!(Testing.app({ context: { cdktfRelativeModules: ['./modules/empty'] } }), 'test'))) as Synthesized;
  }

  /** A local module's source must exist when cdktf copies it as an asset (relative to the working directory). */
  function inModuleDir<T>(run: () => T): T {
    const source = (cases.find((c) => c.example.resourceType === 'module' && String(c.example.body.source).startsWith('./'))?.example.body.source ?? './modules') as string;
    fs.mkdirSync(path.join(dir, source), { recursive: true });
    fs.writeFileSync(path.join(dir, source, 'main.tf'), '');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      return run();
    } finally {
      process.chdir(cwd);
    }
  }

  const labels = cases.map((c) => c.label).filter((label) => !(label in KNOWN_GAPS));
  test.each(labels)('%s', (label) => {
    const c = cases.find((x) => x.label === label)!;
    const synthesized = c.example.resourceType === 'module' ? inModuleDir(() => synthesize(c)) : synthesize(c);
    if (c.example.resourceType === 'module') {
      // A module call is synthesized under `module`, its inputs next to source and version.
      // cdktf copies a local module into the output as an asset and points `source` at the copy.
      const { source, ...rest } = (synthesized.module?.example ?? {}) as Record<string, unknown>;
      const { source: expectedSource, ...expectedRest } = c.example.body;
      expect(source).toEqual(String(expectedSource).startsWith('./') ? expect.stringMatching(/^\.\/assets\/__cdktf_module_asset_/) : expectedSource);
      expect(normal(rest)).toEqual(normal(expectedRest));
      return;
    }
    const expected: Record<string, Record<string, unknown>> = {};
    for (const [type, byName] of Object.entries(c.example.others ?? {})) expected[type] = { ...byName };
    expected[c.example.resourceType] = { ...(expected[c.example.resourceType] ?? {}), example: c.example.body };
    expect(normal(withoutNulls(synthesized.resource))).toEqual(normal(expected));
  });
});
