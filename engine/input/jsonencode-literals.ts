/**
 * `Fn.jsonencode({...})`, cdktf's documented way to write an IAM policy or ECS container definitions,
 * synthesizes to `${jsonencode({"Version" = "2012-10-17", …})}`: an expression, which every rule reading the
 * document would have to report unknown. Its argument is HCL, so HashiCorp's converter (the one that reads
 * `.tf` files) turns it into the JSON value, and the attribute holds the JSON text Terraform would write,
 * with the references that remain written as `${…}` strings (as `JSON.stringify` of cdktf tokens writes
 * them). An argument that does not convert, or is one expression itself (`jsonencode(local.doc)`), is left
 * as it was: unknown.
 */
import type { JsonObject, ResourceRecord, StackDocument } from '../types';
import { isObject } from '../values';
import { convertEach } from './hcl';

const CALL = /^\$\{\s*jsonencode\s*\(([\s\S]*)\)\s*\}$/;
/** A converted value that is itself one whole expression (`${local.doc}`) says nothing new. */
const WHOLE_EXPRESSION = /^\$\{[\s\S]*\}$/;

interface Occurrence {
  readonly resource: number;
  readonly path: readonly (string | number)[];
  readonly argument: string;
}

/**
 * The stacks with every whole-value `${jsonencode(<literal HCL>)}` in a resource body replaced by its JSON
 * text. Runs the converter once (in one child process) and only when there is such a value.
 */
export function withJsonencodeEvaluated(stacks: readonly StackDocument[]): StackDocument[] {
  const found = stacks.map((stack) => occurrences(stack.resources));
  const all = found.flat();
  if (all.length === 0) return [...stacks];
  const converted = convertEach(all.map((o, i) => ({ text: `value = ${o.argument}\n`, fileName: `jsonencode-${i}.tf`, label: 'a jsonencode() argument' })));
  let next = 0;
  return stacks.map((stack, s) => {
    if (found[s].length === 0) return stack;
    const resources = [...stack.resources];
    for (const occurrence of found[s]) {
      const { json } = converted[next++];
      const value = isObject(json) ? json.value : undefined;
      if (value === undefined || (typeof value === 'string' && WHOLE_EXPRESSION.test(value))) continue;
      resources[occurrence.resource] = replaced(resources[occurrence.resource], occurrence.path, JSON.stringify(value));
    }
    return { ...stack, resources };
  });
}

function occurrences(resources: readonly ResourceRecord[]): Occurrence[] {
  const out: Occurrence[] = [];
  // One path, pushed and popped: copied only for a value found (this walks every value of every resource).
  const path: (string | number)[] = [];
  let index = 0;
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      const call = value.includes('jsonencode') ? CALL.exec(value.trim()) : null;
      if (call) out.push({ resource: index, path: [...path], argument: call[1] });
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i]);
        path.pop();
      }
    } else if (isObject(value)) {
      for (const key in value) {
        path.push(key);
        visit(value[key]);
        path.pop();
      }
    }
  };
  // Most bodies hold no jsonencode at all: a plain search (no path kept) decides which ones are walked with paths.
  for (; index < resources.length; index++) if (mentionsJsonencode(resources[index].body)) visit(resources[index].body);
  return out;
}

/** Whether any string in a value mentions jsonencode. */
function mentionsJsonencode(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('jsonencode');
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (mentionsJsonencode(value[i])) return true;
    return false;
  }
  for (const key in value) if (mentionsJsonencode((value as JsonObject)[key])) return true;
  return false;
}

/** A copy of the resource with the value at `path` in its body replaced; the rest shared. */
function replaced(resource: ResourceRecord, path: readonly (string | number)[], text: string): ResourceRecord {
  const set = (node: unknown, depth: number): unknown => {
    if (depth === path.length) return text;
    const key = path[depth];
    if (Array.isArray(node)) return node.map((item, i) => (i === key ? set(item, depth + 1) : item));
    const object = node as JsonObject;
    return { ...object, [key]: set(object[key as string], depth + 1) };
  };
  return { ...resource, body: set(resource.body, 0) as JsonObject };
}
