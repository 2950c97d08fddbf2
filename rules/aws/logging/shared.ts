/** What the logging rules share: "a destination is set" and "a setting nested several blocks deep". */
import { pass } from '../../../engine/results';
import type { CheckResult, JsonObject } from '../../../engine/types';
import { isExpression } from '../../../engine/values';
import { forEachBlock, requireBool, requirePresent, type ShapeOptions } from '../../common/shapes';
import { splitTemplate } from '../policy/template';

/**
 * Like `requirePresent`, but a template with literal text around its expressions
 * (`${aws_cloudwatch_log_group.trail.arn}:*`, `arn:aws:logs:${var.region}:…`) is set too: Terraform
 * never renders it empty (a null inside a template is an error, not an empty string).
 */
export function requireSet(body: JsonObject, attribute: string, what: string, options: ShapeOptions = {}): CheckResult {
  const value = body[attribute];
  if (typeof value === 'string' && isExpression(value)) {
    const parts = splitTemplate(value);
    if (parts?.some((p) => p.kind === 'literal' && p.text.trim() !== '')) {
      const path = options.path ? `${options.path}.${attribute}` : attribute;
      return pass(`${what}: ${path} is set`, path);
    }
  }
  return requirePresent(body, attribute, what, options);
}

/**
 * A boolean `attribute` inside nested blocks (`datasources` → `s3_logs` → `enable`) must be true, where a
 * missing block or attribute means `defaultValue`. Every occurrence at every level is checked.
 */
export function requireNestedBool(
  body: JsonObject,
  blockPath: readonly string[],
  attribute: string,
  what: string,
  defaultValue: boolean,
  path?: string,
): CheckResult[] {
  const [first, ...rest] = blockPath;
  if (first === undefined) return [requireBool(body, attribute, what, { defaultValue, ...(path ? { path } : {}) })];
  const missing = requireBool({}, attribute, what, { defaultValue, path: [path, ...blockPath].filter(Boolean).join('.') });
  return forEachBlock(body, first, (b) => requireNestedBool(b.body, rest, attribute, what, defaultValue, path ? `${path}.${b.path}` : b.path), missing);
}
