/**
 * Terraform JSON (`cdk.tf.json`, `*.tf.json`) → StackDocument. Written for JSON that cdktf did not write
 * too, and trusting none of it. Blocks are read as Terraform's JSON syntax reads them (hashicorp/hcl
 * `json/structure.go`, checked against `terraform validate` 1.11), and a shape Terraform rejects is a
 * GuardrailInputError naming the file and the block, never an empty pass:
 *
 * - `resource`, `data`, `module` and `provider`, and each level of labels inside them (type, then name),
 *   are a JSON object or an array of objects, naming at least one label: a string, a number, `null`, `{}`
 *   or `[]` there is "Incorrect JSON value type" or "Missing block label" to Terraform.
 * - Resource types, resource names and module names are identifiers (a letter or `_`, then letters,
 *   digits, `_` and `-`).
 * - A block body is an object; `null` is no block at all and `[]` no blocks; an array of bodies is one
 *   block per element (`null` in it is an empty block); anything else is an error. One address declared
 *   twice is "Duplicate resource".
 *
 * What Terraform accepts is kept as written so the rules see it and fail closed (an empty body has every
 * attribute the rules need missing). Keys from the input are only ever read as own properties.
 *
 * Suppressions are read from the stack's `//.guardrails.suppressions`, the only place a guarded synth
 * writes them; records in a resource's own `//` were not made by Guardrails.suppress and are refused.
 */
import { isObject } from '../values';
import type { JsonObject, ProviderRecord, ResourceRecord, StackDocument, SuppressionRecord } from '../types';
import { GuardrailInputError } from './input-error';
import { assertNesting } from './nesting';

/** Where suppressions travel in synthesized output: the stack's `//.guardrails.suppressions`. */
export const GUARDRAILS_METADATA_KEY = 'guardrails';

export { MAX_NESTING } from './nesting';

export interface TerraformJsonSource {
  /** Stack name for reports. */
  readonly stack: string;
  /** File for reports (and for errors: without it, errors name the stack). */
  readonly file?: string;
  /**
   * Who owns each resource, when the caller knows better than the `//` metadata (a guarded synth reads the
   * construct tree): a resource at an address `byAddress` does not name belongs to the stack (`stackPath`)
   * and to no construct, whatever metadata it carries.
   */
  readonly constructPaths?: ConstructPaths;
}

export interface ConstructPaths {
  readonly byAddress: ReadonlyMap<string, string>;
  readonly stackPath: string;
}

const TOP_LEVEL_BLOCKS = ['resource', 'data', 'provider', 'terraform', 'variable', 'output', 'locals', 'module', 'import', 'moved', 'check'];

/** Whether a parsed JSON document looks like Terraform configuration (any top-level Terraform block). */
export function looksLikeTerraformJson(doc: unknown): doc is JsonObject {
  if (!isObject(doc)) return false;
  return TOP_LEVEL_BLOCKS.some((key) => hasOwn(doc, key)) || isObject(own(own(doc, '//'), 'metadata'));
}

export function stackFromTerraformJson(doc: JsonObject, source: TerraformJsonSource): StackDocument {
  const where = source.file ?? source.stack;
  assertNesting(doc, where);
  const reader = new BlockReader(where, stackPathOf(doc, source.stack), source.constructPaths);
  const resources: ResourceRecord[] = [
    ...reader.resources(own(doc, 'resource'), 'managed'),
    ...reader.resources(own(doc, 'data'), 'data'),
    ...reader.moduleCalls(own(doc, 'module')),
  ];
  return {
    name: source.stack,
    ...(source.file !== undefined ? { file: source.file } : {}),
    resources,
    providers: reader.providers(own(doc, 'provider')),
    suppressions: stackSuppressions(doc, where),
    source: 'config',
  };
}

class BlockReader {
  private readonly declared = new Set<string>();

  constructor(
    private readonly where: string,
    private readonly stackPath: string,
    private readonly constructPaths: ConstructPaths | undefined,
  ) {}

  /** A record's owner: from the caller's construct paths when given, else from the body's `//` metadata. */
  private record(type: string, name: string, address: string, mode: ResourceRecord['mode'], body: JsonObject): ResourceRecord {
    const path = this.constructPaths ? this.constructPaths.byAddress.get(address) : metadataPath(body);
    const stackPath = this.constructPaths ? this.constructPaths.stackPath : this.stackPath;
    return { type, name, address, mode, body, constructPath: path ?? stackPath, ownedByConstruct: path !== undefined };
  }

  /** `resource.<type>.<name>` or `data.<type>.<name>`. */
  resources(section: unknown, mode: 'managed' | 'data'): ResourceRecord[] {
    if (section === undefined) return [];
    const keyword = mode === 'data' ? 'data' : 'resource';
    const records: ResourceRecord[] = [];
    const types = this.labels(section, keyword, `${keyword} type`);
    for (let t = 0; t < types.keys.length; t++) {
      const type = types.keys[t];
      this.identifier(type, `${keyword} type`, keyword);
      const names = this.labels(types.values[t], `${keyword}.${type}`, `${keyword} name`);
      for (let n = 0; n < names.keys.length; n++) {
        const [name, bodies] = [names.keys[n], names.values[n]];
        this.identifier(name, `${keyword} name`, `${keyword}.${type}`);
        const address = mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
        for (const body of this.bodies(bodies, `${keyword}.${type}.${name}`, address)) records.push(this.record(type, name, address, mode, body));
      }
    }
    return records;
  }

  /** Module calls as records of type `module`: `module.<name>`, the call's arguments as body. */
  moduleCalls(section: unknown): ResourceRecord[] {
    if (section === undefined) return [];
    const records: ResourceRecord[] = [];
    const names = this.labels(section, 'module', 'module name');
    for (let n = 0; n < names.keys.length; n++) {
      const [name, bodies] = [names.keys[n], names.values[n]];
      this.identifier(name, 'module name', 'module');
      const address = `module.${name}`;
      for (const body of this.bodies(bodies, address, address)) records.push(this.record('module', name, address, 'module', body));
    }
    return records;
  }

  /** Provider configurations: one per body, several (aliased) ones as an array. */
  providers(section: unknown): ProviderRecord[] {
    if (section === undefined) return [];
    const records: ProviderRecord[] = [];
    const types = this.labels(section, 'provider', 'provider name');
    for (let t = 0; t < types.keys.length; t++) {
      const type = types.keys[t];
      for (const body of this.bodies(types.values[t], `provider.${type}`)) {
        const alias = own(body, 'alias');
        records.push({ type, ...(typeof alias === 'string' ? { alias } : {}), body });
      }
    }
    return records;
  }

  /**
   * The labels of one level of a block (`{ "aws_instance": … }`, or a list of such objects), in order, as
   * HCL's `collectDeepAttrs` flattens them; Terraform requires at least one. Keys and values in two lists
   * (not a pair per label: a stack has tens of thousands of resource names).
   */
  private labels(value: unknown, path: string, label: string): { readonly keys: string[]; readonly values: unknown[] } {
    if (!isObject(value) && !Array.isArray(value)) {
      throw this.rejected(`\`${path}\` must be a JSON object naming each ${label} (or an array of such objects), not ${kindOf(value)}`);
    }
    const keys: string[] = [];
    const values: unknown[] = [];
    const parts: unknown[] = Array.isArray(value) ? value : [value];
    parts.forEach((part, i) => {
      if (!isObject(part)) throw this.rejected(`\`${path}[${i}]\` must be a JSON object naming each ${label}, not ${kindOf(part)}`);
      for (const key of Object.keys(part)) {
        keys.push(key);
        values.push(part[key]);
      }
    });
    if (keys.length === 0) throw this.rejected(`\`${path}\` names no ${label}, and Terraform requires at least one ("Missing block label")`);
    return { keys, values };
  }

  /** The bodies of one labelled block; `address` is set for resources and module calls (one each). */
  private bodies(value: unknown, path: string, address?: string): JsonObject[] {
    let bodies: JsonObject[];
    if (value === null)
      bodies = []; // no block at all
    else if (isObject(value)) bodies = [value];
    else if (Array.isArray(value)) {
      bodies = value.map((item, i) => {
        if (item === null) return {}; // an empty block
        if (isObject(item)) return item;
        throw this.rejected(`\`${path}[${i}]\` must be a JSON object (the block's arguments), not ${kindOf(item)}`);
      });
    } else throw this.rejected(`\`${path}\` must be a JSON object (the block's arguments) or an array of them, not ${kindOf(value)}`);
    if (address === undefined) return bodies;
    if (bodies.length > 1 || (bodies.length === 1 && this.declared.has(address))) {
      throw this.rejected(
        `${address} is declared more than once ("Duplicate ${path.startsWith('module.') ? 'module call' : path.startsWith('data.') ? 'data' : 'resource'}")`,
      );
    }
    for (const body of bodies) refuseResourceSuppressions(body, address, this.where);
    if (bodies.length > 0) this.declared.add(address);
    return bodies;
  }

  private identifier(name: string, what: string, path: string): void {
    if (!ASCII_IDENTIFIER.test(name) && !IDENTIFIER.test(name)) {
      throw this.rejected(
        `\`${path}\` has ${JSON.stringify(name)}, which is not a valid ${what} (a letter or underscore, then letters, digits, underscores and dashes)`,
      );
    }
  }

  private rejected(problem: string): GuardrailInputError {
    return new GuardrailInputError(this.where, `${problem}: Terraform rejects this configuration`);
  }
}

/** HCL's identifier (`hclsyntax.ValidIdentifier`): `(ID_Start | '_') (ID_Continue | '-')*`. */
const IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}-]*$/u;
/** The identifiers nearly every configuration uses, a subset of IDENTIFIER that is quicker to test. */
const ASCII_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * A guarded synth records suppressions only at stack level (`recordSuppressions`), never in a resource's
 * own `//`: a record there was written by something else, and honouring it would let anyone who can edit
 * the JSON exempt a resource. Refused outright, not merely ignored, so the forgery is seen.
 */
function refuseResourceSuppressions(body: JsonObject, address: string, where: string): void {
  const meta = own(body, '//');
  if (isObject(meta) && hasOwn(meta, GUARDRAILS_METADATA_KEY)) {
    throw new GuardrailInputError(
      where,
      `${address}: suppression records on a resource are not written by Guardrails.suppress (a guarded synth records them only in the stack's //.${GUARDRAILS_METADATA_KEY}.suppressions); refusing the record in its //.${GUARDRAILS_METADATA_KEY}`,
    );
  }
}

function metadataPath(body: JsonObject): string | undefined {
  const path = own(own(own(body, '//'), 'metadata'), 'path');
  return typeof path === 'string' ? path : undefined;
}

/** cdktf stacks carry their name in `//.metadata.stackName`; the stack's construct path is that name. */
function stackPathOf(doc: JsonObject, fallback: string): string {
  const name = own(own(own(doc, '//'), 'metadata'), 'stackName');
  return typeof name === 'string' ? name : fallback;
}

function stackSuppressions(doc: JsonObject, where: string): SuppressionRecord[] {
  const meta = own(doc, '//');
  if (!isObject(meta) || !hasOwn(meta, GUARDRAILS_METADATA_KEY)) return [];
  const guardrails = meta[GUARDRAILS_METADATA_KEY];
  if (!isObject(guardrails)) throw new GuardrailInputError(where, `//.${GUARDRAILS_METADATA_KEY} must be an object, not ${kindOf(guardrails)}`);
  if (!hasOwn(guardrails, 'suppressions')) return [];
  const list = guardrails.suppressions;
  if (!Array.isArray(list)) {
    throw new GuardrailInputError(where, `//.${GUARDRAILS_METADATA_KEY}.suppressions must be an array of suppression records, not ${kindOf(list)}`);
  }
  // Malformed records are passed on as they are: the engine reports them as invalid instead of dropping them.
  return list as SuppressionRecord[];
}

/** `holder[key]` when `holder` is an object that has `key` as its own property; never an inherited value. */
export function own(holder: unknown, key: string): unknown {
  return isObject(holder) && hasOwn(holder, key) ? holder[key] : undefined;
}

function hasOwn(holder: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(holder, key);
}

/** "a string", "an array", "null", … for messages. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}
