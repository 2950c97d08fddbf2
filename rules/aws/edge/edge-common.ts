/** What the edge and serverless rules share: list attributes read item by item, and the CORS question. */
import { pass, unknown, unknownValue, violation } from '../../../engine/results';
import type { CheckResult, JsonObject } from '../../../engine/types';
import { boolAttr, describeExpression, isExpression, listAttr, known, maybe, or, referencedAddress, type Answer, type Value } from '../../../engine/values';
import { splitTemplate } from '../policy/template';

export const CLOUDFRONT = 'aws_cloudfront_distribution';

/**
 * Whether some item of a list attribute passes `test`: known yes / no, or unknown when the list or an item
 * is an expression (that item may be anything). Absent is no.
 */
export function someItem(body: JsonObject, attribute: string, test: (item: string) => boolean): Answer {
  const list = listAttr(body, attribute);
  if (list.state === 'absent') return known(false);
  if (list.state === 'unknown') return maybe(`${attribute} is ${describeExpression(list.expression)}`, attribute);
  return or(
    known(false),
    ...list.value.map((item): Answer => {
      if (typeof item === 'string' && isExpression(item)) return maybe(`${attribute} has ${describeExpression(item)}`, attribute);
      return known(test(String(item)), `${attribute} has "${String(item)}"`, attribute);
    }),
  );
}

/** The methods a browser may send from any origin without harm: reads. */
const SAFE_METHODS = ['GET', 'HEAD'];

/**
 * A CORS rule that lets every web origin (`*`) read responses with the user's credentials, or send
 * methods other than GET and HEAD. `credentials` is the attribute that allows credentials, if the service
 * has one (S3 has none: it never answers a wildcard origin with Access-Control-Allow-Credentials).
 */
export function corsRuleResult(
  body: JsonObject,
  path: string,
  names: { readonly origins: string; readonly methods: string; readonly credentials?: string },
): CheckResult {
  const at = (a: string) => `${path}.${a}`;
  const anyOrigin = someItem(body, names.origins, (o) => o.trim() === '*');
  if (anyOrigin.state === 'unknown') return unknown(`${at(names.origins)}: ${anyOrigin.expression}`, at(names.origins));
  if (!anyOrigin.value) return pass(`${at(names.origins)} names the origins it trusts`, at(names.origins));
  if (names.credentials !== undefined) {
    const credentials = boolAttr(body, names.credentials);
    if (credentials.state === 'unknown') return unknownValue(at(names.credentials), credentials);
    if (credentials.state === 'known' && credentials.value) {
      return violation(
        `${at(names.origins)} allows every origin ("*") and ${at(names.credentials)} is true: any web site can make requests with the user's credentials`,
        at(names.credentials),
      );
    }
  }
  const unsafe = someItem(body, names.methods, (m) => !SAFE_METHODS.includes(m.trim().toUpperCase()));
  if (unsafe.state === 'unknown') return unknown(`${at(names.origins)} allows every origin ("*") and ${unsafe.expression}`, at(names.methods));
  if (unsafe.value) {
    return violation(
      `${at(names.origins)} allows every origin ("*") to send more than GET and HEAD (${unsafe.why ?? at(names.methods)}): any web site can make the user's browser change data`,
      at(names.methods),
    );
  }
  return pass(`${at(names.origins)} allows every origin ("*") to read only (GET, HEAD)`, at(names.methods));
}

/**
 * Whether a string attribute is set to something non-empty: a non-blank literal, a reference to another
 * resource (`${aws_x.y.arn}`), or a template with literal text (`${aws_x.y.execution_arn}/*`); any other
 * expression (a variable, a function) may evaluate to "" and is unknown.
 */
export function isSet(value: Value<string>, what: string): Answer {
  if (value.state === 'known') return known(value.value.trim() !== '', what, what);
  if (value.state === 'absent') return known(false, what, what);
  const parts = splitTemplate(value.expression);
  const hasText = parts?.some((p) => p.kind === 'literal' && p.text.trim() !== '') ?? false;
  return hasText || referencedAddress(value.expression) !== undefined
    ? known(true, what, what)
    : maybe(`${what} is ${describeExpression(value.expression)}`, what);
}
