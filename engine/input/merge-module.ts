/**
 * One root module from several files, merged as Terraform merges them (internal/configs/module_merge.go,
 * module_merge_body.go), so the rules see the configuration Terraform will apply:
 *
 * - A resource, data source, module call or provider configuration defined twice in primary files is an
 *   error in Terraform ("Duplicate ... configuration"), and bad input here: checking either copy alone
 *   would be checking something Terraform never runs.
 * - An override file changes blocks that exist; naming one that does not is an error in Terraform too.
 * - Inside an overridden block, each argument given replaces the original's; a nested block type given
 *   replaces every original block of that type (contents are not merged); `dynamic` is one block type,
 *   so any `dynamic` in the override replaces every original `dynamic`. `lifecycle` is merged argument
 *   by argument.
 */
import { isObject } from '../values';
import type { JsonObject, ProviderRecord, ResourceRecord, StackDocument } from '../types';
import { GuardrailInputError } from './input-error';

export interface ModulePart {
  readonly stack: StackDocument;
  readonly override: boolean;
  /** The file, for messages and for placing findings. */
  readonly label: string;
}

export interface MergedModule {
  readonly stack: StackDocument;
  /** Resource address → the file that defines it (where its findings are placed). */
  readonly files: ReadonlyMap<string, string>;
}

const KIND: Record<ResourceRecord['mode'], string> = { managed: 'resource', data: 'data source', module: 'module call' };

export function mergeModule(parts: readonly ModulePart[], label: string): MergedModule {
  const resources: ResourceRecord[] = [];
  const providers: ProviderRecord[] = [];
  const files = new Map<string, string>();
  const at = new Map<string, number>();
  const providerAt = new Map<string, number>();

  for (const part of parts) {
    for (const r of part.stack.resources) {
      const index = at.get(r.address);
      if (!part.override) {
        if (index !== undefined) {
          // (Twice in one file is refused by the file reader, with the file's own wording.)
          throw new GuardrailInputError(
            label,
            `defines the ${KIND[r.mode]} ${r.address} in ${files.get(r.address)} and in ${part.label}; Terraform rejects a duplicate ${KIND[r.mode]}`,
          );
        }
        at.set(r.address, resources.length);
        resources.push(r);
        files.set(r.address, part.label);
        continue;
      }
      if (index === undefined) {
        throw new GuardrailInputError(
          part.label,
          `overrides the ${KIND[r.mode]} ${r.address}, which no other file of ${label} defines; Terraform rejects an override of a missing block`,
        );
      }
      resources[index] = { ...resources[index], body: overrideBody(resources[index].body, r.body) };
    }
    for (const p of part.stack.providers) {
      const key = `${p.type}\u0000${p.alias ?? ''}`;
      const index = providerAt.get(key);
      const name = p.alias === undefined ? `provider ${p.type}` : `provider ${p.type} (alias ${p.alias})`;
      if (!part.override) {
        if (index !== undefined)
          throw new GuardrailInputError(label, `configures the ${name} twice (again in ${part.label}); Terraform rejects a duplicate provider configuration`);
        providerAt.set(key, providers.length);
        providers.push(p);
      } else if (index === undefined) {
        throw new GuardrailInputError(
          part.label,
          `overrides the ${name}, which no other file of ${label} configures; Terraform rejects an override of a missing block`,
        );
      } else {
        providers[index] = { ...providers[index], body: overrideBody(providers[index].body, p.body) };
      }
    }
  }
  return {
    stack: { ...parts[0].stack, resources, providers, suppressions: parts.flatMap((p) => p.stack.suppressions) },
    files,
  };
}

/** One block overridden by another: arguments and nested block types replaced whole, `lifecycle` by argument. */
export function overrideBody(base: JsonObject, override: JsonObject): JsonObject {
  // A Map and fromEntries, not assignment: a key such as `__proto__` stays a plain key.
  const merged = new Map(Object.entries(base));
  for (const [key, value] of Object.entries(override)) {
    const current = merged.get(key);
    merged.set(key, key === 'lifecycle' && isObject(current) && isObject(value) ? { ...current, ...value } : value);
  }
  return Object.fromEntries(merged);
}
