/** The lookups a rule may make within its stack, indexed once per stack. */
import type { ResolvedTagConfig } from './options';
import type { ApprovedModule } from './approved-modules';
import type { RuleContext } from './rule';
import type { ProviderRecord, ResourceRecord, StackDocument } from './types';

const PROVIDER_REF = /^([a-z0-9_-]+)(?:\.([A-Za-z0-9_-]+))?$/;

export function createContext(stack: StackDocument, tags: ResolvedTagConfig, approvedModules: readonly ApprovedModule[] = []): RuleContext {
  const byAddress = new Map<string, ResourceRecord>();
  const byType = new Map<string, ResourceRecord[]>();
  for (const resource of stack.resources) {
    byAddress.set(resource.address, resource);
    const key = resource.mode === 'data' ? `data.${resource.type}` : resource.type;
    const list = byType.get(key);
    if (list) list.push(resource);
    else byType.set(key, [resource]);
  }
  const memos = new Map<string, unknown>();
  return {
    stack,
    tags,
    approvedModules,
    memo: <T>(key: string, compute: () => T): T => {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    },
    resourceAt: (address) => byAddress.get(address),
    resourcesOfType: (type) => byType.get(type) ?? [],
    providerFor: (resource) => providerFor(resource, stack.providers),
  };
}

/**
 * The provider configuration a resource uses: its `provider = "aws.east"` meta-argument, else the default
 * (un-aliased) configuration of the provider its type belongs to. A nested block that happens to be
 * called `provider` (an object) is not the meta-argument.
 */
export function providerFor(resource: ResourceRecord, providers: readonly ProviderRecord[]): ProviderRecord | undefined {
  const meta = resource.body.provider;
  let type = resource.type.split('_')[0];
  let alias: string | undefined;
  if (typeof meta === 'string') {
    const match = PROVIDER_REF.exec(meta.replace(/^\$\{(.*)\}$/, '$1'));
    if (match) [type, alias] = [match[1], match[2]];
  }
  return providers.find((p) => p.type === type && p.alias === alias);
}

/**
 * `compute(subject)` once per stack and subject (a resource or provider record), however many rules ask:
 * the per-stack memo `key` holds one cache, keyed by the record itself. `compute` never returns undefined.
 */
export function memoPer<K extends object, V>(context: RuleContext, key: string, subject: K, compute: (subject: K) => V): V {
  const cache = context.memo(key, () => new WeakMap<K, V>());
  let value = cache.get(subject);
  if (value === undefined) {
    value = compute(subject);
    cache.set(subject, value);
  }
  return value;
}
