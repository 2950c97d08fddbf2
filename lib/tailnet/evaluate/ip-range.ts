/**
 * IP addresses and CIDR prefixes as closed ranges of integers, so "is this address inside that selector" has
 * one exact answer per family. Written out (not node's `net`) to keep the evaluator a pure model.
 */

export interface IpRange {
  readonly family: 4 | 6;
  readonly first: bigint;
  readonly last: bigint;
}

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseV4(text: string): bigint | undefined {
  const m = V4.exec(text);
  if (!m) return undefined;
  let value = 0n;
  for (const part of m.slice(1)) {
    const n = Number(part);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

function parseV6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string): number[] | undefined => {
    if (half === '') return [];
    const out: number[] = [];
    const parts = half.split(':');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (i === parts.length - 1 && p.includes('.')) {
        // An embedded IPv4 tail (::ffff:192.0.2.1) fills the last two groups.
        const v4 = parseV4(p);
        if (v4 === undefined) return undefined;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(p)) {
        out.push(parseInt(p, 16));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return all.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

/** `192.0.2.1`, `10.0.0.0/8`, `fd7a:115c:a1e0::1`, `fd7a:115c:a1e0::/48`; undefined when it is none of these. */
export function parseIpRange(text: string): IpRange | undefined {
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const v4 = parseV4(address);
  const v6 = v4 === undefined ? parseV6(address) : undefined;
  const family: 4 | 6 | undefined = v4 !== undefined ? 4 : v6 !== undefined ? 6 : undefined;
  if (family === undefined) return undefined;
  const width = family === 4 ? 32 : 128;
  let bits = width;
  if (slash >= 0) {
    const b = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(b) || Number(b) > width) return undefined;
    bits = Number(b);
  }
  const value = (v4 ?? v6) as bigint;
  const hostBits = BigInt(width - bits);
  const first = (value >> hostBits) << hostBits;
  return { family, first, last: first + (1n << hostBits) - 1n };
}

export function isSingleAddress(r: IpRange): boolean {
  return r.first === r.last;
}

/** Where `inner` lies relative to `outer`: wholly inside, wholly outside, or partly in. */
export function relate(inner: IpRange, outer: IpRange): 'inside' | 'disjoint' | 'overlaps' {
  if (inner.family !== outer.family || inner.last < outer.first || inner.first > outer.last) return 'disjoint';
  return inner.first >= outer.first && inner.last <= outer.last ? 'inside' : 'overlaps';
}

const ranges = (...texts: string[]): IpRange[] => texts.map((t) => parseIpRange(t) as IpRange);

/**
 * Where Tailscale numbers its devices: 100.64.0.0/10 (CGNAT) and fd7a:115c:a1e0::/48
 * (https://tailscale.com/kb/1015/100.x-addresses). A user's or a tagged device's own address is in here, so a
 * selector outside these ranges can never name one, and one inside them might.
 */
export const TAILNET_RANGES: readonly IpRange[] = ranges('100.64.0.0/10', 'fd7a:115c:a1e0::/48');

/** Non-public ranges: never part of `autogroup:internet` ("all public IP addresses", kb/1396/targets). */
export const NON_PUBLIC_RANGES: readonly IpRange[] = ranges(
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '::1/128',
  'fc00::/7',
  'fe80::/10',
);

export const insideAny = (r: IpRange, set: readonly IpRange[]): boolean => set.some((s) => relate(r, s) === 'inside');
export const touchesAny = (r: IpRange, set: readonly IpRange[]): boolean => set.some((s) => relate(r, s) !== 'disjoint');
