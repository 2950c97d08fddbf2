#!/usr/bin/env node
/**
 * Writes engine/docs/cdktf-bindings.ts: for every resource type a rule covers, shows in an example or names
 * in its fix, how cdktf spells it — the deep import path, the class, and each configuration field's
 * name and shape (a nested block cdktf takes as one object or as an array, a map, a list, a scalar).
 * docs/rules.md and `explain --syntax cdktf` render examples and fixes with it; the engine and the rules must
 * never load a provider package, so the table is generated once and committed. Re-run after upgrading a
 * provider package or after adding a rule.
 *
 * It reads the installed bindings themselves, not a naming convention: the generated JavaScript of
 * @cdktf/provider-aws and @cdktf/provider-digitalocean (each resource's constructor, which maps config
 * props to private fields, its `synthesizeAttributes`, and the `*ToTerraform` function of every nested
 * struct, which map them to Terraform names), and the hand-written tailscale bindings in lib/tailscale/,
 * which have the same shape. That is where cdktf's renames live (`get_password_data` → `fetchPasswordData`,
 * `self` → `selfAttribute`) and where a block becomes a single object or an array. The sources are only
 * parsed, never run.
 *
 *   node scripts/generate-cdktf-bindings.js          write the file (reads the rules from dist/: npm run build first)
 *   node scripts/generate-cdktf-bindings.js --check  exit 1 if the committed file is out of date
 */
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const ROOT = path.resolve(__dirname, '..');
const OUTPUT = path.join(ROOT, 'engine/docs/cdktf-bindings.ts');
const COMMAND = 'npm run build && node scripts/generate-cdktf-bindings.js';

/** Provider packages whose lib/<resource>/ modules are read, and how a module is imported. */
const PACKAGES = ['@cdktf/provider-aws', '@cdktf/provider-digitalocean'];

/** The hand-written tailscale bindings (lib/tailscale/), imported by users from the package's subpath. */
const TAILSCALE = { dir: 'lib/tailscale', module: 'cdktf-guardrails/tailscale' };

/** snake_case → camelCase, the rule cdktf's generator applies unless a name would clash. */
function camel(snake) {
  return snake.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
}

function parse(file) {
  const kind = file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, kind);
}

function walk(node, visit) {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

function filesUnder(dir, wanted) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full, wanted) : wanted(e.name) ? [full] : [];
  });
}

/** The name a callee ends with: `cdktf.stringToTerraform`, `(0, index_structs_1.fooToTerraform)`, `fooToTerraform`. */
function calleeName(expr) {
  while (ts.isParenthesizedExpression(expr)) expr = expr.expression;
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.CommaToken) return calleeName(expr.right);
  if (ts.isPropertyAccessExpression(expr)) return expr.name.text;
  if (ts.isIdentifier(expr)) return expr.text;
  return undefined;
}

const SCALARS = { stringToTerraform: 'string', numberToTerraform: 'number', booleanToTerraform: 'boolean', anyToTerraform: 'any' };

/**
 * Which config props are required, from the declarations: `required.config` for the resource's
 * `<Class>Config`, and by `*ToTerraform` function name for each nested struct (the interface its parameter
 * takes). A prop is required when it has no `?`.
 */
function requiredProps(files) {
  const interfaces = new Map();
  const structOf = new Map();
  let config;
  for (const file of files.filter((f) => f.endsWith('.ts'))) {
    walk(parse(file), (node) => {
      if (ts.isInterfaceDeclaration(node)) {
        const props = node.members.filter(ts.isPropertySignature).map((m) => [m.name.getText(), !m.questionToken]);
        interfaces.set(node.name.text, new Set(props.filter(([, required]) => required).map(([name]) => name)));
        const extendsMeta = (node.heritageClauses ?? []).some((h) => h.types.some((t) => /TerraformMetaArguments$/.test(t.expression.getText())));
        if (extendsMeta) config = node.name.text;
      }
      if (ts.isFunctionDeclaration(node) && node.name && /ToTerraform$/.test(node.name.text) && node.parameters[0]?.type) {
        const type = node.parameters[0].type;
        const members = ts.isUnionTypeNode(type) ? type.types : [type];
        const named = members.map((t) => t.getText()).find((t) => !/OutputReference$|IResolvable$/.test(t));
        if (named) structOf.set(node.name.text, named);
      }
    });
  }
  const required = new Map([...structOf].map(([fn, iface]) => [fn, interfaces.get(iface) ?? new Set()]));
  required.set('config', config ? interfaces.get(config) : new Set());
  return required;
}

/**
 * One binding module: its class, the config prop behind each private field, the resource's
 * `synthesizeAttributes` entries and every nested struct's `*ToTerraform` entries.
 */
function readModule(files) {
  /** @type {{ tfType: string | undefined, className: string | undefined, fieldToProp: Map<string, string>, attributes: any, structs: Map<string, any>, required: ReturnType<typeof requiredProps> }} */
  const out = { tfType: undefined, className: undefined, fieldToProp: new Map(), attributes: undefined, structs: new Map(), required: requiredProps(files) };
  for (const file of files.filter((f) => !f.endsWith('.d.ts'))) {
    walk(parse(file), (node) => {
      if (ts.isClassDeclaration(node) && node.name) {
        for (const member of node.members) {
          const init = ts.isPropertyDeclaration(member) && member.name.getText() === 'tfResourceType' && member.initializer;
          if (init && ts.isStringLiteral(init)) {
            out.tfType = init.text;
            out.className = node.name.text;
          }
        }
      }
      // tfResourceType as a static assignment after the class (the compiled JS of the generated bindings).
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)) {
        const left = node.left;
        if (left.name.text === 'tfResourceType' && ts.isIdentifier(left.expression) && ts.isStringLiteral(node.right)) {
          out.tfType = node.right.text;
          out.className = left.expression.text;
        }
        // this._x = config.y;   this._x.internalValue = config.y;
        const target = left.name.text === 'internalValue' && ts.isPropertyAccessExpression(left.expression) ? left.expression : left;
        if (
          ts.isPropertyAccessExpression(target) &&
          target.expression.kind === ts.SyntaxKind.ThisKeyword &&
          ts.isPropertyAccessExpression(node.right) &&
          ts.isIdentifier(node.right.expression) &&
          node.right.expression.text === 'config'
        ) {
          out.fieldToProp.set(target.name.text, node.right.name.text);
        }
      }
      if (
        (ts.isMethodDeclaration(node) && node.name.getText() === 'synthesizeAttributes') ||
        (ts.isFunctionDeclaration(node) && node.name && /ToTerraform$/.test(node.name.text))
      ) {
        const ret = /** @type {import('typescript').ReturnStatement | undefined} */ (
          node.body && node.body.statements.find((s) => ts.isReturnStatement(s) && s.expression && ts.isObjectLiteralExpression(s.expression))
        );
        if (!ret) return;
        const entries = /** @type {import('typescript').ObjectLiteralExpression} */ (ret.expression).properties
          .filter(ts.isPropertyAssignment)
          .map((p) => [p.name.getText().replace(/^['"]|['"]$/g, ''), p.initializer]);
        if (ts.isMethodDeclaration(node)) out.attributes = entries;
        else if (node.name) out.structs.set(node.name.text, entries);
      }
    });
  }
  return out;
}

/**
 * How one entry of a `*ToTerraform` object maps: its config prop and its shape. `expr` is e.g.
 * `cdktf.listMapper(fooToTerraform, true)(struct.fooBar)` or `struct.x === undefined ? null : cdktf.numberToTerraform(struct.x)`.
 */
function entry(module, expr, propOf, seen) {
  if (ts.isConditionalExpression(expr)) expr = expr.whenFalse;
  if (!ts.isCallExpression(expr) || expr.arguments.length !== 1) throw new Error(`unexpected mapping ${expr.getText()}`);
  let arg = expr.arguments[0];
  if (ts.isPropertyAccessExpression(arg) && arg.name.text === 'internalValue') arg = arg.expression;
  if (!ts.isPropertyAccessExpression(arg)) throw new Error(`unexpected argument ${arg.getText()}`);
  return { prop: propOf(arg.name.text), type: mapper(module, expr.expression, seen) };
}

/** The shape a mapper produces: a scalar, `{ list }`, `{ map }` or `{ block }` (a nested struct, one object). */
function mapper(module, expr, seen) {
  if (ts.isCallExpression(expr)) {
    const name = calleeName(expr.expression);
    if (name === 'listMapper') return { list: mapper(module, expr.arguments[0], seen) };
    if (name === 'hashMapper') return { map: mapper(module, expr.arguments[0], seen) };
    throw new Error(`unexpected mapper ${expr.getText()}`);
  }
  const name = calleeName(expr);
  if (name === undefined) throw new Error(`unexpected mapper ${expr.getText()}`);
  if (name in SCALARS) return SCALARS[name];
  const struct = module.structs.get(name);
  if (!struct) throw new Error(`no struct function ${name}`);
  if (seen.has(name)) throw new Error(`recursive struct ${name}`);
  return block(
    fields(module, struct, (prop) => prop, new Set([...seen, name])),
    module.required.get(name),
  );
}

/** Terraform name → cdktf field: the plain type when the prop is the camelCase of the name, else `{ name, type }`. */
function fields(module, entries, propOf, seen) {
  const result = {};
  for (const [tfName, expr] of entries) {
    const { prop, type } = entry(module, expr, propOf, seen);
    result[tfName] = prop === camel(tfName) ? type : { name: prop, type };
  }
  return result;
}

/** A nested block's shape: its fields, and the Terraform names of those cdktf requires (when there are any). */
function block(fieldsByName, requiredProps) {
  const required = Object.entries(fieldsByName)
    .filter(([tfName, field]) => requiredProps?.has(typeof field === 'object' && 'type' in field ? field.name : camel(tfName)))
    .map(([tfName]) => tfName);
  return required.length > 0 ? { block: fieldsByName, required } : { block: fieldsByName };
}

/** The modules that bind resource types: type → { module, files }. */
function bindingIndex(root) {
  const index = new Map();
  for (const pkg of PACKAGES) {
    const lib = path.join(root, 'node_modules', pkg, 'lib');
    for (const entry of fs.readdirSync(lib, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('data-')) continue;
      const dts = path.join(lib, entry.name, 'index.d.ts');
      if (!fs.existsSync(dts)) continue;
      const type = /static readonly tfResourceType = "([a-z0-9_]+)";/.exec(fs.readFileSync(dts, 'utf8'));
      if (type)
        index.set(type[1], {
          module: `${pkg}/lib/${entry.name}`,
          files: filesUnder(path.join(lib, entry.name), (name) => name.endsWith('.js') || name.endsWith('.d.ts')),
        });
    }
  }
  for (const file of filesUnder(path.join(root, TAILSCALE.dir), (name) => name.endsWith('.ts'))) {
    const type = /static readonly tfResourceType = '([a-z0-9_]+)';/.exec(fs.readFileSync(file, 'utf8'));
    if (type) index.set(type[1], { module: TAILSCALE.module, files: [file] });
  }
  return index;
}

function binding(found) {
  const module = readModule(found.files);
  if (!module.className || !module.attributes) throw new Error(`${found.module}: no class with tfResourceType and synthesizeAttributes`);
  const propOf = (field) => {
    const prop = module.fieldToProp.get(field);
    if (!prop) throw new Error(`${found.module}: the constructor does not set this.${field} from config`);
    return prop;
  };
  const all = fields(module, module.attributes, propOf, new Set());
  const { required } = block(all, module.required.get('config'));
  return { module: found.module, className: module.className, fields: all, ...(required ? { required } : {}) };
}

function versionOf(root, pkg) {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

/** The field's shape, whether given plainly or with its cdktf name. */
function typeOf(field) {
  return typeof field === 'object' && 'type' in field ? field.type : field;
}

/** The fields of a nested block (of a block or a list of blocks), if the shape is one. */
function blockOf(type) {
  while (typeof type === 'object' && 'list' in type) type = type.list;
  return typeof type === 'object' && 'block' in type ? type.block : undefined;
}

/**
 * A field with its block's children narrowed to `keep` (which has the same shape as the fields), and the
 * fields cdktf requires kept too. A field kept only because it is required (`keep` undefined) keeps its
 * name and shape, not its children.
 */
function narrowed(field, keep) {
  const narrow = (type) => {
    if (typeof type !== 'object') return type;
    if ('list' in type) return { list: narrow(type.list) };
    if ('block' in type) return keep ? { block: pick(type.block, keep, type.required), ...(type.required ? { required: type.required } : {}) } : { block: {} };
    return type;
  };
  return typeof field === 'object' && 'type' in field ? { name: field.name, type: narrow(field.type) } : narrow(field);
}

function pick(fieldsByName, keep, required = []) {
  const out = {};
  for (const name of [...new Set([...Object.keys(keep), ...required])].sort()) {
    if (fieldsByName[name] !== undefined) out[name] = narrowed(fieldsByName[name], keep[name]);
  }
  return out;
}

/** Mark in `keep` the fields an example body uses, following its nested blocks (one object or a list of them). */
function markBody(fieldsByName, body, keep) {
  if (body === null || typeof body !== 'object') return;
  for (const item of Array.isArray(body) ? body : [body]) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
    for (const [key, value] of Object.entries(item)) {
      if (fieldsByName[key] === undefined) continue; // not in the binding: the type-check test names it
      keep[key] ??= {};
      const block = blockOf(typeOf(fieldsByName[key]));
      if (block) markBody(block, value, keep[key]);
    }
  }
}

/** Mark in `keep` every field, at any depth, whose Terraform name is in `names` (with the blocks around it). */
function markNames(fieldsByName, names, keep) {
  let found = false;
  for (const [key, field] of Object.entries(fieldsByName)) {
    const block = blockOf(typeOf(field));
    const inner = keep[key] ?? {};
    const below = block ? markNames(block, names, inner) : false;
    if (below || names.has(key)) {
      keep[key] = inner;
      found = true;
    }
  }
  return found;
}

/**
 * The Terraform names a fix text may use: every identifier inside backticks, and snake_case words outside
 * them (`root_block_device`). Which of them are fields is for the bindings to say.
 */
function namesInFix(fix) {
  const names = new Set();
  fix.split('`').forEach((part, i) => {
    const inCode = i % 2 === 1;
    for (const m of part.replace(/"(?:[^"\\]|\\.)*"/g, '""').matchAll(/(?<![\w.:/<$-])[a-z][a-z0-9]*(?:_[a-z0-9]+)*(?![\w:>-])/g)) {
      if (inCode || m[0].includes('_')) names.add(m[0]);
    }
  });
  return names;
}

/**
 * The table for `rules` (their metadata) from the bindings installed under `root`: `bindings` by resource
 * type (and provider name), narrowed to the fields the rules' examples and fix texts use; `unbound`, the
 * resource types no installed binding declares; and the provider versions read. `typesOf` is
 * engine/docs/cdktf-rule-types.ts's `cdktfTypesOf`, which the fix translator uses too.
 */
function generateTable(rules, typesOf, root = ROOT) {
  const index = bindingIndex(root);
  const full = new Map();
  const unbound = [];
  for (const type of [...new Set(rules.flatMap(typesOf))].sort()) {
    if (type === 'module') continue; // a module call: cdktf's TerraformHclModule, not a provider binding
    const found = index.get(type);
    if (found) full.set(type, binding(found));
    else if (type.includes('_')) unbound.push(type); // a provider without a binding (tailscale's) is never rendered
  }
  const keep = new Map([...full.keys()].map((type) => [type, {}]));
  for (const rule of rules) {
    for (const example of rule.examples ? [rule.examples.failing, rule.examples.passing] : []) {
      const bodies = [
        [example.resourceType, example.body],
        ...Object.entries(example.others ?? {}).flatMap(([t, byName]) => Object.values(byName).map((b) => [t, b])),
      ];
      for (const [type, body] of bodies) if (full.has(type)) markBody(full.get(type).fields, body, keep.get(type));
    }
    const names = namesInFix(rule.fix);
    for (const type of typesOf(rule)) if (full.has(type)) markNames(full.get(type).fields, names, keep.get(type));
  }
  const bindings = {};
  for (const [type, b] of full) {
    bindings[type] = {
      module: b.module,
      className: b.className,
      fields: pick(b.fields, keep.get(type), b.required),
      ...(b.required ? { required: b.required } : {}),
    };
  }
  const versions = Object.fromEntries(PACKAGES.map((pkg) => [pkg, versionOf(root, pkg)]));
  return { versions, bindings, unbound };
}

function render(table) {
  const from = Object.entries(table.versions)
    .map(([pkg, v]) => `${pkg} ${v}`)
    .join(', ');
  return [
    '/**',
    ' * How cdktf spells the resource types (and providers) the rules use: deep import path, class, and the',
    " * configuration fields the rules' examples and fix texts use, with their shapes, plus the fields cdktf requires.",
    ' * A field is `{ name, type }` where cdktf renames it, else just its type.',
    ` * Generated by scripts/generate-cdktf-bindings.js from ${from} and lib/tailscale; do not edit.`,
    ` * Regenerate: ${COMMAND}`,
    ' */',
    "import type { CdktfBindingTable } from './cdktf-binding-types';",
    '',
    `export const CDKTF_BINDINGS: CdktfBindingTable = ${JSON.stringify(table)};`,
    '',
  ].join('\n');
}

/** The file's contents, formatted as the repository formats TypeScript. */
async function generate(rules, typesOf, root = ROOT) {
  const prettier = require('prettier');
  const options = (await prettier.resolveConfig(OUTPUT)) ?? {};
  return prettier.format(render(generateTable(rules, typesOf, root)), { ...options, filepath: OUTPUT });
}

module.exports = { generate, generateTable, OUTPUT, COMMAND };

if (require.main === module) {
  const { builtInRules } = require(path.join(ROOT, 'dist', 'rules'));
  const { cdktfTypesOf } = require(path.join(ROOT, 'dist', 'engine', 'docs', 'cdktf-rule-types'));
  generate(builtInRules, cdktfTypesOf).then(
    (expected) => {
      if (process.argv.includes('--check')) {
        const actual = fs.existsSync(OUTPUT) ? fs.readFileSync(OUTPUT, 'utf8') : '';
        if (actual !== expected) {
          console.error(`${path.relative(ROOT, OUTPUT)} is out of date: run ${COMMAND}`);
          process.exit(1);
        }
      } else {
        fs.writeFileSync(OUTPUT, expected);
        console.log(`wrote ${path.relative(ROOT, OUTPUT)}`);
      }
    },
    (error) => {
      console.error(`generate-cdktf-bindings: ${error.message}`);
      process.exit(2);
    },
  );
}
