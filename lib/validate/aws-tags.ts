/** AWS tags a construct applies, checked the same way wherever a construct takes them. */
import { cdk } from '../../aspects/cdk';
import type { PropValidator } from './index';

/** Tags a construct applies: keys and values as AWS accepts them, no tokens. */
export function validateAwsTags(v: PropValidator, prop: string, tags: Readonly<Record<string, string>> | undefined): Record<string, string> {
  if (tags === undefined) return {};
  if (tags === null || typeof tags !== 'object' || Array.isArray(tags)) v.fail(prop, tags, 'must be an object of tag key to value');
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags)) {
    if (cdk.Token.isUnresolved(key) || !/^[\p{L}\p{N}\s_.:/=+@-]{1,128}$/u.test(key) || key.toLowerCase().startsWith('aws:')) {
      v.fail(`${prop}`, key, 'must be a tag key of 1-128 characters of letters, digits, spaces and _ . : / = + - @, not starting with aws:');
    }
    const text = v.literal(`${prop}.${key}`, value, 'a tag value');
    if (!/^[\p{L}\p{N}\s_.:/=+@-]{0,256}$/u.test(text)) {
      v.fail(`${prop}.${key}`, text, 'must be a tag value of up to 256 characters of letters, digits, spaces and _ . : / = + - @');
    }
    out[key] = text;
  }
  return out;
}
