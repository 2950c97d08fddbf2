/**
 * Terraform JSON (`cdk.tf.json`, `*.tf.json`) → StackDocument. Written for JSON that cdktf did not write
 * too: blocks as objects or arrays at any level, provider configurations as arrays, no `resource` key at
 * all. Nothing here throws on odd shapes: what cannot be read is kept so the rules see it and fail closed.
 */
import { isObject } from '../engine/values';
import type { JsonObject, ProviderRecord, ResourceRecord, StackDocument, SuppressionRecord } from '../engine/types';

/** Where suppressions travel in synthesized output: `//.guardrails.suppressions` of the stack or a resource. */
export const GUARDRAILS_METADATA_KEY = 'guardrails';

export interface TerraformJsonSource {
  /** Stack name for reports. */
  readonly stack: string;
  /** File for reports. */
  readonly file?: string;
}

/** Whether a parsed JSON document looks like Terraform configuration (any top-level Terraform block). */
export function looksLikeTerraformJson(doc: unknown): doc is JsonObject {
  if (!isObject(doc)) return false;
  return ['resource', 'data', 'provider', 'terraform', 'variable', 'output', 'locals', 'module', 'import', 'moved', 'check'].some(
    (key) => key in doc,
  ) || ('//' in doc && isObject(doc['//']) && 'metadata' in (doc['//'] as JsonObject));
}

export function stackFromTerraformJson(doc: JsonObject, source: TerraformJsonSource): StackDocument {
  const stackPath = stackPathOf(doc, source.stack);
  const resources: ResourceRecord[] = [
    ...readBlocks(doc.resource, 'managed', stackPath),
    ...readBlocks(doc.data, 'data', stackPath),
    ...readModuleCalls(doc.module, stackPath),
  ];
  return {
    name: source.stack,
    ...(source.file !== undefined ? { file: source.file } : {}),
    resources,
    providers: readProviders(doc.provider),
    suppressions: [...stackSuppressions(doc), ...resources.flatMap(resourceSuppressions)],
    source: 'config',
  };
}

/** Each item of a block that may be written as one object or a list of objects. */
function items(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

function readBlocks(section: unknown, mode: 'managed' | 'data', stackPath: string): ResourceRecord[] {
  const records: ResourceRecord[] = [];
  for (const byType of items(section)) {
    for (const [type, byName] of Object.entries(byType)) {
      for (const names of items(byName)) {
        for (const [name, bodyOrList] of Object.entries(names)) {
          const bodies = Array.isArray(bodyOrList) ? bodyOrList : [bodyOrList];
          for (const raw of bodies) {
            // A body that is not an object is invalid Terraform; keep it as an empty body so every rule
            // reports the attributes it needs as missing rather than skipping the resource.
            const body: JsonObject = isObject(raw) ? raw : {};
            const path = metadataPath(body);
            records.push({
              type,
              name,
              address: mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`,
              mode,
              body,
              constructPath: path ?? stackPath,
              ownedByConstruct: path !== undefined,
            });
          }
        }
      }
    }
  }
  return records;
}

/** Module calls as records of type `module`: `module.<name>`, the call's arguments as body. */
function readModuleCalls(section: unknown, stackPath: string): ResourceRecord[] {
  const records: ResourceRecord[] = [];
  for (const byName of items(section)) {
    for (const [name, bodyOrList] of Object.entries(byName)) {
      for (const raw of Array.isArray(bodyOrList) ? bodyOrList : [bodyOrList]) {
        const body: JsonObject = isObject(raw) ? raw : {};
        const path = metadataPath(body);
        records.push({ type: 'module', name, address: `module.${name}`, mode: 'module', body, constructPath: path ?? stackPath, ownedByConstruct: path !== undefined });
      }
    }
  }
  return records;
}

function readProviders(section: unknown): ProviderRecord[] {
  const records: ProviderRecord[] = [];
  for (const byType of items(section)) {
    for (const [type, configs] of Object.entries(byType)) {
      for (const body of items(configs)) {
        const alias = typeof body.alias === 'string' ? body.alias : undefined;
        records.push({ type, ...(alias !== undefined ? { alias } : {}), body });
      }
    }
  }
  return records;
}

function metadataPath(body: JsonObject): string | undefined {
  const meta = body['//'];
  if (!isObject(meta) || !isObject(meta.metadata)) return undefined;
  return typeof meta.metadata.path === 'string' ? meta.metadata.path : undefined;
}

/** cdktf stacks carry their name in `//.metadata.stackName`; the stack's construct path is that name. */
function stackPathOf(doc: JsonObject, fallback: string): string {
  const meta = doc['//'];
  if (isObject(meta) && isObject(meta.metadata) && typeof meta.metadata.stackName === 'string') return meta.metadata.stackName;
  return fallback;
}

function guardrailsMetadata(holder: unknown): JsonObject | undefined {
  if (!isObject(holder)) return undefined;
  const meta = holder['//'];
  if (!isObject(meta)) return undefined;
  const g = meta[GUARDRAILS_METADATA_KEY];
  return isObject(g) ? g : undefined;
}

function stackSuppressions(doc: JsonObject): SuppressionRecord[] {
  const list = guardrailsMetadata(doc)?.suppressions;
  // Malformed records are passed on as they are: the engine reports them as invalid instead of dropping them.
  return Array.isArray(list) ? (list as SuppressionRecord[]) : [];
}

function resourceSuppressions(resource: ResourceRecord): SuppressionRecord[] {
  const list = guardrailsMetadata(resource.body)?.suppressions;
  if (!Array.isArray(list)) return [];
  return list.map((record) =>
    isObject(record) ? ({ scope: resource.constructPath, ...record, address: resource.address } as unknown as SuppressionRecord) : record,
  );
}
