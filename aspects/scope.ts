/**
 * Recognising cdktf constructs by cdktf's own symbols rather than `instanceof`, so an app built with
 * another copy of cdktf in node_modules is still recognised.
 */
import type { IConstruct } from 'constructs';
import type { App, TerraformStack } from 'cdktf';

/**
 * A cdktf or cdktn App, by shape, so that either package's App type-checks where the public API takes one
 * (cdktf-guardrails is typed against cdktf, and a cdktn class is a different nominal type).
 */
export interface CdkApp extends IConstruct {
  readonly outdir: string;
  synth(): void;
}

/** A cdktf or cdktn TerraformStack, by shape (see CdkApp). */
export interface CdkStack extends IConstruct {
  toTerraform(): unknown;
}

const APP_SYMBOL = Symbol.for('cdktf/App');
const STACK_SYMBOL = Symbol.for('cdktf/TerraformStack');

export function isApp(x: unknown): x is App {
  return x !== null && typeof x === 'object' && APP_SYMBOL in x;
}

export function isStack(x: unknown): x is TerraformStack {
  return x !== null && typeof x === 'object' && STACK_SYMBOL in x;
}

export function isConstruct(x: unknown): x is IConstruct {
  return x !== null && typeof x === 'object' && 'node' in x && typeof (x as IConstruct).node?.path === 'string';
}

/** The App a construct belongs to, or undefined. */
export function appOf(scope: IConstruct): App | undefined {
  for (let node: IConstruct | undefined = scope; node; node = node.node.scope) {
    if (isApp(node)) return node;
  }
  return undefined;
}

/** "string", "undefined", "Construct": what a wrong argument was, for error messages. */
export function kindOf(x: unknown): string {
  if (x === null) return 'null';
  if (typeof x !== 'object') return typeof x;
  return x.constructor?.name ?? 'an object';
}

const RESOURCE_SYMBOL = Symbol.for('cdktf/TerraformResource');
const DATA_SOURCE_SYMBOL = Symbol.for('cdktf/TerraformDataSource');

interface ElementLike {
  readonly friendlyUniqueId: string;
  readonly terraformResourceType?: string;
  readonly node: IConstruct['node'];
}

/**
 * Terraform address → construct path, from the construct tree itself. At synth this, not the `//`
 * metadata in the JSON (which an override can rewrite), says which construct owns a resource, so no one
 * can move a resource under a suppression's scope by editing its metadata.
 */
export function constructPathsByAddress(stack: TerraformStack): Map<string, string> {
  const paths = new Map<string, string>();
  for (const node of stack.node.findAll() as unknown as ElementLike[]) {
    const type = node.terraformResourceType;
    if (RESOURCE_SYMBOL in node && type) paths.set(`${type}.${node.friendlyUniqueId}`, node.node.path);
    else if (DATA_SOURCE_SYMBOL in node && type) paths.set(`data.${type}.${node.friendlyUniqueId}`, node.node.path);
    else if (typeof (node as { interpolationForOutput?: unknown }).interpolationForOutput === 'function') {
      paths.set(`module.${node.friendlyUniqueId}`, node.node.path);
    }
  }
  return paths;
}
