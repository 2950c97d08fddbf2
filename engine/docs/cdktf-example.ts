/**
 * A rule example (Terraform JSON) as the cdktf TypeScript that synthesizes it: the provider class by its deep
 * import path, camelCase props, a nested block as one object or an array as the binding takes it. The names
 * and shapes come from the generated table (cdktf-bindings.ts), never from a provider package at runtime.
 *
 * The snippet is the body of a stack's constructor (`this` is the stack). How what Terraform JSON can say
 * but a literal cannot is written:
 * - A reference to a resource the example declares (`${aws_kms_key.k.arn}` with aws_kms_key.k in `others`)
 *   becomes that construct's attribute (`k.arn`), inside a template literal when it is part of a string.
 * - A reference to anything else (a resource the example does not declare, `var.x`) is kept as the string
 *   Terraform wrote, which cdktf passes through unchanged, so the snippet still synthesizes the example; a
 *   comment above the code lists them, since in a stack one would use the construct's attribute instead.
 *   Where the field is not a string, the kept reference is typed with cdktf's `Token` (`Token.asNumber`).
 * - A string attribute holding JSON (a policy, container definitions) is written as `JSON.stringify({...})`
 *   when that gives back exactly the same string, as cdktf code usually builds it.
 * - A field the installed binding does not have, or a resource type no installed binding declares (rendered
 *   for the bindings `cdktf get` would generate), is written by the plain camelCase rule and reported in
 *   `gaps`, so that the type-check test can name it instead of skipping it.
 */
import type { RuleExample } from '../rule';
import type { CdktfBindingTable, CdktfField, CdktfFields, CdktfType } from './cdktf-binding-types';
import { CDKTF_BINDINGS } from './cdktf-bindings';

/** A rendered example: what to import, and the statements of a stack's constructor. */
export interface CdktfSnippet {
  /** Module → the names imported from it (`Vpc as DigitaloceanVpc` when two classes share a name). */
  readonly imports: ReadonlyMap<string, readonly string[]>;
  /** The statements, comments included, one string per line. */
  readonly lines: readonly string[];
  /** What could not be written against an installed binding, e.g. `aws_x.example: no field foo`. */
  readonly gaps: readonly string[];
  /** Fields cdktf requires that the example leaves out (it shows only what the rule looks at), e.g. `aws_x.example: origin`. */
  readonly omitted: readonly string[];
}

export interface CdktfRenderOptions {
  /** @default the table generated from the installed bindings */
  readonly table?: CdktfBindingTable;
  /**
   * Write each required field the example leaves out as `name: undefined as never` instead of naming it in a
   * comment, so that the snippet type-checks and the type-check proves the list complete (for tests).
   * @default false
   */
  readonly placeholders?: boolean;
}

/** The package cdktf's own classes come from. */
export const CDKTF_CORE_MODULE = 'cdktf';

/** The example's resources in cdktf TypeScript, imports first. */
export function cdktfExampleText(example: RuleExample, options: CdktfRenderOptions = {}): string {
  const snippet = renderCdktfExample(example, options);
  const imports = [...snippet.imports].map(([module, names]) => `import { ${names.join(', ')} } from '${module}';`);
  return [...imports, '', ...snippet.lines].join('\n');
}

interface Resource {
  readonly type: string;
  readonly name: string;
  readonly body: Record<string, unknown>;
}

/** What rendering one example accumulates. */
interface Context {
  readonly table: CdktfBindingTable;
  readonly placeholders: boolean;
  /** `type.name` → the variable holding its construct, for the resources this example declares. */
  readonly vars: Map<string, string>;
  /** References kept as Terraform wrote them. */
  readonly kept: Set<string>;
  readonly gaps: string[];
  readonly omitted: string[];
  readonly imports: Map<string, string[]>;
  /** Class name → the module it was imported from (to alias a second class of the same name). */
  readonly classes: Map<string, string>;
  /** The `type.name` being rendered, for messages. */
  where: string;
}

const WIDTH = 100;

export function renderCdktfExample(example: RuleExample, options: CdktfRenderOptions = {}): CdktfSnippet {
  const resources: Resource[] = [];
  for (const [type, byName] of Object.entries(example.others ?? {})) {
    for (const [name, body] of Object.entries(byName)) if (!(type === example.resourceType && name === 'example')) resources.push({ type, name, body });
  }
  resources.push({ type: example.resourceType, name: 'example', body: example.body });
  const ctx: Context = {
    table: options.table ?? CDKTF_BINDINGS,
    placeholders: options.placeholders ?? false,
    vars: new Map(),
    kept: new Set(),
    gaps: [],
    omitted: [],
    imports: new Map(),
    classes: new Map(),
    where: '',
  };

  const ordered = inDependencyOrder(resources);
  const referenced = new Set(ordered.flatMap((r) => [...referencesIn(r.body)]));
  // Terraform lets resources of different types share a name; construct ids must differ, so every one but
  // the example itself gets a longer id and keeps its Terraform name with overrideLogicalId.
  const main = resources[resources.length - 1];
  const ids = new Map(ordered.map((r) => [r, r !== main && ordered.filter((o) => o.name === r.name).length > 1 ? `${r.name}-${kebab(r.type)}` : r.name]));
  const taken = new Set<string>();
  for (const r of ordered) {
    const address = `${r.type}.${r.name}`;
    if (!referenced.has(address) && overridesOf(r).length === 0 && ids.get(r) === r.name) continue;
    const base = identifier(camel(r.name));
    const name = taken.has(base) || RESERVED.has(base) ? `${base}${pascal(r.type.replace(/^[a-z]+_/, ''))}` : base;
    taken.add(name);
    ctx.vars.set(address, name);
  }

  const statements: string[] = [];
  const declared = new Set<string>();
  for (const r of ordered) {
    const address = `${r.type}.${r.name}`;
    ctx.where = address;
    // A reference to a resource declared further down (a cycle) cannot be a variable yet: kept as written.
    const visible = new Map([...ctx.vars].filter(([a]) => declared.has(a)));
    const [comments, statement] = renderResource(r, ids.get(r)!, { ...ctx, vars: visible });
    declared.add(address);
    const variable = ctx.vars.get(address);
    statements.push(...comments, ...(variable ? `const ${variable} = ${statement}` : statement).split('\n'));
    if (variable && ids.get(r) !== r.name) statements.push(`${variable}.overrideLogicalId(${quote(r.name)});`);
    for (const [key, value] of overridesOf(r)) statements.push(`${variable}.addOverride(${quote(key)}, ${layout(json(value, { ...ctx, vars: visible }), 0, 40)});`);
    statements.push('');
  }
  statements.pop();
  const comment = ctx.kept.size > 0 ? keptComment([...ctx.kept]) : [];
  return { imports: ctx.imports, lines: [...comment, ...statements], gaps: ctx.gaps, omitted: ctx.omitted };
}

/**
 * Meta-arguments cdktf's config has no prop for, written with the escape hatch `addOverride`: `count` on a
 * module, and `depends_on`, `provider`, `for_each`, `provisioner` and `connection` given as Terraform
 * strings (cdktf wants constructs and iterators there).
 */
function overridesOf(r: Resource): [string, unknown][] {
  const keys = r.type === 'module' ? ['count', ...ESCAPED_META] : ESCAPED_META;
  return Object.entries(r.body).filter(([key]) => keys.includes(key));
}

const ESCAPED_META = ['depends_on', 'provider', 'for_each', 'provisioner', 'connection'];

function keptComment(kept: readonly string[]): string[] {
  const them = kept.length === 1 ? 'it' : 'them';
  const text =
    `Not declared in this example, so kept as Terraform wrote ${them} (cdktf passes ${them} through; in a stack, ` +
    `use the construct's attribute or the TerraformVariable instead): ${kept.map((k) => `\${${k}}`).join(', ')}`;
  const lines: string[] = [];
  let line = '//';
  for (const word of text.split(' ')) {
    if (line.length + 1 + word.length > WIDTH && line !== '//') {
      lines.push(line);
      line = '//';
    }
    line += ` ${word}`;
  }
  return [...lines, line];
}

/** Comment lines, and `new Class(this, 'id', { ... });` */
function renderResource(r: Resource, id: string, ctx: Context): [string[], string] {
  const body = Object.fromEntries(Object.entries(r.body).filter(([key]) => !overridesOf(r).some(([k]) => k === key)));
  if (r.type === 'module') return [[], renderModule(body, id, ctx)];
  const binding = ctx.table.bindings[r.type];
  let className: string;
  const comments: string[] = [];
  if (binding) className = importClass(binding.className, binding.module, ctx);
  else {
    // No installed binding (some tailscale resources): the class `cdktf get` generates for the provider.
    const [provider, ...rest] = r.type.split('_');
    className = importClass(pascal(rest.join('_')), `./.gen/providers/${provider}/${rest.join('-')}`, ctx);
    comments.push(`// No prebuilt binding for ${r.type}: \`cdktf get\` generates this class.`);
    ctx.gaps.push(`${ctx.where}: no installed binding for ${r.type} (rendered for \`cdktf get\`)`);
  }
  const entries: Entry[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (key === 'count') entries.push(['count', valueNode(value, 'number', ctx)]);
    else if (key === 'lifecycle' && isRecord(value)) {
      entries.push(['lifecycle', { kind: 'object', entries: Object.entries(value).map(([k, v]): Entry => [camel(k), json(v, ctx)]) }]);
    } else entries.push(fieldEntry(key, value, binding?.fields, ctx, !binding));
  }
  const config: Node = { kind: 'object', entries: withRequired(entries, body, binding?.fields ?? {}, binding?.required, ctx) };
  return [comments, `new ${className}(this, ${quote(id)}, ${layout(config, 0)});`];
}

/** A module call: cdktf's TerraformHclModule, the module's inputs under `variables`. */
function renderModule(body: Record<string, unknown>, id: string, ctx: Context): string {
  const className = importClass('TerraformHclModule', CDKTF_CORE_MODULE, ctx);
  const entries: Entry[] = [];
  const variables: Entry[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (key === 'source' || key === 'version') entries.push([key, valueNode(value, 'string', ctx)]);
    else variables.push([key, json(value, ctx)]);
  }
  if (variables.length > 0) entries.push(['variables', { kind: 'object', entries: variables }]);
  return `new ${className}(this, ${quote(id)}, ${layout({ kind: 'object', entries }, 0)});`;
}

/**
 * The entries, and the fields cdktf requires that the example leaves out: named in a comment at the top of
 * the object (a rule example shows only what the rule looks at), or as `undefined as never` placeholders.
 */
function withRequired(entries: Entry[], body: Record<string, unknown>, fields: CdktfFields, required: readonly string[] | undefined, ctx: Context): Entry[] {
  const missing = (required ?? []).filter((name) => !(name in body)).map((name) => cdktfName(name, fields[name]));
  if (missing.length === 0) return entries;
  ctx.omitted.push(`${ctx.where}: ${missing.join(', ')}`);
  if (ctx.placeholders) return [...entries, ...missing.map((name): Entry => [name, raw('undefined as never')])];
  return [[`// Also required, left out of this example: ${missing.join(', ')}`, raw('')], ...entries];
}

function cdktfName(tfName: string, field: CdktfField | undefined): string {
  return typeof field === 'object' && 'type' in field ? field.name : camel(tfName);
}

function fieldEntry(key: string, value: unknown, fields: CdktfFields | undefined, ctx: Context, unbound: boolean): Entry {
  const field: CdktfField | undefined = fields?.[key];
  if (field === undefined) {
    if (!unbound) ctx.gaps.push(`${ctx.where}: ${key} is not a field of the installed binding`);
    return [camel(key), valueNode(value, 'any', ctx)];
  }
  const type = typeof field === 'object' && 'type' in field ? field.type : field;
  return [cdktfName(key, field), valueNode(value, type, ctx)];
}

/** A value as the field's type wants it. */
function valueNode(value: unknown, type: CdktfType, ctx: Context): Node {
  if (typeof value === 'string' && value.includes('${') && type !== 'string' && type !== 'any') return token(value, type, ctx);
  if (typeof type === 'object' && 'block' in type) {
    // One object in cdktf, whether Terraform JSON wrote an object or a list of one.
    const items = Array.isArray(value) ? value : [value];
    if (items.length !== 1 || !isRecord(items[0])) {
      ctx.gaps.push(`${ctx.where}: a single block given ${items.length} times`);
      return json(value, ctx);
    }
    return blockNode(items[0], type, ctx);
  }
  if (typeof type === 'object' && 'list' in type) {
    const items = Array.isArray(value) ? value : typeof type.list === 'object' && 'block' in type.list && isRecord(value) ? [value] : undefined;
    if (!items) return json(value, ctx);
    const of = type.list;
    return { kind: 'array', items: items.map((item) => (typeof of === 'object' && 'block' in of && isRecord(item) ? blockNode(item, of, ctx) : valueNode(item, of, ctx))) };
  }
  if (typeof type === 'object' && 'map' in type) {
    if (!isRecord(value)) return json(value, ctx);
    return { kind: 'object', entries: Object.entries(value).map(([k, v]): Entry => [k, valueNode(v, type.map, ctx)]) };
  }
  switch (type) {
    case 'string':
      if (typeof value === 'string') return stringValue(value, ctx, true);
      // Terraform converts a number or a bool to the string the attribute wants; cdktf's types do not.
      if (typeof value === 'number' || typeof value === 'boolean') return raw(quote(String(value)));
      return json(value, ctx);
    case 'number':
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return raw(String(Number(value)));
      return json(value, ctx);
    case 'boolean':
      if (value === 'true' || value === 'false') return raw(value);
      return json(value, ctx);
    default:
      return json(value, ctx);
  }
}

function blockNode(body: Record<string, unknown>, type: { readonly block: CdktfFields; readonly required?: readonly string[] }, ctx: Context): Node {
  const entries = Object.entries(body).map(([k, v]) => fieldEntry(k, v, type.block, ctx, false));
  return { kind: 'object', entries: withRequired(entries, body, type.block, type.required, ctx) };
}

/** A reference where the field is not a string: typed with cdktf's Token. */
function token(value: string, type: CdktfType, ctx: Context): Node {
  const as =
    type === 'number'
      ? 'asNumber'
      : typeof type === 'object' && 'list' in type
        ? type.list === 'number'
          ? 'asNumberList'
          : 'asList'
        : typeof type === 'object' && 'map' in type
          ? type.map === 'number'
            ? 'asNumberMap'
            : type.map === 'boolean'
              ? 'asBooleanMap'
              : 'asStringMap'
          : 'asAny';
  const tokenClass = importClass('Token', CDKTF_CORE_MODULE, ctx);
  return { kind: 'raw', text: `${tokenClass}.${as}(${flat(stringValue(value, ctx, false))})` };
}

/** JSON as written (keys verbatim), strings with references handled. */
function json(value: unknown, ctx: Context): Node {
  if (typeof value === 'string') return stringValue(value, ctx, false);
  if (Array.isArray(value)) return { kind: 'array', items: value.map((v) => json(v, ctx)) };
  if (isRecord(value)) return { kind: 'object', entries: Object.entries(value).map(([k, v]): Entry => [k, json(v, ctx)]) };
  return raw(value === undefined ? 'undefined' : JSON.stringify(value));
}

/** A string: JSON text as JSON.stringify({...}) when that is exact, references as attributes or kept. */
function stringValue(s: string, ctx: Context, mayBeJson: boolean): Node {
  if (mayBeJson && /^\s*[[{]/.test(s)) {
    try {
      const parsed: unknown = JSON.parse(s);
      if (typeof parsed === 'object' && parsed !== null && JSON.stringify(parsed) === s) {
        return { kind: 'call', callee: 'JSON.stringify', argument: json(parsed, ctx) };
      }
    } catch {
      // not JSON: an ordinary string
    }
  }
  const pieces = s.split(/(\$\{[^{}]*\})/);
  let usesVariable = false;
  const rendered = pieces.map((piece, i) => {
    if (i % 2 === 0) return { text: piece, variable: false };
    const expression = piece.slice(2, -1);
    const ref = /^([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)\.([a-z][a-z0-9_]*)$/.exec(expression);
    const variable = ref ? ctx.vars.get(`${ref[1]}.${ref[2]}`) : undefined;
    if (ref && variable) {
      usesVariable = true;
      return { text: `${variable}.${camel(ref[3])}`, variable: true };
    }
    ctx.kept.add(expression);
    return { text: piece, variable: false };
  });
  if (!usesVariable) return raw(quote(s));
  if (rendered.length === 3 && rendered[0].text === '' && rendered[2].text === '') return raw(rendered[1].text);
  return raw(`\`${rendered.map((p) => (p.variable ? `\${${p.text}}` : p.text.replace(/[`\\]|\$\{/g, (c) => `\\${c}`))).join('')}\``);
}

/** Import a class once; a second class of the same name from another module gets an alias. */
function importClass(className: string, module: string, ctx: Context): string {
  let local = className;
  const owner = ctx.classes.get(className);
  if (owner !== undefined && owner !== module) {
    local = `${pascal(module.replace(/^.*provider-([a-z]+).*$/, '$1'))}${className}`;
  }
  const names = ctx.imports.get(module) ?? [];
  const spec = local === className ? className : `${className} as ${local}`;
  if (!names.includes(spec)) names.push(spec);
  ctx.imports.set(module, names);
  if (owner === undefined) ctx.classes.set(className, module);
  return local;
}

/** Resources after those whose attributes they use (a stable order otherwise); cycles keep their order. */
function inDependencyOrder(resources: readonly Resource[]): Resource[] {
  const byAddress = new Map(resources.map((r) => [`${r.type}.${r.name}`, r]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: Resource[] = [];
  const visit = (r: Resource): void => {
    const address = `${r.type}.${r.name}`;
    if (done.has(address) || visiting.has(address)) return;
    visiting.add(address);
    for (const dep of referencesIn(r.body)) {
      const target = byAddress.get(dep);
      if (target) visit(target);
    }
    visiting.delete(address);
    done.add(address);
    out.push(r);
  };
  resources.forEach(visit);
  return out;
}

/** The `type.name` of every resource a body refers to (`${type.name.attr}`). */
function referencesIn(value: unknown): Set<string> {
  const found = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const m of v.matchAll(/\$\{([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)\.[a-z][a-z0-9_]*\}/g)) found.add(`${m[1]}.${m[2]}`);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (isRecord(v)) Object.values(v).forEach(walk);
  };
  walk(value);
  return found;
}

// ---- layout: objects and arrays inline when they fit, one entry a line otherwise ----

type Entry = readonly [key: string, value: Node];
type Node =
  | { readonly kind: 'raw'; readonly text: string }
  | { readonly kind: 'object'; readonly entries: readonly Entry[] }
  | { readonly kind: 'array'; readonly items: readonly Node[] }
  | { readonly kind: 'call'; readonly callee: string; readonly argument: Node };

function raw(text: string): Node {
  return { kind: 'raw', text };
}

function key(k: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : quote(k);
}

/** An entry whose key starts with `//` is a comment line, kept out of the object itself. */
function isComment(entry: Entry): boolean {
  return entry[0].startsWith('//');
}

function containsComment(node: Node): boolean {
  if (node.kind === 'object') return node.entries.some((e) => isComment(e) || containsComment(e[1]));
  if (node.kind === 'array') return node.items.some(containsComment);
  return node.kind === 'call' && containsComment(node.argument);
}

function flat(node: Node): string {
  switch (node.kind) {
    case 'raw':
      return node.text;
    case 'call':
      return `${node.callee}(${flat(node.argument)})`;
    case 'array':
      return `[${node.items.map(flat).join(', ')}]`;
    case 'object': {
      const entries = node.entries.filter((e) => !isComment(e));
      return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${key(k)}: ${flat(v)}`).join(', ')} }`;
    }
  }
}

/** The node at `indent` spaces, where `used` columns of its first line are already taken. */
function layout(node: Node, indent: number, used = indent + 30): string {
  const oneLine = flat(node);
  const hasComment = containsComment(node);
  if (!hasComment && used + oneLine.length <= WIDTH && !oneLine.includes('\n')) return oneLine;
  const pad = ' '.repeat(indent + 2);
  switch (node.kind) {
    case 'raw':
      return node.text;
    case 'call':
      return `${node.callee}(${layout(node.argument, indent, used + node.callee.length + 1)})`;
    case 'array':
      return `[\n${node.items.map((item) => `${pad}${layout(item, indent + 2)},`).join('\n')}\n${' '.repeat(indent)}]`;
    case 'object':
      return `{\n${node.entries
        .map((entry) => {
          if (isComment(entry)) return `${pad}${entry[0]}`;
          const prefix = `${key(entry[0])}: `;
          return `${pad}${prefix}${layout(entry[1], indent + 2, indent + 2 + prefix.length)},`;
        })
        .join('\n')}\n${' '.repeat(indent)}}`;
  }
}

// ---- names ----

/** snake_case → camelCase, cdktf's rule where the binding does not say otherwise. */
export function camel(snake: string): string {
  return snake.replace(/[_-]([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function kebab(type: string): string {
  return type.replace(/^[a-z]+_/, '').replace(/_/g, '-');
}

function pascal(snake: string): string {
  const c = camel(snake);
  return c.charAt(0).toUpperCase() + c.slice(1);
}

const RESERVED = new Set(['this', 'new', 'default', 'class', 'function', 'var', 'let', 'const', 'delete', 'in', 'do', 'if', 'for', 'switch', 'case', 'import', 'export', 'return', 'public', 'private', 'Token']);

function identifier(name: string): string {
  return /^[A-Za-z_$]/.test(name) ? name : `r${name}`;
}

function quote(s: string): string {
  return `'${s.replace(/[\\']/g, (c) => `\\${c}`).replace(/[\u0000-\u001f\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))}'`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
