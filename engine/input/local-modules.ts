/**
 * Local modules, read: a module call whose `source` is a local path (`./modules/x`, `../shared/net`, or the
 * `./assets/__cdktf_module_asset_…/<hash>/x` that cdktf writes for a TerraformHclModule on a local
 * directory) is read from that directory as Terraform reads a module (every `*.tf`, converted with
 * HashiCorp's HCL parser, and `*.tf.json`, regular files only, size-capped, override files merged last),
 * and its resources are added to the stack under Terraform's addresses (`module.net.aws_subnet.a`,
 * `module.app.module.db.aws_db_instance.main`), owned by the call's construct (so a suppression on the
 * module construct covers them).
 *
 * What the module receives is what the call gives it: `var.x` is the call's argument where that is known
 * (else the variable's default), `local.x` is the local's value; anything else stays an expression, which
 * the rules report as unknown (see module-expressions.ts). Nothing is guessed:
 *
 * - `count` / `for_each` on the call: a literal count or collection gives one copy per instance
 *   (`module.x[0]`, `module.x["a"]`, with `count.index` / `each.*` known); `count = 0` or an empty
 *   collection creates nothing; an expression gives one copy, `module.x[*]`, standing for every instance,
 *   with `count.index` / `each.*` unknown.
 * - A directory that does not exist, is not a directory, or (at synth) is a symbolic link, a module that
 *   calls itself (directly or through others), nesting deeper than MAX_DEPTH, an argument the module does
 *   not declare, or a required variable the call does not set is a GuardrailInputError naming the call:
 *   Terraform rejects these too, and a module that was not read is never passed.
 * - Registry and remote sources, and a source that is an expression, are left alone: the call stays a
 *   call, which module-contents-unverified reports as unknown unless it is approved.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { JsonObject, ProviderRecord, ResourceRecord, StackDocument } from '../types';
import { isObject } from '../values';
import { hclFilesToJson, hclToJson } from './hcl';
import { GuardrailInputError } from './input-error';
import { overrideBody } from './merge-module';
import { rewriteValue, type Lookup } from './module-expressions';
import { readJsonFile, readProblem, readRegularFile, type ReadLimits } from './read-json';
import { readModule } from './read-module';
import { terraformFiles, type TerraformFile } from './terraform-directory';
import { assertNesting } from './nesting';

/** How deep local modules may call local modules. Real configurations nest two or three levels. */
export const MAX_DEPTH = 16;
/** Instances of one call expanded one by one; a larger literal count or collection is expanded once, as `[*]`. */
export const MAX_INSTANCES = 32;
/** Locals that refer to locals, followed at most this deep; past it a local stays an expression. */
const MAX_LOCAL_CHAIN = 64;
/** Resources, data sources and calls added from modules to one stack, at most. */
export const MAX_MODULE_RECORDS = 50_000;

export interface LocalModuleOptions {
  /** The root module's directory, where Terraform runs: local sources are resolved against it. */
  readonly dir: string;
  /** That directory as shown to the user. */
  readonly label: string;
  /**
   * Where the root directory's files are now, when not at `dir` (synth reads a staged copy that is moved
   * to `dir` once accepted): a module inside `dir` is read from here, one outside it from where it is.
   */
  readonly readDir?: string;
  /** Whether symbolic links may stand for module directories and configuration files (see terraformFiles). */
  readonly symlinks: 'refuse' | 'follow';
  readonly limits?: ReadLimits;
}

export interface ExpandedStack {
  readonly stack: StackDocument;
  /** Address → the module file that defines it, for every record read from a module. */
  readonly files: ReadonlyMap<string, string>;
}

/** Whether Terraform treats a module source as a local path (internal/addrs/module_source.go). */
export function isLocalSource(source: unknown): source is string {
  return typeof source === 'string' && (source.startsWith('./') || source.startsWith('../'));
}

/** Add the resources of every local module the stack calls (recursively); other calls are left as they are. */
export function expandLocalModules(stack: StackDocument, options: LocalModuleOptions): ExpandedStack {
  const calls = stack.resources.filter((r) => r.mode === 'module' && isLocalSource(r.body.source));
  if (calls.length === 0) return { stack, files: new Map() };
  const root = path.resolve(options.dir);
  const modules = new ModuleLoader(options, root).load(calls);
  const expander = new Expander(modules, options.label);
  const rootScope: Scope = { dir: root, resolveProvider: (ref) => ref };
  const resources: ResourceRecord[] = [];
  for (const record of stack.resources) {
    const added = record.mode === 'module' ? expander.expandCall(record, rootScope, 1, []) : undefined;
    if (added === undefined) resources.push(record);
    else resources.push({ ...record, readFrom: added.label }, ...added.records);
  }
  return { stack: { ...stack, resources, providers: [...stack.providers, ...expander.providers] }, files: expander.files };
}

// ---------------------------------------------------------------------------------------------------------
// Reading module directories
// ---------------------------------------------------------------------------------------------------------

interface LoadedModule {
  readonly label: string;
  /** Resources, data sources and module calls, with the module's own (local) addresses. */
  readonly records: readonly ResourceRecord[];
  /** Provider configurations the module declares itself (legacy, but Terraform accepts them). */
  readonly providers: readonly ProviderRecord[];
  /** Local address → file label. */
  readonly files: ReadonlyMap<string, string>;
  readonly variables: ReadonlyMap<string, JsonObject>;
  readonly locals: ReadonlyMap<string, unknown>;
  readonly resourceTypes: ReadonlySet<string>;
}

interface Wanted {
  readonly dir: string;
  /** The call that names it first, and its source, for messages. */
  readonly via: string;
  readonly source: string;
}

class ModuleLoader {
  private readonly modules = new Map<string, LoadedModule>();

  constructor(
    private readonly options: LocalModuleOptions,
    private readonly root: string,
  ) {}

  /**
   * Every local module reachable from `calls`, one depth at a time (the HCL files of one depth are converted
   * together). Like `terraform init`, every call is installed, whatever its count.
   */
  load(calls: readonly ResourceRecord[]): ReadonlyMap<string, LoadedModule> {
    let wanted: Wanted[] = calls.map((c) => ({ dir: path.resolve(this.root, c.body.source as string), via: c.address, source: c.body.source as string }));
    for (let depth = 1; depth <= MAX_DEPTH && wanted.length > 0; depth++) {
      const level = new Map<string, Wanted>();
      for (const w of wanted) if (!this.modules.has(w.dir) && !level.has(w.dir)) level.set(w.dir, w);
      const listed = [...level.values()].map((w) => ({ wanted: w, files: this.list(w) }));
      const converted = this.convertHcl(listed);
      wanted = [];
      for (const { wanted: w } of listed) {
        const module = this.read(w, converted);
        this.modules.set(w.dir, module);
        for (const r of module.records) {
          if (r.mode === 'module' && isLocalSource(r.body.source)) {
            wanted.push({ dir: path.resolve(w.dir, r.body.source), via: `${w.via}.${r.address}`, source: r.body.source });
          }
        }
      }
    }
    return this.modules;
  }

  /** The module's directory checked, and its configuration files listed. */
  private list(w: Wanted): TerraformFile[] {
    const where = this.readPath(w.dir);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(where);
      if (stat.isSymbolicLink()) {
        if (this.options.symlinks === 'refuse') {
          throw this.callError(w, 'which is a symbolic link; Terraform would read whatever it points to when it runs, which is not what was checked');
        }
        stat = fs.statSync(where);
      }
    } catch (error) {
      if (error instanceof GuardrailInputError) throw error;
      throw this.callError(w, `which ${readProblem(error)}: Terraform cannot install the module, and what it creates cannot be checked`);
    }
    if (!stat.isDirectory()) throw this.callError(w, 'which is not a directory: Terraform cannot install the module, and what it creates cannot be checked');
    return this.withCall(w, () => terraformFiles(where, { label: this.labelOf(w.dir), symlinks: this.options.symlinks }));
  }

  /** The HCL files of a whole depth, converted in one go: file path → its text and JSON. */
  private convertHcl(listed: readonly { wanted: Wanted; files: readonly TerraformFile[] }[]): Map<string, { text: string; json: JsonObject }> {
    const hcl: { file: string; text: string; fileName: string; label: string; wanted: Wanted }[] = [];
    for (const { wanted, files } of listed) {
      for (const f of files) {
        if (f.syntax !== 'hcl') continue;
        const label = `${this.labelOf(wanted.dir)}/${f.name}`;
        hcl.push({ file: f.file, text: this.withCall(wanted, () => readRegularFile(f.file, label, this.options.limits)), fileName: f.name, label, wanted });
      }
    }
    let json: JsonObject[];
    try {
      json = hclFilesToJson(hcl);
    } catch (error) {
      const from = error instanceof GuardrailInputError ? hcl.find((h) => h.label === error.subject) : undefined;
      if (from)
        return this.withCall(from.wanted, () => {
          throw error;
        });
      throw error;
    }
    return new Map(hcl.map((h, i) => [h.file, { text: h.text, json: json[i] }]));
  }

  private read(w: Wanted, converted: ReadonlyMap<string, { text: string; json: JsonObject }>): LoadedModule {
    const label = this.labelOf(w.dir);
    const docs: { doc: JsonObject; override: boolean; label: string }[] = [];
    const keep = (doc: JsonObject, name: string, fileLabel: string) => {
      docs.push({ doc, override: isOverrideName(name), label: fileLabel });
      return doc;
    };
    const read = this.withCall(w, () =>
      readModule(this.readPath(w.dir), {
        label,
        stackName: () => label,
        symlinks: this.options.symlinks,
        ...(this.options.limits ? { limits: this.options.limits } : {}),
        readHcl: (file, text, fileLabel) => {
          const done = converted.get(file.file);
          const json = done && done.text === text ? done.json : hclToJson(text, file.name, fileLabel);
          // A file of comments only is valid HCL that declares nothing.
          return keep(Object.keys(json).length === 0 ? { locals: [] } : json, file.name, fileLabel);
        },
        readJson: (file, fileLabel) => {
          const doc = readJsonFile(file, fileLabel, this.options.limits);
          return isObject(doc) ? keep(doc, path.basename(file), fileLabel) : doc;
        },
        whenEmpty: 'holds no Terraform configuration file (*.tf, *.tf.json), so it is not a module Terraform can use',
      }),
    );
    if (read.stack.suppressions.length > 0) {
      // Suppressions are made with Guardrails.suppress (on the module construct) and travel in the stack's own
      // `//`; a record inside a module was written by something else, and is refused so the forgery is seen.
      throw this.callError(w, `which carries suppression records (//.guardrails.suppressions) that Guardrails.suppress did not make; refusing them`);
    }
    // Primary files first, override files after (the order readModule read them in).
    docs.sort((a, b) => Number(a.override) - Number(b.override));
    const records = read.stack.resources;
    return {
      label,
      records,
      providers: read.stack.providers,
      files: read.files.size > 0 ? read.files : new Map(records.map((r) => [r.address, read.stack.file ?? label])),
      variables: this.withCall(w, () => variablesOf(docs)),
      locals: this.withCall(w, () => localsOf(docs)),
      resourceTypes: new Set(records.filter((r) => r.mode !== 'module').map((r) => r.type)),
    };
  }

  /** Where a directory's files are read now (synth: inside the root, the staged copy). */
  private readPath(dir: string): string {
    const { readDir } = this.options;
    if (readDir === undefined) return dir;
    const relative = path.relative(this.root, dir);
    return inside(relative) ? path.join(readDir, relative) : dir;
  }

  private labelOf(dir: string): string {
    return labelOf(this.root, this.options.label, dir);
  }

  private callError(w: Wanted, problem: string): GuardrailInputError {
    return new GuardrailInputError(this.options.label, `${w.via} has the local source "${w.source}", the directory ${this.labelOf(w.dir)}, ${problem}`);
  }

  /** Errors from reading a module name the call that asked for it. */
  private withCall<T>(w: Wanted, read: () => T): T {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof GuardrailInputError) || error.problem.includes(` (module ${w.via}`)) throw error;
      throw new GuardrailInputError(error.subject, `${error.problem} (module ${w.via}, source "${w.source}")`);
    }
  }
}

function inside(relative: string): boolean {
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** A module directory as shown to the user: the root's label joined with its path from the root. */
function labelOf(root: string, rootLabel: string, dir: string): string {
  const relative = path.relative(root, dir);
  if (path.isAbsolute(relative)) return dir.split(path.sep).join('/');
  return path.posix.normalize(`${rootLabel}/${relative.split(path.sep).join('/')}`);
}

/** Terraform's override files: `override.tf(.json)` and `*_override.tf(.json)`. */
function isOverrideName(name: string): boolean {
  const stem = name.replace(/\.tf(\.json)?$/, '');
  return stem === 'override' || stem.endsWith('_override');
}

/** `variable` blocks, merged as Terraform merges them (an override file changes a declared variable). */
function variablesOf(docs: readonly { doc: JsonObject; override: boolean; label: string }[]): Map<string, JsonObject> {
  const variables = new Map<string, JsonObject>();
  for (const { doc, override, label } of docs) {
    for (const [name, body] of labelledBodies(doc.variable, 'variable', label)) {
      const current = variables.get(name);
      if (!override && current) throw new GuardrailInputError(label, `declares the variable "${name}" again; Terraform rejects a duplicate variable`);
      if (override && !current) throw new GuardrailInputError(label, `overrides the variable "${name}", which no other file declares; Terraform rejects this`);
      variables.set(name, current ? overrideBody(current, body) : body);
    }
  }
  return variables;
}

/** `locals` blocks: name → expression; an override file replaces a local's value. */
function localsOf(docs: readonly { doc: JsonObject; override: boolean; label: string }[]): Map<string, unknown> {
  const locals = new Map<string, unknown>();
  for (const { doc, override, label } of docs) {
    const section = doc.locals;
    if (section === undefined || section === null) continue;
    for (const block of Array.isArray(section) ? section : [section]) {
      if (!isObject(block)) throw new GuardrailInputError(label, '`locals` must be an object of named values: Terraform rejects this configuration');
      for (const [name, value] of Object.entries(block)) {
        if (!override && locals.has(name))
          throw new GuardrailInputError(label, `defines the local value "${name}" again; Terraform rejects a duplicate local value`);
        locals.set(name, value);
      }
    }
  }
  return locals;
}

/** `{ name: body | [body] }` or a list of such objects → [name, body]. */
function labelledBodies(section: unknown, keyword: string, label: string): [string, JsonObject][] {
  if (section === undefined || section === null) return [];
  const found: [string, JsonObject][] = [];
  for (const part of Array.isArray(section) ? section : [section]) {
    if (!isObject(part)) throw new GuardrailInputError(label, `\`${keyword}\` must be an object naming each block: Terraform rejects this configuration`);
    for (const [name, bodies] of Object.entries(part)) {
      for (const body of Array.isArray(bodies) ? bodies : [bodies]) {
        if (body === null) continue;
        if (!isObject(body)) throw new GuardrailInputError(label, `\`${keyword}.${name}\` must be an object: Terraform rejects this configuration`);
        found.push([name, body]);
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// Expanding calls
// ---------------------------------------------------------------------------------------------------------

/** Where a call is made from: the calling module's directory, and how its provider references resolve. */
interface Scope {
  readonly dir: string;
  /** A provider reference of this module (`aws`, `aws.east`) → the root's (`aws.east`). */
  resolveProvider(ref: string): string;
}

interface Instance {
  /** `[0]`, `["a"]`, `[*]` or '' (no count, no for_each). */
  readonly key: string;
  readonly lookup: Lookup;
}

/** Arguments of a module call that are not the module's variables. */
const META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on', '//']);
/** Arguments of a block inside a module that are rewritten apart or not at all. */
const KEPT = new Set(['provider', 'providers', 'source', 'version', '//']);

class Expander {
  readonly files = new Map<string, string>();
  readonly providers: ProviderRecord[] = [];
  private added = 0;

  constructor(
    private readonly modules: ReadonlyMap<string, LoadedModule>,
    private readonly rootLabel: string,
  ) {}

  /**
   * The records a call adds (with the directory they were read from), or undefined when it is not a local
   * module. `chain` is the directories of the calls it is made inside, for cycles.
   */
  expandCall(call: ResourceRecord, caller: Scope, depth: number, chain: readonly string[]): { label: string; records: ResourceRecord[] } | undefined {
    const source = call.body.source;
    if (!isLocalSource(source)) return undefined;
    const dir = path.resolve(caller.dir, source);
    if (chain.includes(dir)) {
      throw new GuardrailInputError(
        this.rootLabel,
        `${call.address} calls the local module "${source}", which is the directory of a module it is inside (a module cycle); Terraform cannot expand it`,
      );
    }
    if (depth > MAX_DEPTH) {
      throw new GuardrailInputError(this.rootLabel, `${call.address} nests local modules more than ${MAX_DEPTH} deep; they are not read`);
    }
    const module = this.modules.get(dir);
    if (!module) throw new Error(`local module ${dir} was not loaded`); // the loader reads every call's directory
    const records: ResourceRecord[] = [];
    for (const instance of instancesOf(call.body)) {
      const prefix = `${call.address}${instance.key}`;
      const scope = this.scopeFor(call, caller, dir, prefix, module);
      const lookup = this.moduleLookup(call, instance, module);
      for (const record of module.records) {
        const address = `${prefix}.${record.address}`;
        if (++this.added > MAX_MODULE_RECORDS) {
          throw new GuardrailInputError(this.rootLabel, `local modules add more than ${MAX_MODULE_RECORDS} resources (at ${address}); they are not read`);
        }
        const file = module.files.get(record.address) ?? module.label;
        this.files.set(address, file);
        const body = this.moduleBody(record, lookup, prefix, module, scope, address, file);
        const added: ResourceRecord = { ...record, address, body, constructPath: call.constructPath, ownedByConstruct: call.ownedByConstruct };
        const inner = added.mode === 'module' ? this.expandCall(added, scope, depth + 1, [...chain, dir]) : undefined;
        if (inner) records.push({ ...added, readFrom: inner.label }, ...inner.records);
        else records.push(added);
      }
    }
    return { label: module.label, records };
  }

  /** A block of the module as the caller's instance sees it. */
  private moduleBody(record: ResourceRecord, lookup: Lookup, prefix: string, module: LoadedModule, scope: Scope, address: string, file: string): JsonObject {
    const rewrite = { lookup, prefix, resourceTypes: module.resourceTypes };
    const body: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record.body)) {
      Object.defineProperty(body, key, { value: KEPT.has(key) ? value : rewriteValue(value, rewrite), writable: true, enumerable: true, configurable: true });
    }
    if (record.mode !== 'module') {
      const written = typeof body.provider === 'string' ? providerRef(body.provider) : undefined;
      const local = written ?? record.type.split('_')[0];
      const resolved = this.withAddress(address, () => scope.resolveProvider(local));
      if (resolved === record.type.split('_')[0]) delete body.provider;
      else body.provider = resolved;
    }
    assertNesting(body, file);
    return body;
  }

  /** `var.x` and `local.x` inside one instance of the module. */
  private moduleLookup(call: ResourceRecord, instance: Instance, module: LoadedModule): Lookup {
    const values = variableValues(call, instance, module, this.rootLabel);
    const locals = new Map<string, { value: unknown } | 'reading'>();
    let reading = 0;
    const lookup: Lookup = (root, name) => {
      if (root === 'var') return values.has(name) ? { value: values.get(name) } : undefined;
      if (root !== 'local' || !module.locals.has(name)) return undefined;
      const done = locals.get(name);
      if (done === 'reading') return undefined; // a local that refers to itself stays an expression
      if (done) return done;
      // A chain of locals deeper than real configurations write stays an expression (and the stack stays bounded).
      if (reading >= MAX_LOCAL_CHAIN) return undefined;
      locals.set(name, 'reading');
      reading++;
      try {
        const value = {
          value: rewriteValue(module.locals.get(name), { lookup, prefix: `${call.address}${instance.key}`, resourceTypes: module.resourceTypes }),
        };
        locals.set(name, value);
        return value;
      } finally {
        reading--;
        if (locals.get(name) === 'reading') locals.delete(name);
      }
    };
    return lookup;
  }

  /** How the module's provider references resolve: its own configurations, the call's `providers`, else the caller's. */
  private scopeFor(call: ResourceRecord, caller: Scope, dir: string, prefix: string, module: LoadedModule): Scope {
    const own = new Map<string, string>();
    for (const p of module.providers) {
      const alias = `${prefix.replace(/[^A-Za-z0-9_-]+/g, '_')}__${p.alias ?? 'default'}`;
      own.set(p.alias === undefined ? p.type : `${p.type}.${p.alias}`, `${p.type}.${alias}`);
      this.providers.push({ type: p.type, alias, body: { ...p.body, alias } });
    }
    const passed = isObject(call.body.providers) ? call.body.providers : {};
    return {
      dir,
      resolveProvider: (ref) => {
        const mine = own.get(ref);
        if (mine !== undefined) return mine;
        const given = Object.prototype.hasOwnProperty.call(passed, ref) ? passed[ref] : undefined;
        if (typeof given === 'string') return caller.resolveProvider(providerRef(given));
        if (!ref.includes('.')) return caller.resolveProvider(ref);
        throw new GuardrailInputError(
          this.rootLabel,
          `${call.address} (source "${String(call.body.source)}") uses the provider configuration ${ref}, which the call does not pass in \`providers\`; Terraform rejects this`,
        );
      },
    };
  }

  private withAddress<T>(address: string, f: () => T): T {
    try {
      return f();
    } catch (error) {
      if (error instanceof GuardrailInputError && !error.problem.includes(address))
        throw new GuardrailInputError(error.subject, `${error.problem} (at ${address})`);
      throw error;
    }
  }
}

/** `"${aws.east}"` or `"aws.east"` → `aws.east`. */
function providerRef(value: string): string {
  return value.replace(/^\$\{\s*([\s\S]*?)\s*\}$/, '$1').trim();
}

/** The instances of a call: one per literal count or key, none for zero, one `[*]` when not known. */
function instancesOf(body: JsonObject): Instance[] {
  const none: Lookup = () => undefined;
  const { count, for_each: forEach } = body;
  if (count !== undefined && count !== null) {
    const n = typeof count === 'number' ? count : typeof count === 'string' && /^[0-9]+$/.test(count) ? Number(count) : NaN;
    if (!Number.isInteger(n) || n < 0 || n > MAX_INSTANCES) return [{ key: '[*]', lookup: none }];
    return Array.from({ length: n }, (_, i) => ({ key: `[${i}]`, lookup: (root, name) => (root === 'count' && name === 'index' ? { value: i } : undefined) }));
  }
  if (forEach !== undefined && forEach !== null) {
    let entries: [string, unknown][] | undefined;
    if (isObject(forEach)) entries = Object.entries(forEach);
    else if (Array.isArray(forEach) && forEach.every((k) => typeof k === 'string')) entries = [...new Set(forEach as string[])].map((k) => [k, k]);
    if (entries === undefined || entries.length > MAX_INSTANCES) return [{ key: '[*]', lookup: none }];
    return entries.map(([key, value]) => ({
      key: `[${JSON.stringify(key)}]`,
      lookup: (root, name) => (root === 'each' && name === 'key' ? { value: key } : root === 'each' && name === 'value' ? { value } : undefined),
    }));
  }
  return [{ key: '', lookup: none }];
}

/** Each declared variable's value in one instance: the call's argument, else the default. */
function variableValues(call: ResourceRecord, instance: Instance, module: LoadedModule, rootLabel: string): Map<string, unknown> {
  const where = `${call.address}${instance.key} (source "${String(call.body.source)}")`;
  for (const name of Object.keys(call.body)) {
    if (!META_ARGUMENTS.has(name) && !module.variables.has(name)) {
      throw new GuardrailInputError(
        rootLabel,
        `${where} sets "${name}", which ${module.label} does not declare as a variable; Terraform rejects an unsupported argument`,
      );
    }
  }
  const values = new Map<string, unknown>();
  for (const [name, declaration] of module.variables) {
    const given = Object.prototype.hasOwnProperty.call(call.body, name) ? rewriteValue(call.body[name], { lookup: instance.lookup }) : undefined;
    const hasDefault = Object.prototype.hasOwnProperty.call(declaration, 'default');
    let value: unknown;
    if (given !== undefined && !(given === null && declaration.nullable === false && hasDefault)) value = given;
    else if (hasDefault) value = declaration.default;
    else if (given === null) value = null;
    else
      throw new GuardrailInputError(
        rootLabel,
        `${where} does not set the variable "${name}", which has no default; Terraform rejects a missing required argument`,
      );
    values.set(name, converted(value, declaration.type));
  }
  return values;
}

/** Terraform's conversion of a literal to a variable's primitive type; anything else is kept as given. */
function converted(value: unknown, type: unknown): unknown {
  const kind = typeof type === 'string' ? type.replace(/^\$\{\s*([\s\S]*?)\s*\}$/, '$1').trim() : undefined;
  if (kind === 'number' && typeof value === 'string' && /^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(value.trim())) return Number(value);
  if (kind === 'bool' && (value === 'true' || value === 'false')) return value === 'true';
  if (kind === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
  return value;
}
