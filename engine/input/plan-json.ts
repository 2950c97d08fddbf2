/**
 * Plan JSON (`terraform show -json PLANFILE`) → StackDocument. A plan has what the configuration could not
 * say: variables, locals and most references resolved. What stays unknown until apply is marked in
 * `after_unknown`; it is written back into the body as UNKNOWN_AFTER_APPLY at the exact nested position,
 * so the rules read plans and configurations with the same readers and fail closed on both.
 *
 * One distinction keeps plans and configurations equivalent: an attribute the configuration never set but
 * the provider computes (an instance's `associate_public_ip_address`, its `root_block_device`, an EIP's
 * `instance`) is also "known after apply" in a plan. For the rules that is an unset attribute, exactly as
 * at synth, so it is left out rather than marked unknown. Only values the configuration did set stay
 * unknown. What was set comes from the cdk.tf.json when there is one (it shows `dynamic` blocks too), else
 * from the plan's own `configuration` section (which leaves `dynamic` blocks out: see `configuredShape`).
 *
 * A plan carries no cdktf metadata, so construct paths and suppressions come from the configuration it was
 * made from (cdk.tf.json), matched by address.
 *
 * Nothing in the file is trusted: a shape `terraform show -json` never writes (a `resource_changes` that is
 * not a list, an entry without its address, type, name, mode or change, a format version other than 1.x)
 * is a GuardrailInputError, not an empty pass. Keys from the file are read as own properties only and
 * written with defineProperty, so `__proto__` or `constructor` in a plan is just a key.
 */
import { GuardrailInputError } from './input-error';
import { assertNesting } from './nesting';
import { kindOf, own, stackFromTerraformJson } from './terraform-json';
import { moduleCalls } from './unchecked';
import { UNKNOWN_AFTER_APPLY, isObject, referencedAddress } from '../values';
import type { JsonObject, ProviderRecord, ResourceRecord, StackDocument } from '../types';

/** Detected by content, not by file name: a plan has `format_version` and planned values or changes. */
export function looksLikePlanJson(doc: unknown): doc is JsonObject {
  return (
    isObject(doc) && typeof own(doc, 'format_version') === 'string' && (own(doc, 'planned_values') !== undefined || own(doc, 'resource_changes') !== undefined)
  );
}

export interface PlanSource {
  /** Stack name for reports. */
  readonly stack: string;
  /** The plan file, for reports. */
  readonly file?: string;
  /** The Terraform JSON the plan was made from (cdktf's cdk.tf.json): construct paths and suppressions. */
  readonly config?: JsonObject;
  /** That configuration's file, for errors about it. */
  readonly configFile?: string;
}

interface PlanResource {
  readonly record: ResourceRecord;
}

/** `raw` as read from resource_changes or planned_values, after its shape was checked. */
interface RawResource {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly mode: 'managed' | 'data';
}

export function stackFromPlanJson(plan: JsonObject, source: PlanSource): StackDocument {
  const label = source.file ?? source.stack;
  assertNesting(plan, label);
  const bad = (problem: string): GuardrailInputError => new GuardrailInputError(label, `${problem} (not a plan as \`terraform show -json\` writes it)`);
  if (own(plan, 'errored') === true) {
    throw new GuardrailInputError(label, 'is the plan of a failed `terraform plan` (errored: true): its values are incomplete');
  }
  const version = own(plan, 'format_version');
  if (typeof version !== 'string' || !/^1\.\d+$/.test(version)) {
    throw new GuardrailInputError(label, `has plan format_version ${JSON.stringify(version)}; only 1.x (Terraform 1.x) is read, so it cannot be checked`);
  }
  const config = source.config
    ? stackFromTerraformJson(source.config, { stack: source.stack, file: source.configFile ?? `the configuration of ${label}` })
    : undefined;
  const stackPath = stackNameOf(source.config) ?? source.stack;
  const byConfigAddress = new Map((config?.resources ?? []).map((r) => [r.address, r]));
  const modulePaths = new Map<string, string>();
  for (const call of source.config ? moduleCalls(source.config, source.stack) : []) {
    if (call.constructPath !== undefined) modulePaths.set(call.address, call.constructPath);
  }
  const planConfig = new PlanConfiguration(own(plan, 'configuration'), bad);

  const toResource = (raw: RawResource, values: unknown, afterUnknown: unknown, moduleAddress: string | undefined): PlanResource => {
    const { type, name, mode, address } = raw;
    const local = `${mode === 'data' ? 'data.' : ''}${type}.${name}`;
    const fromConfig = moduleAddress === undefined ? byConfigAddress.get(local) : undefined;
    const shape = fromConfig ? shapeOfBody(fromConfig.body) : planConfig.shapeOf(moduleAddress, local);
    const after = withUnknowns(isObject(values) ? values : {}, afterUnknown, shape);
    const body: JsonObject = isObject(after) ? after : {};
    restoreReferences(body, fromConfig?.body);

    let constructPath = stackPath;
    let owned = false;
    if (moduleAddress === undefined) {
      if (fromConfig) [constructPath, owned] = [fromConfig.constructPath, fromConfig.ownedByConstruct];
      // The provider meta-argument is configuration, not a value: from the plan's configuration section,
      // or from the cdk.tf.json.
      const configured = own(fromConfig?.body, 'provider');
      const provider = planConfig.providerKeyOf(local) ?? (typeof configured === 'string' ? configured : undefined);
      if (provider !== undefined && own(body, 'provider') === undefined) setOwn(body, 'provider', provider);
    } else {
      // Resources inside a module belong to the construct that calls the module (cdktf TerraformHclModule).
      const call = /^module\.[^.[]+/.exec(moduleAddress)?.[0];
      const path = call ? modulePaths.get(call) : undefined;
      if (path !== undefined) constructPath = path;
    }
    return { record: { type, name, address, mode, body, constructPath, ownedByConstruct: owned } };
  };

  const changes = own(plan, 'resource_changes');
  let resources: PlanResource[];
  if (changes !== undefined) {
    if (!Array.isArray(changes)) throw bad(`resource_changes is ${kindOf(changes)}, not an array`);
    resources = fromResourceChanges(changes, toResource, bad);
  } else resources = fromPlannedValues(own(plan, 'planned_values'), toResource, bad);

  return {
    name: source.stack,
    ...(source.file !== undefined ? { file: source.file } : {}),
    resources: resources.map((r) => r.record),
    providers: planConfig.providers() ?? config?.providers ?? [],
    // Recorded at synth for the stack, by construct path: they apply to every instance of what they cover.
    suppressions: config?.suppressions ?? [],
    source: 'plan',
  };
}

type Bad = (problem: string) => GuardrailInputError;

/** The identity every resource entry of a plan has (address, type, name, mode), checked. */
function rawResource(entry: unknown, at: string, bad: Bad): RawResource & { readonly entry: JsonObject } {
  if (!isObject(entry)) throw bad(`${at} is ${kindOf(entry)}, not an object`);
  const field = (key: string): string => {
    const value = own(entry, key);
    if (typeof value !== 'string' || value === '') throw bad(`${at} has no ${key}`);
    return value;
  };
  const address = field('address');
  const type = field('type');
  const name = field('name');
  const mode = field('mode');
  if (mode !== 'managed' && mode !== 'data') throw bad(`${at} (${address}) has mode ${JSON.stringify(mode)}, expected "managed" or "data"`);
  return { entry, address, type, name, mode };
}

/**
 * A value unknown at plan because it refers to a resource not yet created (`bucket = aws_s3_bucket.b.id`)
 * keeps its reference when the cdk.tf.json says the value is exactly that reference, so rules that pair
 * resources (a bucket and its versioning, a droplet and its firewall) can still follow it. The value
 * stays an expression, i.e. unknown, for every other purpose. (The plan's own `configuration` lists the
 * references of an expression but not whether it is only a reference, `lower(x.id)` looks the same, so it
 * is not used for this.)
 */
function restoreReferences(body: JsonObject, config: JsonObject | undefined): void {
  if (!config) return;
  // Wherever they stand: top level, inside lists (`droplet_ids: ["${…}"]`) and nested blocks. Walked
  // without recursion; a plan writes every nested block as a list, cdk.tf.json often as one object.
  const pending: [unknown, unknown][] = [[body, config]];
  while (pending.length > 0) {
    const [planned, configured] = pending.pop()!;
    if (Array.isArray(planned)) {
      const list = Array.isArray(configured) ? configured : isObject(configured) && planned.length === 1 ? [configured] : undefined;
      if (!list) continue;
      for (let i = 0; i < planned.length && i < list.length; i++) {
        if (isReferenceToRestore(planned[i], list[i])) planned[i] = list[i];
        else pending.push([planned[i], list[i]]);
      }
    } else if (isObject(planned) && isObject(configured)) {
      for (const [key, value] of Object.entries(planned)) {
        const from = own(configured, key);
        if (isReferenceToRestore(value, from)) setOwn(planned, key, from);
        else if (typeof value === 'object' && value !== null) pending.push([value, from]);
      }
    }
  }
}

/** An unknown-after-apply value whose configuration is exactly one reference (`${x.y.id}`). */
function isReferenceToRestore(value: unknown, configured: unknown): configured is string {
  return value === UNKNOWN_AFTER_APPLY && typeof configured === 'string' && referencedAddress(configured) !== undefined;
}

type ToResource = (raw: RawResource, values: unknown, afterUnknown: unknown, moduleAddress: string | undefined) => PlanResource;

function fromResourceChanges(changes: readonly unknown[], toResource: ToResource, bad: Bad): PlanResource[] {
  const resources: PlanResource[] = [];
  changes.forEach((rc, i) => {
    const raw = rawResource(rc, `resource_changes[${i}]`, bad);
    const at = `resource_changes[${i}] (${raw.address})`;
    const change = own(raw.entry, 'change');
    if (!isObject(change)) throw bad(`${at} has no change object`);
    const actions = own(change, 'actions');
    if (!Array.isArray(actions) || actions.length === 0 || !actions.every((a) => typeof a === 'string')) throw bad(`${at} has no change.actions list`);
    const after = own(change, 'after');
    const afterUnknown = own(change, 'after_unknown');
    if (after !== undefined && after !== null && !isObject(after)) throw bad(`${at} has change.after ${kindOf(after)}, not an object`);
    if (afterUnknown !== undefined && typeof afterUnknown !== 'boolean' && !isObject(afterUnknown)) {
      throw bad(`${at} has change.after_unknown ${kindOf(afterUnknown)}, not an object`);
    }
    const moduleAddress = own(raw.entry, 'module_address');
    if (moduleAddress !== undefined && typeof moduleAddress !== 'string') throw bad(`${at} has module_address ${kindOf(moduleAddress)}, not a string`);
    // A pure delete (or a `removed` block's forget) leaves nothing behind to check; a replace has an `after`.
    if (actions.every((a) => a === 'delete' || a === 'forget')) return;
    if ((after === null || after === undefined) && afterUnknown !== true) return;
    resources.push(toResource(raw, after, afterUnknown, moduleAddress));
  });
  return resources;
}

/**
 * `planned_values` (root module and child modules), used when a plan has no `resource_changes`. It
 * omits unknown values instead of marking them, so an unknown attribute reads as unset here: rules then
 * report it as missing, which still fails closed.
 */
function fromPlannedValues(planned: unknown, toResource: ToResource, bad: Bad): PlanResource[] {
  const resources: PlanResource[] = [];
  if (planned === undefined) return resources;
  if (!isObject(planned)) throw bad(`planned_values is ${kindOf(planned)}, not an object`);
  const root = own(planned, 'root_module');
  if (root === undefined) return resources;
  // Modules depth first, in the order written (a stack, not recursion: any nesting the file has).
  const pending: { module: unknown; at: string; address: string | undefined }[] = [{ module: root, at: 'planned_values.root_module', address: undefined }];
  while (pending.length > 0) {
    const { module, at, address } = pending.pop()!;
    if (!isObject(module)) throw bad(`${at} is ${kindOf(module)}, not an object`);
    const list = own(module, 'resources') ?? [];
    if (!Array.isArray(list)) throw bad(`${at}.resources is ${kindOf(list)}, not an array`);
    list.forEach((r, i) => {
      const raw = rawResource(r, `${at}.resources[${i}]`, bad);
      const values = own(raw.entry, 'values');
      if (values !== undefined && values !== null && !isObject(values))
        throw bad(`${at}.resources[${i}] (${raw.address}) has values ${kindOf(values)}, not an object`);
      resources.push(toResource(raw, values, undefined, address));
    });
    const children = own(module, 'child_modules') ?? [];
    if (!Array.isArray(children)) throw bad(`${at}.child_modules is ${kindOf(children)}, not an array`);
    for (let i = children.length - 1; i >= 0; i--) {
      const childAt = `${at}.child_modules[${i}]`;
      const childAddress = own(children[i], 'address');
      if (typeof childAddress !== 'string' || childAddress === '') throw bad(`${childAt} has no address`);
      pending.push({ module: children[i], at: childAt, address: childAddress });
    }
  }
  return resources;
}

/**
 * Which attributes and blocks the configuration sets: `true` for an attribute (or anything whose inside
 * the configuration decides as a whole, such as a `tags` map or a `dynamic` block), a nested shape for a
 * block. `undefined` where it is not known: then every unknown value is kept. Shapes have no prototype:
 * a key named `constructor` or `__proto__` is looked up and stored like any other.
 */
export type Shape = { readonly [key: string]: true | Shape };

/**
 * Write "known after apply" into `after` wherever `after_unknown` says so. `after_unknown` mirrors the
 * value: `true` for an unknown value, an object or list of the same shape for a partly unknown one.
 * Terraform omits unknown object attributes from `after` and puts null for unknown list elements.
 * With a `shape`, an unknown the configuration did not set is left out (see the file comment).
 */
export function withUnknowns(after: unknown, mask: unknown, shape?: Shape): unknown {
  if (mask === true) return UNKNOWN_AFTER_APPLY;
  if (Array.isArray(mask)) {
    if (!Array.isArray(after) && !hasUnknown(mask)) return after;
    const list: unknown[] = Array.isArray(after) ? after : [];
    mask.forEach((m, i) => {
      if (m !== false && m !== null && m !== undefined) list[i] = withUnknowns(list[i], m, shape);
    });
    for (let i = 0; i < list.length; i++) if (list[i] === undefined) list[i] = null;
    return list;
  }
  if (isObject(mask)) {
    if (!isObject(after) && !hasUnknown(mask)) return after;
    const object: JsonObject = isObject(after) ? after : {};
    for (const [key, m] of Object.entries(mask)) {
      if (m === false || m === null || m === undefined) continue;
      const configured = shape === undefined ? true : own(shape, key);
      if (configured === undefined) {
        // Not in the configuration: computed by the provider. Wholly unknown = unset, as at synth. Partly
        // known blocks that the configuration does not show may come from a `dynamic` block: keep their
        // unknowns.
        if (m !== true) setOwn(object, key, withUnknowns(own(object, key), m));
        continue;
      }
      setOwn(object, key, withUnknowns(own(object, key), m, configured === true ? undefined : (configured as Shape)));
    }
    return object;
  }
  return after;
}

/** The shape of a Terraform JSON body (cdk.tf.json): exact, `dynamic` blocks included. */
export function shapeOfBody(body: JsonObject): Shape {
  const shape = newShape();
  for (const [key, value] of Object.entries(body)) {
    if (key === '//' || value === null || value === undefined) continue;
    if (key === 'dynamic') {
      for (const dyn of Array.isArray(value) ? value : [value]) {
        if (isObject(dyn)) for (const name of Object.keys(dyn)) shape[name] = true;
      }
      continue;
    }
    if (shape[key] === true) continue;
    const blocks = Array.isArray(value) ? value : [value];
    if (blocks.length > 0 && blocks.every((b) => isObject(b))) {
      shape[key] = mergeShapes(shape[key] as Shape | undefined, ...blocks.map((b) => shapeOfBody(b as JsonObject)));
    } else shape[key] = true;
  }
  return shape;
}

/** A shape under construction: no prototype, so every key, `__proto__` included, is an own property. */
function newShape(): Record<string, true | Shape> {
  return Object.create(null) as Record<string, true | Shape>;
}

function mergeShapes(...shapes: (Shape | undefined)[]): Shape {
  const merged = newShape();
  for (const shape of shapes) {
    for (const [key, value] of Object.entries(shape ?? {})) {
      const seen = merged[key];
      merged[key] = seen === true || value === true ? true : mergeShapes(seen, value);
    }
  }
  return merged;
}

/**
 * The plan's `configuration` section: each resource's expressions (what it sets), provider configurations
 * and the provider each resource uses. It does not show `dynamic` blocks at all, so a block generated by one
 * whose `for_each` is unknown at plan reads as unset; pass the cdk.tf.json (`--config`) when it matters.
 */
class PlanConfiguration {
  private readonly root: JsonObject | undefined;
  private readonly configuration: JsonObject | undefined;
  private readonly modules = new Map<string, Map<string, JsonObject>>();

  constructor(configuration: unknown, bad: Bad) {
    if (configuration !== undefined && !isObject(configuration)) throw bad(`configuration is ${kindOf(configuration)}, not an object`);
    this.configuration = configuration;
    const root = own(configuration, 'root_module');
    if (root !== undefined && !isObject(root)) throw bad(`configuration.root_module is ${kindOf(root)}, not an object`);
    this.root = root;
    const providerConfig = own(configuration, 'provider_config');
    if (providerConfig !== undefined && !isObject(providerConfig)) throw bad(`configuration.provider_config is ${kindOf(providerConfig)}, not an object`);
    checkConfigurationModules(root, bad);
  }

  shapeOf(moduleAddress: string | undefined, local: string): Shape | undefined {
    const expressions = own(this.resourcesOf(moduleAddress).get(local), 'expressions');
    return isObject(expressions) ? shapeOfExpressions(expressions) : undefined;
  }

  /** `aws.east` for a root-module resource with `provider = aws.east`. */
  providerKeyOf(local: string): string | undefined {
    const key = own(this.resourcesOf(undefined).get(local), 'provider_config_key');
    // Only aliased configurations need saying; `aws` is what the type implies anyway.
    return typeof key === 'string' && key.includes('.') && !key.includes(':') ? key : undefined;
  }

  /** Root-module provider configurations (`module.x:aws` ones configure providers inside modules). */
  providers(): ProviderRecord[] | undefined {
    const config = own(this.configuration, 'provider_config');
    if (!isObject(config)) return undefined;
    const providers: ProviderRecord[] = [];
    for (const [key, value] of Object.entries(config)) {
      if (key.includes(':') || !isObject(value)) continue;
      const name = own(value, 'name');
      const aliasValue = own(value, 'alias');
      const expressions = own(value, 'expressions');
      const type = typeof name === 'string' ? name : key.split('.')[0];
      const alias = typeof aliasValue === 'string' ? aliasValue : undefined;
      const body = isObject(expressions) ? expressionsToBody(expressions) : {};
      if (alias !== undefined) setOwn(body, 'alias', alias);
      providers.push({ type, ...(alias !== undefined ? { alias } : {}), body });
    }
    return providers;
  }

  /** Resources of a module by local address; `module.a[0].module.b` → module_calls a → b. */
  private resourcesOf(moduleAddress: string | undefined): Map<string, JsonObject> {
    const key = moduleAddress === undefined ? '' : moduleAddress.replace(/\[[^\]]*\]/g, '');
    let found = this.modules.get(key);
    if (found) return found;
    let module: unknown = this.root;
    for (const name of key === '' ? [] : key.split('.').filter((_, i) => i % 2 === 1)) {
      module = own(own(own(module, 'module_calls'), name), 'module');
    }
    found = new Map();
    const resources = own(module, 'resources');
    for (const r of Array.isArray(resources) ? resources : []) {
      const address = own(r, 'address');
      if (isObject(r) && typeof address === 'string') found.set(address, r);
    }
    this.modules.set(key, found);
    return found;
  }
}

/** The configuration's modules have the shapes Terraform writes (walked without recursion). */
function checkConfigurationModules(root: JsonObject | undefined, bad: Bad): void {
  const pending: { module: JsonObject; at: string }[] = root ? [{ module: root, at: 'configuration.root_module' }] : [];
  while (pending.length > 0) {
    const { module, at } = pending.pop()!;
    const resources = own(module, 'resources');
    if (resources !== undefined) {
      if (!Array.isArray(resources)) throw bad(`${at}.resources is ${kindOf(resources)}, not an array`);
      resources.forEach((r, i) => {
        if (!isObject(r) || typeof own(r, 'address') !== 'string') throw bad(`${at}.resources[${i}] has no address`);
      });
    }
    const calls = own(module, 'module_calls');
    if (calls === undefined) continue;
    if (!isObject(calls)) throw bad(`${at}.module_calls is ${kindOf(calls)}, not an object`);
    for (const [name, call] of Object.entries(calls)) {
      const callAt = `${at}.module_calls.${name}`;
      if (!isObject(call)) throw bad(`${callAt} is ${kindOf(call)}, not an object`);
      const inner = own(call, 'module');
      if (inner === undefined) continue;
      if (!isObject(inner)) throw bad(`${callAt}.module is ${kindOf(inner)}, not an object`);
      pending.push({ module: inner, at: `${callAt}.module` });
    }
  }
}

/** `{ name: { constant_value }, ingress: [{ from_port: {...} }] }` → what is set. */
function shapeOfExpressions(expressions: JsonObject): Shape {
  const shape = newShape();
  for (const [key, value] of Object.entries(expressions)) {
    if (Array.isArray(value)) shape[key] = mergeShapes(...value.filter(isObject).map(shapeOfExpressions));
    else if (isObject(value)) shape[key] = isExpressionRepresentation(value) ? true : shapeOfExpressions(value);
  }
  return shape;
}

/** An expression is `{ constant_value }`, `{ references }`, both, or `{}` (neither constant nor referencing). */
function isExpressionRepresentation(value: JsonObject): boolean {
  return Object.prototype.hasOwnProperty.call(value, 'constant_value') || Array.isArray(own(value, 'references')) || Object.keys(value).length === 0;
}

function hasUnknown(mask: unknown): boolean {
  if (mask === true) return true;
  if (Array.isArray(mask)) return mask.some(hasUnknown);
  return isObject(mask) && Object.values(mask).some(hasUnknown);
}

/** `{ region: { constant_value: "eu-west-1" }, default_tags: [{ tags: { constant_value: {...} } }] }` → a body. */
function expressionsToBody(expressions: JsonObject): JsonObject {
  const body: JsonObject = {};
  for (const [key, value] of Object.entries(expressions)) {
    if (Array.isArray(value)) setOwn(body, key, value.filter(isObject).map(expressionsToBody));
    else if (!isObject(value)) continue;
    else if (Object.prototype.hasOwnProperty.call(value, 'constant_value')) setOwn(body, key, value.constant_value);
    else if (isExpressionRepresentation(value)) setOwn(body, key, unknownExpression(value));
    else setOwn(body, key, expressionsToBody(value));
  }
  return body;
}

/** A configuration expression the plan does not evaluate for us, as an expression string for messages. */
function unknownExpression(value: JsonObject): string {
  const references = own(value, 'references');
  const refs = Array.isArray(references) ? references.filter((r): r is string => typeof r === 'string') : [];
  return refs.length > 0 ? `\${<expression of ${refs.join(', ')}>}` : '${<non-constant expression>}';
}

function stackNameOf(config: JsonObject | undefined): string | undefined {
  const name = own(own(own(config, '//'), 'metadata'), 'stackName');
  return typeof name === 'string' ? name : undefined;
}

/**
 * `object[key] = value` for a key from the input: as an own data property whatever the key is, so
 * `__proto__` neither replaces the object's prototype nor reaches Object.prototype.
 */
function setOwn(object: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}
