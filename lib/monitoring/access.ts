/**
 * The one model of "monitoring may reach the DERP nodes' exporters": from which tailnet tag, to which tag,
 * on which ports. Everything that depends on it is derived from it, so it cannot drift: the tailnet ACL
 * entry that opens the path, and the Prometheus scrape targets that use it.
 */
import type { AclRule } from '../contracts/tailnet-policy';
import { TAG } from '../tailnet/syntax';

export interface TailnetAccess {
  /** The tag the monitoring server joins the tailnet with, e.g. `tag:monitoring`. */
  readonly from: string;
  /** The tag of the nodes it scrapes, e.g. `tag:derp`. */
  readonly to: string;
  /** Exporter ports on those nodes, e.g. `[9100]`. */
  readonly ports: readonly number[];
}

/** Monitoring reaches the DERP nodes' node exporter, and nothing else. */
export const DERP_EXPORTER_ACCESS: TailnetAccess = { from: 'tag:monitoring', to: 'tag:derp', ports: [9100] };

/** Why an access model is malformed, or undefined. */
export function accessProblem(access: TailnetAccess): { prop: string; value: unknown; reason: string } | undefined {
  for (const prop of ['from', 'to'] as const) {
    if (typeof access[prop] !== 'string' || !TAG.test(access[prop])) {
      return { prop, value: access[prop] ?? null, reason: "must be a tailnet tag such as 'tag:monitoring'" };
    }
  }
  if (access.from === access.to)
    return { prop: 'to', value: access.to, reason: 'must differ from `from`: monitoring must not share the tag of what it watches' };
  if (!Array.isArray(access.ports) || access.ports.length === 0) return { prop: 'ports', value: access.ports ?? null, reason: 'must list at least one port' };
  const bad = access.ports.find((p) => !Number.isInteger(p) || p < 1 || p > 65535);
  if (bad !== undefined) return { prop: 'ports', value: access.ports, reason: `has ${bad}, which is not a port from 1 to 65535` };
  if (new Set(access.ports).size !== access.ports.length) return { prop: 'ports', value: access.ports, reason: 'lists a port twice' };
  return undefined;
}

/**
 * The ACL entry: `{ action: 'accept', src: [from], dst: ['<to>:<ports>'] }`. Without `proto`, as the
 * tailnet's other entries are written: on these ports only the exporters listen (TCP).
 */
export function accessAcl(access: TailnetAccess): AclRule {
  return { action: 'accept', src: [access.from], dst: [`${access.to}:${[...access.ports].sort((a, b) => a - b).join(',')}`] };
}
