/**
 * Port lists as Tailscale writes them in an ACL destination (`tag:web:80,443`, `*:8000-8099`, `host:*`) and in
 * a grant `ip` entry (`tcp:443`, `80-443`): https://tailscale.com/kb/1337/policy-syntax#dst.
 */

export interface PortRange {
  readonly first: number;
  readonly last: number;
}

export const ALL_PORTS: readonly PortRange[] = [{ first: 0, last: 65535 }];

function portNumber(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= 65535 ? n : undefined;
}

/** `*`, `22`, `80-443`, `22,80,8000-8099`; undefined when malformed (a backwards range included). */
export function parsePortList(text: string): PortRange[] | undefined {
  if (text === '*') return [...ALL_PORTS];
  const out: PortRange[] = [];
  for (const part of text.split(',')) {
    const bounds = part.split('-');
    if (bounds.length > 2) return undefined;
    const first = portNumber(bounds[0]);
    const last = bounds.length === 2 ? portNumber(bounds[1]) : first;
    if (first === undefined || last === undefined || first > last) return undefined;
    out.push({ first, last });
  }
  return out;
}

/**
 * A test destination's port: exactly one port, 1-65535. Tailscale refuses `*`, lists and ranges there because a
 * test asks about one connection (recorded against Tailscale's control plane in headscale's
 * hscontrol/policy/v2/testdata/policytest_results/policytest-port-shape-*.hujson).
 */
export function parseSinglePort(text: string): number | undefined {
  const n = portNumber(text);
  return n !== undefined && n >= 1 ? n : undefined;
}

export const coversPort = (list: readonly PortRange[], port: number): boolean => list.some((r) => r.first <= port && port <= r.last);
