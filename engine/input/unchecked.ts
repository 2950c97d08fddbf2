/**
 * Parts of an input the rules cannot see, listed so that a clean report never hides them. Today that is
 * a module call in Terraform JSON: the resources a module creates are not in the file (a plan expands
 * them, so check the plan to cover them).
 */
import { isObject } from '../values';
import type { JsonObject } from '../types';

export interface UncheckedItem {
  readonly stack: string;
  /** e.g. `module.vpc`. */
  readonly address: string;
  readonly file?: string;
  /** The construct path from the call's `//` metadata, when cdktf wrote it. */
  readonly constructPath?: string;
  /** What could not be checked and how to check it. */
  readonly reason: string;
}

/** Each `module` call of a Terraform JSON document (object or list form, as Terraform accepts both). */
export function moduleCalls(doc: JsonObject, stack: string, file?: string): UncheckedItem[] {
  const calls: UncheckedItem[] = [];
  for (const byName of asObjects(doc.module)) {
    for (const [name, bodies] of Object.entries(byName)) {
      for (const body of asObjects(bodies).length > 0 ? asObjects(bodies) : [{}]) {
        const source = typeof body.source === 'string' ? body.source : undefined;
        const path = constructPathOf(body);
        calls.push({
          stack,
          address: `module.${name}`,
          ...(file !== undefined ? { file } : {}),
          ...(path !== undefined ? { constructPath: path } : {}),
          reason:
            `module call${source ? ` (source ${source})` : ''}: the resources it creates are not in this configuration, ` +
            'so no rule checked them; check the plan (`terraform show -json`), where they are expanded',
        });
      }
    }
  }
  return calls;
}

export function constructPathOf(body: JsonObject): string | undefined {
  const meta = body['//'];
  if (!isObject(meta) || !isObject(meta.metadata)) return undefined;
  return typeof meta.metadata.path === 'string' ? meta.metadata.path : undefined;
}

function asObjects(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}
