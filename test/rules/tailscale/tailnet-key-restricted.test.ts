import { tailnetKeyRestricted as rule } from '../../../rules/tailscale/tailnet-key-restricted';
import { findingsFor, kinds } from '../../helpers/rule-harness';

const good = { reusable: false, preauthorized: true, tags: ['tag:derp'], expiry: 3600 };

describe('tailnet-key-restricted', () => {
  test('quiet on a single-use, tagged, one-hour key; reusable unset counts as single-use', () => {
    expect(findingsFor(rule, 'tailscale_tailnet_key', good)).toEqual([]);
    const { reusable: _r, ...unsetReusable } = good;
    expect(findingsFor(rule, 'tailscale_tailnet_key', unsetReusable)).toEqual([]);
  });

  test.each([
    ['reusable', { ...good, reusable: true }, 'reusable'],
    ['untagged', { ...good, tags: [] }, 'tags'],
    ['no tags at all', { reusable: false, expiry: 3600 }, 'tags'],
    ['expiry unset (90 days)', { ...good, expiry: undefined }, 'expiry'],
    ['expiry over a day', { ...good, expiry: 86401 }, 'expiry'],
  ])('fires: %s', (_name, body, attribute) => {
    const found = findingsFor(rule, 'tailscale_tailnet_key', JSON.parse(JSON.stringify(body)));
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0].attribute).toBe(attribute);
  });

  test('a day exactly is allowed', () => {
    expect(findingsFor(rule, 'tailscale_tailnet_key', { ...good, expiry: 86400 })).toEqual([]);
  });

  test.each([
    ['reusable', { ...good, reusable: '${var.reusable}' }],
    ['tags', { ...good, tags: '${var.tags}' }],
    ['a tag', { ...good, tags: ['${var.tag}'] }],
    ['expiry', { ...good, expiry: '${var.expiry}' }],
  ])('unknown when %s is an expression', (_name, body) => {
    expect(kinds(findingsFor(rule, 'tailscale_tailnet_key', body))).toEqual(['unknown']);
  });
});
