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
 */
import { GuardrailInputError } from './input-error';
import { stackFromTerraformJson } from './terraform-json';
import { moduleCalls } from './unchecked';
import { UNKNOWN_AFTER_APPLY, isObject, referencedAddress } from '../engine/values';
import type { JsonObject, ProviderRecord, ResourceRecord, StackDocument, SuppressionRecord } from '../engine/types';

/** Detected by content, not by file name: a plan has `format_version` and planned values or changes. */
export function looksLikePlanJson(doc: unknown): doc is JsonObject {
  return isObject(doc) && typeof doc.format_version === 'string' && ('planned_values' in doc || 'resource_changes' in doc);
}

export interface PlanSource {
  /** Stack name for reports. */
  readonly stack: string;
  /** The plan file, for reports. */
  readonly file?: string;
  /** The Terraform JSON the plan was made from (cdktf's cdk.tf.json): construct paths and suppressions. */
  readonly config?: JsonObject;
}

interface PlanResource {
  readonly record: ResourceRecord;
  /** `type.name` / `data.type.name` in the root module: the resource's address in the configuration. */
  readonly configAddress?: string;
}

export function stackFromPlanJson(plan: JsonObject, source: PlanSource): StackDocument {
  if (plan.errored === true) {
    throw new GuardrailInputError(source.file ?? source.stack, 'is the plan of a failed `terraform plan` (errored: true): its values are incomplete');
  }
  const config = source.config ? stackFromTerraformJson(source.config, { stack: source.stack }) : undefined;
  const stackPath = stackNameOf(source.config) ?? source.stack;
  const byConfigAddress = new Map((config?.resources ?? []).map((r) => [r.address, r]));
  const modulePaths = new Map<string, string>();
  for (const call of source.config ? moduleCalls(source.config, source.stack) : []) {
    if (call.constructPath !== undefined) modulePaths.set(call.address, call.constructPath);
  }
  const planConfig = new PlanConfiguration(plan.configuration);

  const toResource = (raw: JsonObject, values: unknown, afterUnknown: unknown, moduleAddress: string | undefined): PlanResource => {
    const type = typeof raw.type === 'string' ? raw.type : 'unknown';
    const name = typeof raw.name === 'string' ? raw.name : 'unknown';
    const mode = raw.mode === 'data' ? 'data' : 'managed';
    const local = `${mode === 'data' ? 'data.' : ''}${type}.${name}`;
    const address = typeof raw.address === 'string' ? raw.address : `${moduleAddress ? `${moduleAddress}.` : ''}${local}`;
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
      const provider = planConfig.providerKeyOf(local) ?? (typeof fromConfig?.body.provider === 'string' ? fromConfig.body.provider : undefined);
      if (provider !== undefined && !('provider' in body)) body.provider = provider;
    } else {
      // Resources inside a module belong to the construct that calls the module (cdktf TerraformHclModule).
      const call = /^module\.[^.[]+/.exec(moduleAddress)?.[0];
      const path = call ? modulePaths.get(call) : undefined;
      if (path !== undefined) constructPath = path;
    }
    const record: ResourceRecord = { type, name, address, mode, body, constructPath, ownedByConstruct: owned };
    return moduleAddress === undefined ? { record, configAddress: local } : { record };
  };

  const resources: PlanResource[] = Array.isArray(plan.resource_changes)
    ? fromResourceChanges(plan.resource_changes, toResource)
    : fromPlannedValues(plan.planned_values, toResource);

  return {
    name: source.stack,
    ...(source.file !== undefined ? { file: source.file } : {}),
    resources: resources.map((r) => r.record),
    providers: planConfig.providers() ?? config?.providers ?? [],
    suppressions: config ? bindToInstances(config.suppressions, resources) : [],
    source: 'plan',
  };
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
  for (const [key, value] of Object.entries(body)) {
    const configured = config[key];
    if (value === UNKNOWN_AFTER_APPLY && typeof configured === 'string' && referencedAddress(configured) !== undefined) body[key] = configured;
  }
}

type ToResource = (raw: JsonObject, values: unknown, afterUnknown: unknown, moduleAddress: string | undefined) => PlanResource;

function fromResourceChanges(changes: readonly unknown[], toResource: ToResource): PlanResource[] {
  const resources: PlanResource[] = [];
  for (const rc of changes) {
    if (!isObject(rc)) continue;
    const change = isObject(rc.change) ? rc.change : {};
    const actions = Array.isArray(change.actions) ? change.actions : [];
    // A pure delete (or a `removed` block's forget) leaves nothing behind to check; a replace has an `after`.
    if (actions.length > 0 && actions.every((a) => a === 'delete' || a === 'forget')) continue;
    if ((change.after === null || change.after === undefined) && change.after_unknown !== true) continue;
    const moduleAddress = typeof rc.module_address === 'string' ? rc.module_address : undefined;
    resources.push(toResource(rc, change.after, change.after_unknown, moduleAddress));
  }
  return resources;
}

/**
 * `planned_values` (root module and child modules, recursively), used when a plan has no
 * `resource_changes`. It omits unknown values instead of marking them, so an unknown attribute reads as
 * unset here: rules then report it as missing, which still fails closed.
 */
function fromPlannedValues(planned: unknown, toResource: ToResource): PlanResource[] {
  const resources: PlanResource[] = [];
  const walk = (module: unknown, moduleAddress: string | undefined): void => {
    if (!isObject(module)) return;
    for (const r of Array.isArray(module.resources) ? module.resources : []) {
      if (isObject(r)) resources.push(toResource(r, r.values, undefined, moduleAddress));
    }
    for (const child of Array.isArray(module.child_modules) ? module.child_modules : []) {
      if (isObject(child)) walk(child, typeof child.address === 'string' ? child.address : moduleAddress);
    }
  };
  walk(isObject(planned) ? planned.root_module : undefined, undefined);
  return resources;
}

/**
 * Which attributes and blocks the configuration sets: `true` for an attribute (or anything whose inside
 * the configuration decides as a whole, such as a `tags` map or a `dynamic` block), a nested shape for a
 * block. `undefined` where it is not known: then every unknown value is kept.
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
      const configured = shape === undefined ? true : shape[key];
      if (configured === undefined) {
        // Not in the configuration: computed by the provider. Wholly unknown = unset, as at synth. Partly
        // known blocks that the configuration does not show may come from a `dynamic` block: keep their
        // unknowns.
        if (m !== true) object[key] = withUnknowns(object[key], m);
        continue;
      }
      object[key] = withUnknowns(object[key], m, configured === true ? undefined : configured);
    }
    return object;
  }
  return after;
}

/** The shape of a Terraform JSON body (cdk.tf.json): exact, `dynamic` blocks included. */
export function shapeOfBody(body: JsonObject): Shape {
  const shape: Record<string, true | Shape> = {};
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

function mergeShapes(...shapes: (Shape | undefined)[]): Shape {
  const merged: Record<string, true | Shape> = {};
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
  private readonly modules = new Map<string, Map<string, JsonObject>>();

  constructor(configuration: unknown) {
    this.root = isObject(configuration) && isObject(configuration.root_module) ? configuration.root_module : undefined;
    this.configuration = isObject(configuration) ? configuration : undefined;
  }

  private readonly configuration: JsonObject | undefined;

  shapeOf(moduleAddress: string | undefined, local: string): Shape | undefined {
    const expressions = this.resourcesOf(moduleAddress).get(local)?.expressions;
    return isObject(expressions) ? shapeOfExpressions(expressions) : undefined;
  }

  /** `aws.east` for a root-module resource with `provider = aws.east`. */
  providerKeyOf(local: string): string | undefined {
    const key = this.resourcesOf(undefined).get(local)?.provider_config_key;
    // Only aliased configurations need saying; `aws` is what the type implies anyway.
    return typeof key === 'string' && key.includes('.') && !key.includes(':') ? key : undefined;
  }

  /** Root-module provider configurations (`module.x:aws` ones configure providers inside modules). */
  providers(): ProviderRecord[] | undefined {
    const config = this.configuration?.provider_config;
    if (!isObject(config)) return undefined;
    const providers: ProviderRecord[] = [];
    for (const [key, value] of Object.entries(config)) {
      if (key.includes(':') || !isObject(value)) continue;
      const type = typeof value.name === 'string' ? value.name : key.split('.')[0];
      const alias = typeof value.alias === 'string' ? value.alias : undefined;
      const body = isObject(value.expressions) ? expressionsToBody(value.expressions) : {};
      providers.push({ type, ...(alias !== undefined ? { alias } : {}), body: alias !== undefined ? { ...body, alias } : body });
    }
    return providers;
  }

  /** Resources of a module by local address; `module.a[0].module.b` → module_calls a → b. */
  private resourcesOf(moduleAddress: string | undefined): Map<string, JsonObject> {
    const key = moduleAddress === undefined ? '' : moduleAddress.replace(/\[[^\]]*\]/g, '');
    let found = this.modules.get(key);
    if (found) return found;
    let module = this.root;
    for (const name of key === '' ? [] : key.split('.').filter((_, i) => i % 2 === 1)) {
      const calls = module && isObject(module.module_calls) ? module.module_calls : undefined;
      const call = calls && isObject(calls[name]) ? calls[name] : undefined;
      module = call && isObject(call.module) ? call.module : undefined;
    }
    found = new Map();
    for (const r of module && Array.isArray(module.resources) ? module.resources : []) {
      if (isObject(r) && typeof r.address === 'string') found.set(r.address, r);
    }
    this.modules.set(key, found);
    return found;
  }
}

/** `{ name: { constant_value }, ingress: [{ from_port: {...} }] }` → what is set. */
function shapeOfExpressions(expressions: JsonObject): Shape {
  const shape: Record<string, true | Shape> = {};
  for (const [key, value] of Object.entries(expressions)) {
    if (Array.isArray(value)) shape[key] = mergeShapes(...value.filter(isObject).map(shapeOfExpressions));
    else if (isObject(value)) shape[key] = isExpressionRepresentation(value) ? true : shapeOfExpressions(value);
  }
  return shape;
}

/** An expression is `{ constant_value }`, `{ references }`, both, or `{}` (neither constant nor referencing). */
function isExpressionRepresentation(value: JsonObject): boolean {
  return 'constant_value' in value || Array.isArray(value.references) || Object.keys(value).length === 0;
}

function hasUnknown(mask: unknown): boolean {
  if (mask === true) return true;
  if (Array.isArray(mask)) return mask.some(hasUnknown);
  return isObject(mask) && Object.values(mask).some(hasUnknown);
}

/** Suppressions recorded on a resource name its config address; a plan has one address per instance. */
function bindToInstances(suppressions: readonly SuppressionRecord[], resources: readonly PlanResource[]): SuppressionRecord[] {
  const instances = new Map<string, string[]>();
  for (const r of resources) {
    if (r.configAddress === undefined) continue;
    const list = instances.get(r.configAddress);
    if (list) list.push(r.record.address);
    else instances.set(r.configAddress, [r.record.address]);
  }
  return suppressions.flatMap((s) => {
    const addresses = isObject(s) && typeof s.address === 'string' ? instances.get(s.address) : undefined;
    return addresses ? addresses.map((address) => ({ ...s, address })) : [s];
  });
}

/** `{ region: { constant_value: "eu-west-1" }, default_tags: [{ tags: { constant_value: {...} } }] }` → a body. */
function expressionsToBody(expressions: JsonObject): JsonObject {
  const body: JsonObject = {};
  for (const [key, value] of Object.entries(expressions)) {
    if (Array.isArray(value)) body[key] = value.filter(isObject).map(expressionsToBody);
    else if (!isObject(value)) continue;
    else if ('constant_value' in value) body[key] = value.constant_value;
    else if (isExpressionRepresentation(value)) body[key] = unknownExpression(value);
    else body[key] = expressionsToBody(value);
  }
  return body;
}

/** A configuration expression the plan does not evaluate for us, as an expression string for messages. */
function unknownExpression(value: JsonObject): string {
  const refs = Array.isArray(value.references) ? value.references.filter((r): r is string => typeof r === 'string') : [];
  return refs.length > 0 ? `\${<expression of ${refs.join(', ')}>}` : '${<non-constant expression>}';
}

function stackNameOf(config: JsonObject | undefined): string | undefined {
  const meta = config?.['//'];
  if (!isObject(meta) || !isObject(meta.metadata)) return undefined;
  return typeof meta.metadata.stackName === 'string' ? meta.metadata.stackName : undefined;
}

