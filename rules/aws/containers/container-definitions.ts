/**
 * Reading an ECS task definition's `container_definitions`: a JSON string (what `JSON.stringify` of a list
 * holding tokens synthesizes to), parsed with its `${…}` expressions kept in place, so each container field
 * is read with the usual readers (`boolAttr`, `stringAttr`…) and an expression stays unknown. cdktf's
 * `Fn.jsonencode([...])` of literal containers arrives here as JSON text (engine/input/jsonencode-literals.ts).
 * A value that is itself an expression (`${var.containers}`, `${jsonencode(local.x)}`) or is not a JSON
 * list of objects cannot be read: every container rule is unknown for it.
 */
import { pass, unknown } from '../../../engine/results';
import type { CheckResult, JsonObject, ResourceRecord } from '../../../engine/types';
import { describeExpression, isObject, stringAttr } from '../../../engine/values';
import { parseTemplateJson } from '../policy/document';

export const TASK_DEFINITION = 'aws_ecs_task_definition';

export interface Container {
  readonly body: JsonObject;
  /** For messages and attributes: `container_definitions[0] "web"`. */
  readonly path: string;
}

export type Containers = { readonly state: 'known'; readonly containers: readonly Container[] } | { readonly state: 'unknown'; readonly result: CheckResult };

const ATTRIBUTE = 'container_definitions';

/** A value parsed from template JSON, with bare expressions (objects of the parser's own class) turned back into `${…}` strings. */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (isObject(value)) {
    if (Object.getPrototypeOf(value) !== Object.prototype) {
      const expression = (value as { expression?: unknown }).expression;
      return typeof expression === 'string' ? expression : JSON.stringify(value);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
  }
  return value;
}

export function readContainers(resource: ResourceRecord): Containers {
  const raw = resource.body[ATTRIBUTE];
  const cannot = (why: string): Containers => ({ state: 'unknown', result: unknown(`${ATTRIBUTE} ${why}: the containers cannot be read`, ATTRIBUTE) });
  if (raw === undefined || raw === null) return cannot('is not set');
  if (typeof raw !== 'string') return cannot('is not a JSON string');
  const parsed = parseTemplateJson(raw);
  if (!parsed.ok) return cannot(parsed.reason.startsWith('is not valid') ? `is ${describeExpression(raw)}` : parsed.reason);
  const list = normalize(parsed.value);
  if (typeof list === 'string') return cannot(`is ${describeExpression(list)}`);
  if (!Array.isArray(list)) return cannot('is not a JSON list of containers');
  const containers: Container[] = [];
  for (const [i, item] of list.entries()) {
    if (!isObject(item)) return cannot(`[${i}] is ${typeof item === 'string' ? describeExpression(item) : 'not an object'}`);
    const name = stringAttr(item, 'name');
    containers.push({ body: item, path: `${ATTRIBUTE}[${i}]${name.state === 'known' ? ` "${name.value}"` : ''}` });
  }
  return { state: 'known', containers };
}

/**
 * Run `check` over every container; it returns a finding (violation / unknown) or undefined when the
 * container is fine. A pass with `passMessage` when no container has a finding.
 */
export function checkContainers(
  resource: ResourceRecord,
  check: (container: Container) => CheckResult | readonly CheckResult[] | undefined,
  passMessage: string,
): CheckResult[] {
  const read = readContainers(resource);
  if (read.state === 'unknown') return [read.result];
  const found = read.containers.flatMap((c) => ([] as CheckResult[]).concat(check(c) ?? []));
  const problems = found.filter((r) => r.status === 'violation' || r.status === 'unknown');
  return problems.length > 0 ? problems : [pass(passMessage, ATTRIBUTE)];
}
